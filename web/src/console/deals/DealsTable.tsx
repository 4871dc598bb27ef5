import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { CsvButton } from '../CsvButton';
import { DASH, localeOf, percent } from '../format';
import { rangeOf, type Preset } from '../range';
import { RangePicker } from '../RangePicker';
import { ConsoleSponsorDealsQuery } from './queries';

/** Each recorded deal with what its note did for the brand over the range: CPM, CPE and ROI as the API works them out. */
export function DealsTable({ brandId, version }: { brandId: string; version: number }) {
  const { t, lang } = useI18n();
  const [preset, setPreset] = useState<Preset>('30d');
  const range = useMemo(() => rangeOf(preset, new Date()), [preset]);
  const [{ data, error }, refetch] = useQuery({
    query: ConsoleSponsorDealsQuery,
    variables: { brandId, range: { from: range.from, to: range.to } },
    requestPolicy: 'cache-and-network',
    // A new deal recorded on this page changes the list: `version` counts them, so the query runs again.
    context: useMemo(() => ({ version }), [version]),
  });
  const locale = localeOf(lang);
  const deals = data?.sponsorDeals ?? [];

  return (
    <section aria-labelledby="deal-list-title">
      <div className="console-heading">
        <h3 id="deal-list-title">{t('console.deals.list')}</h3>
        <RangePicker value={preset} onChange={setPreset} />
      </div>
      {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {data && (
        <table className="console-table" data-testid="deals-table">
          <thead>
            <tr>
              <th scope="col">{t('console.deals.note')}</th>
              <th scope="col">{t('console.deals.cost')}</th>
              <th scope="col">{t('console.kpi.impressions')}</th>
              <th scope="col">{t('console.kpi.engagements')}</th>
              <th scope="col">{t('console.kpi.gmv')}</th>
              <th scope="col">{t('console.deals.cpm')}</th>
              <th scope="col">{t('console.deals.cpe')}</th>
              <th scope="col">{t('console.deals.roi')}</th>
            </tr>
          </thead>
          <tbody>
            {deals.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {t('console.deals.none')}
                </td>
              </tr>
            )}
            {deals.map((deal, index) => (
              <tr key={deal.note?.id ?? index} data-testid="deal-row">
                <th scope="row">
                  {deal.note ? (
                    <Link to={`/note/${deal.note.id}`}>{deal.note.title || t('console.order.untitled')}</Link>
                  ) : (
                    t('console.top.gone')
                  )}
                  {deal.note && <span className="muted small"> · {deal.note.author.displayName}</span>}
                </th>
                <td>{deal.cost.formatted}</td>
                <td>{deal.impressions}</td>
                <td>{deal.engagements}</td>
                <td>{deal.gmv.formatted}</td>
                <td>{deal.cpm?.formatted ?? DASH}</td>
                <td>{deal.cpe?.formatted ?? DASH}</td>
                <td>{percent(deal.roi, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CsvButton
        path="/exports/analytics.csv"
        params={{ table: 'deals', scope: 'brand', id: brandId, from: range.from, to: range.to }}
        testId="csv-deals"
      />
    </section>
  );
}
