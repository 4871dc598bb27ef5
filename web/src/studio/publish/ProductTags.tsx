import { useId, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n';
import { ProductSearchQuery } from '../studio.queries';
import type { DraftTag, TaggedProduct } from './tags';

/** At most this many products per note (notes/notes.inputs.ts). */
export const MAX_TAGS = 10;

interface ProductTagsProps {
  tags: readonly DraftTag[];
  active: string | null;
  /** Where each tag's file is in the note's order, for the words that say where it is pinned. */
  positionOf(mediaKey: string): number;
  onAdd(product: TaggedProduct): void;
  onActivate(productId: string): void;
  onRemove(productId: string): void;
}

/** Finds products in the catalogue and lists the tagged ones, saying where each is pinned. */
export function ProductTags({ tags, active, positionOf, onAdd, onActivate, onRemove }: ProductTagsProps) {
  const { t } = useI18n();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [{ data, fetching }] = useQuery({ query: ProductSearchQuery, variables: { query }, pause: query === '' });
  const products = (data?.search.edges ?? []).flatMap(({ node }) => (node.__typename === 'Product' ? [node] : []));
  const full = tags.length >= MAX_TAGS;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(typed.trim());
  };

  return (
    <section className="studio-section" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t('studio.tags.heading')}</h2>
      <div className="product-search" role="search">
        <label htmlFor={inputId}>{t('studio.tags.search')}</label>
        <input
          id={inputId}
          className="input"
          type="search"
          value={typed}
          data-testid="product-search"
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') submit(event);
          }}
        />
        <button type="button" className="button small" onClick={submit}>
          {t('studio.tags.find')}
        </button>
      </div>
      {fetching && <p className="muted small" aria-busy="true" />}
      {query !== '' && !fetching && products.length === 0 && <p className="muted small">{t('studio.tags.none')}</p>}
      {products.length > 0 && (
        <ul className="product-hits" aria-label={t('studio.tags.results')}>
          {products.map((product) => {
            const tagged = tags.some((tag) => tag.product.id === product.id);
            return (
              <li key={product.id} data-testid="product-hit">
                <span>
                  {product.title} <span className="muted small">{product.brand.name}</span>{' '}
                  <span className="price">{product.price.formatted}</span>
                </span>
                <button type="button" className="text-button" disabled={tagged || full} onClick={() => onAdd(product)}>
                  {tagged ? t('studio.tags.tagged') : t('studio.tags.add')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {tags.length > 0 && (
        <ul className="tag-list" aria-label={t('studio.tags.list')}>
          {tags.map((tag) => (
            <li key={tag.product.id} data-testid="tag-row" aria-current={tag.product.id === active}>
              <strong>{tag.product.title}</strong>
              <span className="muted small">
                {tag.atMs != null
                  ? t('studio.tags.atMoment', { seconds: (tag.atMs / 1000).toFixed(1) })
                  : tag.mediaKey && tag.x != null && tag.y != null
                    ? t('studio.tags.pinnedAt', { index: positionOf(tag.mediaKey), x: Math.round(tag.x * 100), y: Math.round(tag.y * 100) })
                    : t('studio.tags.unpinned')}
              </span>
              <button
                type="button"
                className="text-button"
                aria-pressed={tag.product.id === active}
                onClick={() => onActivate(tag.product.id)}
              >
                {t('studio.tags.place')}
              </button>
              <button
                type="button"
                className="text-button"
                aria-label={t('studio.tags.removeNamed', { title: tag.product.title })}
                onClick={() => onRemove(tag.product.id)}
              >
                {t('studio.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
