import type { ConsoleDashboardQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { count, DASH, localeOf, percent } from '../format';

type Funnel = ConsoleDashboardQuery['analyticsFunnel'];

/** The range's headline figures, one tile each; rates as percentages, money as the API formats it. */
export function Kpis({ funnel }: { funnel: Funnel }) {
  const { t, lang } = useI18n();
  const locale = localeOf(lang);
  const tiles: [string, string, string][] = [
    ['impressions', t('console.kpi.impressions'), count(funnel.impressions, locale)],
    ['reads', t('console.kpi.reads'), count(funnel.reads, locale)],
    ['engagements', t('console.kpi.engagements'), count(funnel.engagements, locale)],
    ['productClicks', t('console.kpi.productClicks'), count(funnel.productClicks, locale)],
    ['orders', t('console.kpi.orders'), count(funnel.sales.orders, locale)],
    ['gmv', t('console.kpi.gmv'), funnel.sales.gmv.formatted],
    ['refunds', t('console.kpi.refunds'), `${count(funnel.sales.refunds, locale)} · ${funnel.sales.refundAmount.formatted}`],
    ['netGmv', t('console.kpi.netGmv'), funnel.sales.netGmv.formatted],
    ['ctr', t('console.kpi.ctr'), percent(funnel.ctr, locale)],
    ['cvr', t('console.kpi.cvr'), percent(funnel.cvr, locale)],
    ['aov', t('console.kpi.aov'), funnel.averageOrderValue?.formatted ?? DASH],
    ['repeat', t('console.kpi.repeat'), percent(funnel.repeatPurchaseRate, locale)],
  ];
  return (
    <dl className="kpi-tiles">
      {tiles.map(([key, label, value]) => (
        <div key={key} className="kpi-tile" data-testid={`kpi-${key}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
