import type { StudioFunnelQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';

type Funnel = StudioFunnelQuery['analyticsFunnel'];

/** The funnel's totals for the range, impressions down to attributed sales, and the followers gained when known. */
export function FunnelFigures({ funnel, followerGain }: { funnel: Funnel; followerGain: number | null }) {
  const { t, count } = useI18n();
  const percent = (rate: number | null | undefined) => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);
  const figures: [string, string, string][] = [
    ['impressions', t('studio.data.impressions'), count(funnel.impressions)],
    ['reads', t('studio.data.reads'), count(funnel.reads)],
    ['readRate', t('studio.data.readRate'), percent(funnel.readRate)],
    ['likes', t('studio.data.likes'), count(funnel.likes)],
    ['collects', t('studio.data.collects'), count(funnel.collects)],
    ['comments', t('studio.data.comments'), count(funnel.comments)],
    ['shares', t('studio.data.shares'), count(funnel.shares)],
    ['productClicks', t('studio.data.productClicks'), count(funnel.productClicks)],
    ['orders', t('studio.data.orders'), count(funnel.sales.orders)],
    ['gmv', t('studio.data.gmv'), funnel.sales.gmv.formatted],
  ];
  if (followerGain !== null) figures.push(['followerGain', t('studio.data.followerGain'), count(followerGain)]);
  return (
    <dl className="funnel-figures" data-testid="funnel-figures">
      {figures.map(([key, label, value]) => (
        <div key={key} className="figure" data-figure={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
