import { useMemo, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import type { ConsoleDashboardQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { Chart } from '../../ui/charts/Chart';
import { CsvButton } from '../CsvButton';
import { count, localeOf, majorUnits, percent, topicName } from '../format';
import { bucketLabel, rangeOf, type Preset, type Range } from '../range';
import { RangePicker } from '../RangePicker';
import { useOwnsBrand } from '../brand';
import { dashboardPolicy } from '../prefetch';
import { Kpis } from './Kpis';
import { TopTable } from './TopTables';
import { attributionConfig, funnelConfig, seriesConfig, topicsConfig } from './options';
import { ConsoleDashboardQuery as Query, dashboardVariables, FIRST_PRESET } from './queries';

const EXPORT = '/exports/analytics.csv';

/** The brand's figures for a range of UTC days (or the last 48 hours by hour): tiles, charts and their CSVs. */
export function Dashboard({ brandId }: { brandId: string }) {
  const { t } = useI18n();
  const [preset, setPreset] = useState<Preset>(FIRST_PRESET);
  // The range is fixed when the preset is chosen, not on every render, so the query's variables stay put.
  const range = useMemo(() => rangeOf(preset, new Date()), [preset]);
  // Asked for as the prefetch asks for it (see console/prefetch.ts), so the page finds the prefetch's answer.
  const ownBrand = useOwnsBrand();
  const variables = useMemo(() => dashboardVariables(ownBrand ? null : brandId, range), [ownBrand, brandId, range]);
  // Decided once per range, so that the prefetch's figures growing old while shown does not fetch them again.
  const requestPolicy = useMemo(() => dashboardPolicy(variables), [variables]);
  const [{ data, error, fetching }, refetch] = useQuery({ query: Query, variables, requestPolicy });
  const exportParams = { scope: 'brand', id: brandId, from: range.from, to: range.to };

  return (
    <section
      className="console-dashboard"
      data-testid="console-dashboard"
      data-from={range.from}
      data-to={range.to}
      aria-labelledby="dashboard-title"
    >
      <div className="console-heading">
        <h2 id="dashboard-title">{t('console.nav.dashboard')}</h2>
        <RangePicker value={preset} onChange={setPreset} />
      </div>
      {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <p className="feed-status" aria-busy="true" />}
      {data && (
        <div aria-busy={fetching}>
          <Kpis funnel={data.analyticsFunnel} />
          <div className="chart-grid">
            <ChartCard csv={<CsvButton path={EXPORT} params={{ ...exportParams, table: 'funnel' }} testId="csv-funnel" />}>
              <FunnelCard funnel={data.analyticsFunnel} />
            </ChartCard>
            <ChartCard
              csv={
                <CsvButton
                  path={EXPORT}
                  params={{ ...exportParams, table: 'series', interval: range.interval.toLowerCase() }}
                  testId="csv-series"
                />
              }
            >
              <SeriesCard series={data.analyticsSeries} range={range} />
            </ChartCard>
            {/* Its figures are columns of the funnel's CSV (orders and GMV by click, view-through and organic). */}
            <ChartCard>
              <AttributionCard funnel={data.analyticsFunnel} />
            </ChartCard>
            <ChartCard csv={<CsvButton path={EXPORT} params={{ ...exportParams, table: 'audience_topics' }} testId="csv-topics" />}>
              <TopicsCard topics={data.audienceTopics} />
            </ChartCard>
          </div>
          <div className="top-tables">
            <ChartCard csv={<CsvButton path={EXPORT} params={{ ...exportParams, table: 'top_notes' }} testId="csv-top-notes" />}>
              <TopTable
                title={t('console.top.notes')}
                nameHeader={t('console.order.note')}
                testId="top-notes"
                rows={data.topNotes.map((top, index) => ({
                  key: top.note?.id ?? `gone-${index}`,
                  name: top.note?.title || t('console.order.untitled'),
                  to: top.note ? `/note/${top.note.id}` : null,
                  detail: top.note?.author.displayName,
                  funnel: top.funnel,
                }))}
              />
            </ChartCard>
            <ChartCard csv={<CsvButton path={EXPORT} params={{ ...exportParams, table: 'top_creators' }} testId="csv-top-creators" />}>
              <TopTable
                title={t('console.top.creators')}
                nameHeader={t('console.order.creator')}
                testId="top-creators"
                rows={data.topCreators.map((top, index) => ({
                  key: top.creator?.id ?? `gone-${index}`,
                  name: top.creator?.displayName ?? t('console.top.gone'),
                  to: top.creator ? `/user/${top.creator.id}` : null,
                  funnel: top.funnel,
                }))}
              />
            </ChartCard>
          </div>
        </div>
      )}
    </section>
  );
}

function ChartCard({ children, csv }: { children: ReactNode; csv?: ReactNode }) {
  return (
    <div className="chart-card">
      {children}
      {csv}
    </div>
  );
}

type Data = ConsoleDashboardQuery;

function FunnelCard({ funnel }: { funnel: Data['analyticsFunnel'] }) {
  const { t, lang } = useI18n();
  const { config, rows } = useMemo(() => {
    const steps = [
      { name: t('console.kpi.impressions'), value: funnel.impressions },
      { name: t('console.kpi.reads'), value: funnel.reads },
      { name: t('console.kpi.engagements'), value: funnel.engagements },
      { name: t('console.kpi.productClicks'), value: funnel.productClicks },
      { name: t('console.kpi.orders'), value: funnel.sales.orders },
    ];
    const locale = localeOf(lang);
    return { config: funnelConfig(steps, (value) => count(value, locale)), rows: steps.map((step) => [step.name, step.value]) };
  }, [funnel, t, lang]);
  return (
    <Chart
      testId="chart-funnel"
      label={t('console.chart.funnel')}
      config={config}
      table={{ head: [t('console.chart.step'), t('console.chart.count')], rows }}
    />
  );
}

function SeriesCard({ series, range }: { series: Data['analyticsSeries']; range: Range }) {
  const { t } = useI18n();
  const { config, rows } = useMemo(() => {
    const labels = series.map((point) => bucketLabel(point.at, range.interval));
    const gmv = series.map((point) => majorUnits(point.funnel.sales.gmv.amountMinor, point.funnel.sales.gmv.currency));
    const orders = series.map((point) => point.funnel.sales.orders);
    return {
      config: seriesConfig(labels, { name: t('console.kpi.gmv'), values: gmv }, { name: t('console.kpi.orders'), values: orders }),
      rows: series.map((point, index) => [labels[index] ?? '', point.funnel.sales.gmv.formatted, point.funnel.sales.orders]),
    };
  }, [series, range.interval, t]);
  const label = range.interval === 'HOUR' ? t('console.chart.seriesHourly') : t('console.chart.seriesDaily');
  return (
    <Chart
      testId="chart-series"
      label={label}
      config={config}
      table={{ head: [t('console.chart.bucket'), t('console.kpi.gmv'), t('console.kpi.orders')], rows }}
    />
  );
}

function AttributionCard({ funnel }: { funnel: Data['analyticsFunnel'] }) {
  const { t } = useI18n();
  const { config, rows } = useMemo(() => {
    const kinds = [
      [t('console.attribution.CLICK'), funnel.sales],
      [t('console.attribution.VIEW_THROUGH'), funnel.viewThrough],
      [t('console.attribution.ORGANIC'), funnel.organic],
    ] as const;
    const names = kinds.map(([name]) => name);
    const gmv = kinds.map(([, sales]) => majorUnits(sales.gmv.amountMinor, sales.gmv.currency));
    const orders = kinds.map(([, sales]) => sales.orders);
    return {
      config: attributionConfig(names, { name: t('console.kpi.gmv'), values: gmv }, { name: t('console.chart.orders'), values: orders }),
      rows: kinds.map(([name, sales]) => [name, sales.gmv.formatted, sales.orders]),
    };
  }, [funnel, t]);
  return (
    <Chart
      testId="chart-attribution"
      label={t('console.chart.attribution')}
      config={config}
      table={{ head: [t('console.chart.kind'), t('console.kpi.gmv'), t('console.chart.orders')], rows }}
    />
  );
}

function TopicsCard({ topics }: { topics: Data['audienceTopics'] }) {
  const { t, lang } = useI18n();
  const { config, rows } = useMemo(() => {
    const locale = localeOf(lang);
    const named = topics.map((share) => ({
      name: topicName(t, share.topic),
      value: share.reads,
      share: percent(share.share, locale),
      detail: `${count(share.reads, locale)} (${percent(share.share, locale)})`,
    }));
    return { config: topicsConfig(named), rows: named.map((share) => [share.name, share.value, share.share]) };
  }, [topics, t, lang]);
  return (
    <Chart
      testId="chart-topics"
      label={t('console.chart.topics')}
      config={config}
      table={{ head: [t('console.chart.topic'), t('console.kpi.reads'), t('console.chart.share')], rows }}
    />
  );
}
