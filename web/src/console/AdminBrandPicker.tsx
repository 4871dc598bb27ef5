import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { ErrorRetry } from '../ui/ErrorRetry';
import { useBrand, useChooseBrand } from './brand';

const BrandsQuery = graphql(`
  query ConsoleBrands($nameContains: String!) {
    brands(nameContains: $nameContains, first: 20) {
      id
      name
    }
  }
`);

/** Admins open any brand's console: they look a brand up by name and the console shows that brand's figures. */
export function AdminBrandPicker() {
  const { t } = useI18n();
  const id = useId();
  const brand = useBrand();
  const choose = useChooseBrand();
  const [text, setText] = useState('');
  const [{ data, error }, refetch] = useQuery({ query: BrandsQuery, variables: { nameContains: text.trim() } });
  const brands = data?.brands ?? [];

  return (
    <section className="brand-picker" aria-labelledby={`${id}-title`} data-testid="brand-picker">
      <h2 id={`${id}-title`}>{brand ? t('console.admin.viewing', { brand: brand.name }) : t('console.admin.choose')}</h2>
      <label htmlFor={`${id}-search`}>{t('console.admin.search')}</label>
      <input id={`${id}-search`} type="search" value={text} onChange={(event) => setText(event.target.value)} data-testid="brand-search" />
      {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      <ul className="chips">
        {brands.map((option) => (
          <li key={option.id}>
            <button
              type="button"
              className="chip"
              aria-pressed={option.id === brand?.id}
              onClick={() => choose({ id: option.id, name: option.name })}
            >
              {option.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
