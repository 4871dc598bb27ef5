import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { NoAccess } from '../../ui/RequireRole';
import { useBrand } from '../brand';
import { ProductForm, type FieldError, type ProductInput } from './ProductForm';
import { ConsoleProductQuery, CreateConsoleProductMutation, UpdateConsoleProductMutation } from './queries';

export function ProductNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [{ fetching }, create] = useMutation(CreateConsoleProductMutation);
  const [problem, setProblem] = useState<FieldError | null>(null);

  async function save(input: ProductInput) {
    const result = await create({ input });
    const payload = result.data?.createProduct;
    if (payload?.product) navigate(`/console/products/${payload.product.id}`);
    else setProblem(payload?.error ?? { code: 'NETWORK', message: t('error.generic') });
  }

  return (
    <section aria-labelledby="product-title">
      <BackToProducts />
      <h2 id="product-title">{t('console.products.new')}</h2>
      <ProductForm error={problem} busy={fetching} onSubmit={(input) => void save(input)} />
    </section>
  );
}

/**
 * A product's edit form. Products are public, so the API does answer with another brand's; the console says "no
 * access" to it rather than offer a form that updateProduct would refuse.
 */
export function ProductEditPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const brand = useBrand();
  const [{ data, error }, refetch] = useQuery({ query: ConsoleProductQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [{ fetching }, update] = useMutation(UpdateConsoleProductMutation);
  const [problem, setProblem] = useState<FieldError | null>(null);
  const [saved, setSaved] = useState(false);

  if (error) return <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <p className="feed-status" aria-busy="true" />;
  const product = data.product;
  if (!product || product.brand.id !== brand?.id) return <NoAccess who={t('access.brands')} signedIn />;

  async function save(input: ProductInput) {
    setSaved(false);
    const result = await update({ id, input });
    const payload = result.data?.updateProduct;
    setProblem(payload?.product ? null : (payload?.error ?? { code: 'NETWORK', message: t('error.generic') }));
    setSaved(Boolean(payload?.product));
  }

  return (
    <section aria-labelledby="product-title" data-testid="product-edit">
      <BackToProducts />
      <h2 id="product-title">{product.title}</h2>
      <ProductForm key={product.id} initial={product} error={problem} busy={fetching} onSubmit={(input) => void save(input)} />
      {saved && (
        <p className="notice" role="status" data-testid="product-saved">
          {t('console.product.saved')}
        </p>
      )}
    </section>
  );
}

function BackToProducts() {
  const { t } = useI18n();
  return (
    <Link to="/console/products" className="back-link">
      {t('console.products.back')}
    </Link>
  );
}
