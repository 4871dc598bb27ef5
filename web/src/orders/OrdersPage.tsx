import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../account/auth';
import { useI18n } from '../i18n/i18n';
import { orderStatus } from '../product/checkout';
import { usePages } from '../product/paging';
import { ErrorRetry } from '../ui/ErrorRetry';
import { ViewerOrdersQuery } from './queries';

const PAGE = 20;

/** The signed-in buyer's own orders, newest first. */
export function OrdersPage() {
  const { signedIn } = useAuth();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname, notice: 'error.signInRequired' }} />;
  return <Orders />;
}

function Orders() {
  const { t, lang } = useI18n();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ViewerOrdersQuery,
    variables: { first: PAGE, after },
    // Orders placed since the list was last read must show: the cache cannot know of them.
    requestPolicy: 'cache-and-network',
  });
  const { nodes: orders, next } = usePages(data?.viewerOrders);
  const date = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="orders" data-testid="orders-page" aria-labelledby="orders-title">
      <h1 id="orders-title" className="section-title">
        {t('shop.myOrders')}
      </h1>
      {orders.length === 0 && !fetching && !error && <p className="muted">{t('shop.noOrders')}</p>}
      <ul className="order-list">
        {orders.map((order) => (
          <li key={order.id} className="order-row" data-testid="order-row" data-order-id={order.id}>
            {order.product?.images[0] ? (
              <img src={order.product.images[0]} alt="" width={64} height={64} loading="lazy" />
            ) : (
              <span className="order-thumb" aria-hidden="true" />
            )}
            <div className="order-main">
              {order.product ? (
                <Link to={`/product/${order.product.id}`} className="product-title">
                  {order.product.title}
                </Link>
              ) : (
                <span className="product-title">{t('shop.productGone')}</span>
              )}
              <span className="muted small">
                <time dateTime={order.occurredAt}>{date.format(new Date(order.occurredAt))}</time>
                {' · '}
                {t(`shop.status.${orderStatus(order.status, order.amount.amountMinor, order.refunded.amountMinor)}`)}
              </span>
            </div>
            <div className="order-figures">
              <span className="price">{order.amount.formatted}</span>
              <span className="muted small">{t('shop.units', { count: order.quantity })}</span>
            </div>
          </li>
        ))}
      </ul>
      {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {fetching && (
        <p className="feed-status" role="status">
          <span className="spinner" aria-hidden="true" /> {t('feed.loading')}
        </p>
      )}
      {next && !fetching && (
        <button type="button" className="button" onClick={() => setAfter(next)}>
          {t('shop.moreOrders')}
        </button>
      )}
    </section>
  );
}
