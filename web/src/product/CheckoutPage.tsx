import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../account/auth';
import type { OrderFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ErrorRetry } from '../ui/ErrorRetry';
import { clampQuantity, formatMoney, maxQuantity, totalMinor } from './checkout';
import { CheckoutMutation, PaymentOptionsQuery, PayOrderMutation, ProductSummaryQuery } from './queries';
import { lastClickOf } from './useOpenProduct';

/** Buying in the app: how many, then a confirm step, then the order. Signed-out visitors log in first and come back. */
export function CheckoutPage() {
  const { id = '' } = useParams();
  const { signedIn } = useAuth();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/login" replace state={{ from: location.pathname, notice: 'error.signInRequired' }} />;
  return <Checkout key={id} productId={id} />;
}

function Checkout({ productId }: { productId: string }) {
  const { t, lang } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProductSummaryQuery, variables: { id: productId } });
  const [{ data: payment }] = useQuery({ query: PaymentOptionsQuery });
  const [placing, checkout] = useMutation(CheckoutMutation);
  const [paying, pay] = useMutation(PayOrderMutation);
  const [wanted, setWanted] = useState(1);
  const [confirming, setConfirming] = useState(false);
  // One key per order being placed: a double click or a retry after a lost answer is the same order.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  // An order placed but not paid (declined, or paid in the shop): paying again pays this one, never a second.
  const [pending, setPending] = useState<OrderFieldsFragment | null>(null);
  const [order, setOrder] = useState<OrderFieldsFragment | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [declined, setDeclined] = useState<string | null>(null);
  const [chosenMethod, setMethod] = useState<string | null>(null);
  // A step changed by the buyer takes focus to its heading: the button pressed is gone, and focus must not go with it.
  const heading = useRef<HTMLHeadingElement>(null);
  const stepChanged = useRef(false);
  useEffect(() => {
    if (!stepChanged.current) return;
    stepChanged.current = false;
    heading.current?.focus();
  }, [confirming]);
  const toStep = (next: boolean) => {
    stepChanged.current = true;
    setConfirming(next);
  };
  const product = data?.product;
  const options = payment?.paymentOptions;
  const method = chosenMethod ?? options?.[0]?.method ?? null;
  const busy = placing.fetching || paying.fetching;

  if (order) return <Confirmation order={order} />;
  if (error && !product) return <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!product || !options) {
    return (
      <p className="feed-status" role="status">
        {fetching || !options ? t('feed.loading') : t('error.notFound')}
      </p>
    );
  }

  const most = maxQuantity(product.stock);
  const quantity = clampQuantity(wanted, product.stock);
  const total = formatMoney(totalMinor(product.price.amountMinor, quantity), product.price.currency, lang === 'zh' ? 'zh-CN' : 'en');
  const payFor = async (placed: OrderFieldsFragment) => {
    if (!method) {
      setOrder(placed);
      return;
    }
    const result = await pay({ input: { orderId: placed.id, method } });
    const payload = result.data?.payOrder;
    if (payload?.order?.status === 'PAID') {
      setOrder(payload.order);
    } else if (payload?.error?.code === 'PAYMENT_DECLINED') {
      setPending(placed);
      setDeclined(payload.error.message);
    } else if (payload?.error) {
      // Expired while the buyer hesitated: its units went back on sale, so the next try is a new order.
      setPending(null);
      setRefusal(payload.error.message);
      setIdempotencyKey(crypto.randomUUID());
      toStep(false);
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const place = async () => {
    setRefusal(null);
    setDeclined(null);
    if (pending) return payFor(pending);
    const result = await checkout({
      input: { productId: product.id, quantity, idempotencyKey, clickEventId: lastClickOf(product.id) },
    });
    const payload = result.data?.checkout;
    if (payload?.order) {
      await payFor(payload.order);
    } else if (payload?.error) {
      // A refused order was not placed: the next try is a new one, against the stock as it is now.
      setRefusal(payload.error.message);
      setIdempotencyKey(crypto.randomUUID());
      toStep(false);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section className="checkout" data-testid="checkout" aria-labelledby="checkout-title">
      <Link to={`/product/${product.id}`} className="back-link">
        ‹ {product.title}
      </Link>
      <h1 id="checkout-title" className="section-title" tabIndex={-1} ref={heading}>
        {confirming ? t('shop.confirmTitle') : t('shop.checkoutTitle')}
      </h1>
      <div className="checkout-product">
        {product.images[0] && <img src={product.images[0]} alt="" width={72} height={72} />}
        <div>
          <p className="product-title">{product.title}</p>
          <p className="muted small">{product.brand.name}</p>
          <p className="price">{product.price.formatted}</p>
        </div>
      </div>
      {most === 0 ? (
        <p className="sold-out" role="status">
          {t('shop.soldOut')}
        </p>
      ) : (
        <>
          <div className="stepper" role="group" aria-labelledby="quantity-label">
            <span id="quantity-label">{t('shop.quantity')}</span>
            <button
              type="button"
              className="stepper-button"
              aria-label={t('shop.less')}
              disabled={confirming || pending !== null || quantity <= 1}
              onClick={() => setWanted(quantity - 1)}
            >
              −
            </button>
            <output data-testid="quantity" aria-live="polite">
              {quantity}
            </output>
            <button
              type="button"
              className="stepper-button"
              aria-label={t('shop.more')}
              disabled={confirming || pending !== null || quantity >= most}
              onClick={() => setWanted(quantity + 1)}
            >
              +
            </button>
            <span className="muted small">{t('shop.stock', { count: product.stock })}</span>
          </div>
          <p className="checkout-total">
            {t('shop.total')} <strong data-testid="total">{total}</strong>
          </p>
          {refusal && (
            <p className="form-error" role="alert">
              {t('shop.refused', { message: refusal })}
            </p>
          )}
          {declined && (
            <p className="form-error" role="alert" data-testid="payment-declined">
              {t('shop.declined', { message: declined })}
            </p>
          )}
          {placing.error && <ErrorRetry error={placing.error} onRetry={() => void place()} />}
          {paying.error && <ErrorRetry error={paying.error} onRetry={() => void place()} />}
          {confirming && options.length > 0 && (
            <fieldset className="payment-options">
              <legend>{t('shop.payWith')}</legend>
              {options.map((option) => (
                <label key={option.method}>
                  <input
                    type="radio"
                    name="payment-method"
                    value={option.method}
                    checked={method === option.method}
                    disabled={busy}
                    onChange={() => setMethod(option.method)}
                  />{' '}
                  {option.label}
                </label>
              ))}
            </fieldset>
          )}
          {confirming ? (
            <div className="checkout-actions">
              <button type="button" className="button" disabled={busy || pending !== null} onClick={() => toStep(false)}>
                {t('shop.change')}
              </button>
              <button type="button" className="button primary" data-testid="confirm-order" disabled={busy} onClick={() => void place()}>
                {busy ? t('auth.busy') : t('shop.confirm', { total })}
              </button>
            </div>
          ) : (
            <button type="button" className="button primary" data-testid="checkout-next" onClick={() => toStep(true)}>
              {t('shop.next')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Confirmation({ order }: { order: OrderFieldsFragment }) {
  const { t, lang } = useI18n();
  // The confirm button pressed is gone: focus goes to what replaced it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const paid = order.status === 'PAID';
  const heldUntil = order.expiresAt
    ? new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { timeStyle: 'short' }).format(new Date(order.expiresAt))
    : '';
  return (
    <section className="checkout" data-testid="order-confirmation" data-status={order.status} aria-labelledby="confirmation-title">
      <h1 id="confirmation-title" className="section-title" tabIndex={-1} ref={heading}>
        {paid ? t('shop.ordered') : t('shop.awaitingTitle')}
      </h1>
      {!paid && <p role="status">{t('shop.payInShop', { time: heldUntil })}</p>}
      <dl className="order-facts">
        <dt>{t('shop.product')}</dt>
        <dd>{order.product?.title ?? '—'}</dd>
        <dt>{t('shop.quantity')}</dt>
        <dd data-testid="order-quantity">{order.quantity}</dd>
        <dt>{paid ? t('shop.paid') : t('shop.due')}</dt>
        <dd data-testid="order-amount">{order.amount.formatted}</dd>
        <dt>{t('shop.orderId')}</dt>
        <dd className="small" data-testid="order-id">
          {order.id}
        </dd>
      </dl>
      <p className="checkout-actions">
        <Link to="/orders" className="button primary" data-testid="my-orders-link">
          {t('shop.myOrders')}
        </Link>
        {order.product && (
          <Link to={`/product/${order.product.id}`} className="button">
            {t('shop.backToProduct')}
          </Link>
        )}
      </p>
    </section>
  );
}
