import { Link, useParams } from 'react-router';
import { useQuery, type CombinedError } from 'urql';
import { useI18n } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { NoAccess } from '../../ui/RequireRole';
import { TableCsvButton } from '../CsvButton';
import { dateTime, localeOf, percent } from '../format';
import { creditsByModel, evidenceOf } from './evidence';
import { ConsoleOrderQuery } from './queries';

/** The API refuses another brand's order (FORBIDDEN or NOT_FOUND, or null): that is "no access", not a failure to retry. */
function refused(error: CombinedError | undefined): boolean {
  return Boolean(error?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN' || e.extensions?.code === 'NOT_FOUND'));
}

/**
 * The attribution explorer for one order: the kind of credit it got, each model's credits, and the evidence behind
 * them as a timeline from the buyer's first sight of a note to the purchase and any refunds.
 */
export function OrderPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: ConsoleOrderQuery, variables: { id } });

  if (refused(error) || (data && !data.order)) return <NoAccess who={t('access.brands')} signedIn />;
  if (error) return <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data?.order) return <p className="feed-status" aria-busy="true" />;
  const order = data.order;
  const locale = localeOf(lang);
  const evidence = evidenceOf(order);

  return (
    <article className="attribution" aria-labelledby="order-title" data-testid="console-order">
      <Link to="/console/orders" className="back-link">
        {t('console.orders.back')}
      </Link>
      <h2 id="order-title">{t('console.order.title', { product: order.product?.title ?? t('shop.productGone') })}</h2>
      <dl className="order-summary">
        <div>
          <dt>{t('console.orders.amount')}</dt>
          <dd>
            {order.amount.formatted} × {order.quantity}
          </dd>
        </div>
        <div>
          <dt>{t('console.orders.time')}</dt>
          <dd>{dateTime(order.paidAt ?? order.occurredAt, lang)} UTC</dd>
        </div>
        <div>
          <dt>{t('console.order.source')}</dt>
          <dd>
            {order.source === 'WEBHOOK' ? t('console.order.sourceWebhook', { id: order.externalId }) : t('console.order.sourceCheckout')}
          </dd>
        </div>
        <div>
          <dt>{t('console.orders.attribution')}</dt>
          <dd>
            {order.attribution && (
              <span className={`attribution-badge ${order.attribution.toLowerCase()}`} data-testid="order-attribution">
                {t(`console.attribution.${order.attribution}`)}
              </span>
            )}
          </dd>
        </div>
      </dl>
      {order.attribution && <p className="muted">{t(`console.attribution.${order.attribution}.why`)}</p>}

      <section aria-labelledby="timeline-title">
        <h3 id="timeline-title">{t('console.order.timeline')}</h3>
        <ol className="evidence-timeline" data-testid="evidence-timeline">
          {evidence.map((entry) => (
            <li key={entry.key} className={`evidence ${entry.kind}`} data-testid="evidence" data-kind={entry.kind}>
              <span className="evidence-dot" aria-hidden="true" />
              <div className="evidence-body">
                <p className="evidence-head">
                  <strong>{t(`console.evidence.${entry.kind}`)}</strong>{' '}
                  <time dateTime={entry.at} className="muted small">
                    {dateTime(entry.at, lang)} UTC
                  </time>
                </p>
                {entry.note && (
                  <p className="small">
                    <Link to={`/note/${entry.note.id}`}>{entry.note.title || t('console.order.untitled')}</Link>
                    {entry.creator && <span className="muted"> · {entry.creator.displayName}</span>}
                  </p>
                )}
                {entry.amount && <p className="small">{entry.amount}</p>}
                {entry.credits.length > 0 && (
                  <ul className="evidence-credits">
                    {entry.credits.map((credit) => (
                      <li key={credit.model} className="chip small">
                        {t(`console.model.${credit.model}`)} {percent(credit.credit, locale)}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="credits-title">
        <h3 id="credits-title">{t('console.order.credits')}</h3>
        {order.credits.length === 0 && <p className="muted">{t('console.order.noCredits')}</p>}
        {order.credits.length > 0 && (
          <TableCsvButton
            filename={`order-${order.id}-credits.csv`}
            testId="csv-credits"
            head={['model', 'note_id', 'note_title', 'creator', 'touch_type', 'touched_at', 'impressed_at', 'credit']}
            rows={order.credits.map((c) => [
              c.model,
              c.note?.id ?? null,
              c.note?.title ?? null,
              c.creator?.displayName ?? null,
              c.touchType,
              c.touchedAt,
              c.impressedAt ?? null,
              c.credit,
            ])}
          />
        )}
        {creditsByModel(order)
          .filter(([, credits]) => credits.length > 0)
          .map(([model, credits]) => (
            <div key={model} className="model-credits" data-testid={`credits-${model}`}>
              <h4>{t(`console.model.${model}`)}</h4>
              {/* Each touch's share of the order as a segment of one bar: the split is what a model is. */}
              <div className="credit-bar" aria-hidden="true">
                {credits.map((credit) => (
                  <span
                    key={credit.touchEventId}
                    className={`credit-segment ${credit.touchType === 'PRODUCT_CLICK' ? 'click' : 'read'}`}
                    style={{ width: `${credit.credit * 100}%` }}
                  >
                    {percent(credit.credit, locale)}
                  </span>
                ))}
              </div>
              <table className="console-table">
                <thead>
                  <tr>
                    <th scope="col">{t('console.order.note')}</th>
                    <th scope="col">{t('console.order.creator')}</th>
                    <th scope="col">{t('console.order.touch')}</th>
                    <th scope="col">{t('console.order.credit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {credits.map((credit) => (
                    <tr key={credit.touchEventId}>
                      <th scope="row">
                        {credit.note ? <Link to={`/note/${credit.note.id}`}>{credit.note.title || t('console.order.untitled')}</Link> : '—'}
                      </th>
                      <td>{credit.creator?.displayName ?? '—'}</td>
                      <td>
                        {t(credit.touchType === 'PRODUCT_CLICK' ? 'console.evidence.click' : 'console.evidence.read')} ·{' '}
                        {dateTime(credit.touchedAt, lang)}
                      </td>
                      <td>{percent(credit.credit, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>
    </article>
  );
}
