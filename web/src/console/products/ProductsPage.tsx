import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { useOwnsBrand } from '../brand';
import { TableCsvButton } from '../CsvButton';
import { topicName } from '../format';
import { ConsoleProductsQuery } from './queries';

const PAGE = 50;

/** The brand's products, newest first, each linking to its edit form. */
export function ProductsPage({ brandId }: { brandId: string }) {
  const { t, lang } = useI18n();
  const owns = useOwnsBrand();
  const [first, setFirst] = useState(PAGE);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ConsoleProductsQuery,
    variables: { brandId, first },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.brand?.id === brandId ? data.brand.products : null;
  const products = connection?.edges.map((edge) => edge.node) ?? [];
  const date = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium' });

  return (
    <section aria-labelledby="products-title" data-testid="console-products">
      <div className="console-heading">
        <h2 id="products-title">{t('console.nav.products')}</h2>
        {owns && (
          <Link to="/console/products/new" className="button small" data-testid="new-product">
            {t('console.products.new')}
          </Link>
        )}
      </div>
      {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {connection && products.length === 0 && <p className="muted">{t('console.products.none')}</p>}
      {products.length > 0 && (
        <table className="console-table">
          <thead>
            <tr>
              <th scope="col">{t('console.product.title')}</th>
              <th scope="col">{t('console.product.price')}</th>
              <th scope="col">{t('console.product.stock')}</th>
              <th scope="col">{t('console.product.category')}</th>
              <th scope="col">{t('console.products.created')}</th>
            </tr>
          </thead>
          <tbody>
            {products.map((product) => (
              <tr key={product.id} data-testid="product-row" data-product-id={product.id}>
                <th scope="row">
                  <Link to={`/console/products/${product.id}`}>{product.title}</Link>
                </th>
                <td>{product.price.formatted}</td>
                <td>{product.inStock ? product.stock : t('console.products.soldOut')}</td>
                <td>{topicName(t, product.category)}</td>
                <td>{date.format(new Date(product.createdAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {products.length > 0 && (
        <TableCsvButton
          filename="products.csv"
          testId="csv-products"
          head={['id', 'title', 'price_minor', 'currency', 'stock', 'category', 'created_at']}
          rows={products.map((p) => [p.id, p.title, p.price.amountMinor, p.price.currency, p.stock, p.category, p.createdAt])}
        />
      )}
      {fetching && <p className="feed-status" aria-busy="true" />}
      {connection?.pageInfo.hasNextPage && !fetching && (
        <button type="button" className="button" onClick={() => setFirst(first + PAGE)}>
          {t('console.more')}
        </button>
      )}
    </section>
  );
}
