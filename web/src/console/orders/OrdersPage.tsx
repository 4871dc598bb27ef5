import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { CsvButton } from '../CsvButton';
import { dateTime } from '../format';
import { ConsoleOrdersQuery } from './queries';

const PAGE = 20;

/** The brand's paid orders, newest first, a page at a time; each opens its attribution. */
export function OrdersPage({ brandId }: { brandId: string }) {
  const { t, lang } = useI18n();
  // The cursors of the pages before this one, so "previous" goes back without the cache merging pages.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ConsoleOrdersQuery,
    variables: { brandId, first: PAGE, after },
    requestPolicy: 'cache-and-network',
  });
  const orders = data?.brandOrders.edges.map((edge) => edge.node) ?? [];
  const next = data?.brandOrders.pageInfo.hasNextPage ? data.brandOrders.pageInfo.endCursor : null;

  return (
    <section aria-labelledby="orders-title" data-testid="console-orders">
      <div className="console-heading">
        <h2 id="orders-title">{t('console.nav.orders')}</h2>
        <CsvButton path="/exports/orders.csv" params={{}} testId="csv-orders" />
      </div>
      <p className="muted small">{t('console.orders.hint')}</p>
      {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {data && orders.length === 0 && <p className="muted">{t('console.orders.none')}</p>}
      {orders.length > 0 && (
        <table className="console-table">
          <thead>
            <tr>
              <th scope="col">{t('console.orders.time')}</th>
              <th scope="col">{t('console.orders.product')}</th>
              <th scope="col">{t('console.orders.quantity')}</th>
              <th scope="col">{t('console.orders.amount')}</th>
              <th scope="col">{t('console.orders.refunded')}</th>
              <th scope="col">{t('console.orders.attribution')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id} data-testid="brand-order-row" data-order-id={order.id}>
                <th scope="row">
                  <Link to={`/console/orders/${order.id}`}>{dateTime(order.occurredAt, lang)}</Link>
                </th>
                <td>{order.product?.title ?? t('shop.productGone')}</td>
                <td>{order.quantity}</td>
                <td>{order.amount.formatted}</td>
                <td>{order.refunded.amountMinor > 0 ? order.refunded.formatted : '—'}</td>
                <td>
                  {order.attribution && (
                    <span className={`attribution-badge ${order.attribution.toLowerCase()}`}>
                      {t(`console.attribution.${order.attribution}`)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {fetching && <p className="feed-status" aria-busy="true" />}
      <div className="pager">
        {cursors.length > 1 && (
          <button type="button" className="button" onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('console.previous')}
          </button>
        )}
        {next && (
          <button type="button" className="button" onClick={() => setCursors([...cursors, next])}>
            {t('console.next')}
          </button>
        )}
      </div>
    </section>
  );
}
