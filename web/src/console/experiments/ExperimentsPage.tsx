import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsoleFeedExperimentQuery } from '../../gql/graphql';
import { useI18n, type Translate } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { TableCsvButton } from '../CsvButton';
import { dateTime, localeOf, percent } from '../format';

const FeedExperimentQuery = graphql(`
  query ConsoleFeedExperiment {
    feedExperiment {
      name
      since
      arms {
        arm
        users
        exposed
        served
        impressions
        ctr
        likeRate
        purchaseRate
        perViewer {
          ctr {
            viewers
            mean
            low
            high
          }
          likeRate {
            viewers
            mean
            low
            high
          }
          purchaseRate {
            viewers
            mean
            low
            high
          }
        }
      }
      differences {
        metric
        difference
        low
        high
      }
      sampleRatio {
        expectedShareB
        observedShareB
        pValue
        mismatch
      }
    }
  }
`);

type Report = ConsoleFeedExperimentQuery['feedExperiment'];
type Metric = 'ctr' | 'likeRate' | 'purchaseRate';
const METRICS: readonly Metric[] = ['ctr', 'likeRate', 'purchaseRate'];

/** Admins: the running For-You A/B test, each arm's rates since it started, and whether the split can be trusted. */
export function ExperimentsPage() {
  const { t, lang } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: FeedExperimentQuery, requestPolicy: 'cache-and-network' });
  const locale = localeOf(lang);
  const experiment = data?.feedExperiment;
  return (
    <section aria-labelledby="experiments-title" data-testid="console-experiments">
      <h2 id="experiments-title">{t('console.nav.experiments')}</h2>
      {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {experiment && (
        <>
          <p>{t('console.experiments.running', { name: experiment.name, since: `${dateTime(experiment.since, lang)} UTC` })}</p>
          <SampleRatio report={experiment} t={t} locale={locale} />
          <table className="console-table" data-testid="experiment-arms">
            <thead>
              <tr>
                <th scope="col">{t('console.experiments.arm')}</th>
                <th scope="col">{t('console.experiments.users')}</th>
                <th scope="col">{t('console.experiments.exposed')}</th>
                <th scope="col">{t('console.experiments.served')}</th>
                <th scope="col">{t('console.kpi.impressions')}</th>
                <th scope="col">{t('console.experiments.ctr')}</th>
                <th scope="col">{t('console.experiments.likeRate')}</th>
                <th scope="col">{t('console.experiments.purchaseRate')}</th>
              </tr>
            </thead>
            <tbody>
              {experiment.arms.map((arm) => (
                <tr key={arm.arm} data-arm={arm.arm}>
                  <th scope="row">{arm.arm}</th>
                  <td>{arm.users}</td>
                  <td>{arm.exposed}</td>
                  <td>{arm.served}</td>
                  <td>{arm.impressions}</td>
                  <td>{percent(arm.ctr, locale)}</td>
                  <td>{percent(arm.likeRate, locale)}</td>
                  <td>{percent(arm.purchaseRate, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <TableCsvButton
            filename={`experiment-${experiment.name}.csv`}
            testId="csv-experiment"
            head={['arm', 'users', 'exposed', 'served', 'impressions', 'ctr', 'like_rate', 'purchase_rate']}
            rows={experiment.arms.map((arm) => [
              arm.arm,
              arm.users,
              arm.exposed,
              arm.served,
              arm.impressions,
              arm.ctr,
              arm.likeRate,
              arm.purchaseRate,
            ])}
          />
          <PerViewer report={experiment} t={t} locale={locale} />
        </>
      )}
    </section>
  );
}

/** The split check first: when it fails, no rate below can be trusted, and the page says so. */
function SampleRatio({ report, t, locale }: { report: Report; t: Translate; locale: string }) {
  const { sampleRatio } = report;
  if (report.arms.every((arm) => arm.exposed === 0)) {
    return (
      <p className="muted" data-testid="sample-ratio">
        {t('console.experiments.noneServed')}
      </p>
    );
  }
  const values = {
    observed: percent(sampleRatio.observedShareB, locale),
    expected: percent(sampleRatio.expectedShareB, locale),
    p: sampleRatio.pValue.toPrecision(2),
  };
  return sampleRatio.mismatch ? (
    <p className="form-error" role="alert" data-testid="sample-ratio">
      {t('console.experiments.mismatch', values)}
    </p>
  ) : (
    <p className="muted" data-testid="sample-ratio">
      {t('console.experiments.splitOk', values)}
    </p>
  );
}

/** Each rate as the mean of viewers' own rates, per arm and as b − a, with 95% intervals and what they say. */
function PerViewer({ report, t, locale }: { report: Report; t: Translate; locale: string }) {
  const interval = (low: number | null | undefined, high: number | null | undefined) =>
    low == null || high == null ? '—' : `${percent(low, locale)} … ${percent(high, locale)}`;
  const armOf = (name: string) => report.arms.find((arm) => arm.arm === name);
  const rows = METRICS.map((metric) => {
    const [a, b] = [armOf('a')?.perViewer[metric], armOf('b')?.perViewer[metric]];
    const difference = report.differences.find((d) => d.metric === metric);
    const verdict =
      difference?.low == null || difference.high == null
        ? 'console.experiments.tooFew'
        : difference.low > 0
          ? 'console.experiments.bHigher'
          : difference.high < 0
            ? 'console.experiments.bLower'
            : 'console.experiments.noDifference';
    return { metric, a, b, difference, verdict } as const;
  });
  return (
    <>
      <h3>{t('console.experiments.perViewer')}</h3>
      <p className="muted small">{t('console.experiments.perViewerHint')}</p>
      <table className="console-table" data-testid="experiment-per-viewer">
        <thead>
          <tr>
            <th scope="col">{t('console.experiments.metric')}</th>
            <th scope="col">a</th>
            <th scope="col">b</th>
            <th scope="col">{t('console.experiments.difference')}</th>
            <th scope="col">{t('console.experiments.interval')}</th>
            <th scope="col">{t('console.experiments.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ metric, a, b, difference, verdict }) => (
            <tr key={metric} data-metric={metric}>
              <th scope="row">{t(`console.experiments.${metric}`)}</th>
              <td>{percent(a?.mean, locale)}</td>
              <td>{percent(b?.mean, locale)}</td>
              <td>{percent(difference?.difference, locale)}</td>
              <td>{interval(difference?.low, difference?.high)}</td>
              <td>{t(verdict)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TableCsvButton
        filename={`experiment-${report.name}-per-viewer.csv`}
        testId="csv-experiment-per-viewer"
        head={['metric', 'a_mean', 'a_low', 'a_high', 'b_mean', 'b_low', 'b_high', 'difference', 'difference_low', 'difference_high']}
        rows={rows.map(({ metric, a, b, difference }) => [
          metric,
          a?.mean ?? null,
          a?.low ?? null,
          a?.high ?? null,
          b?.mean ?? null,
          b?.low ?? null,
          b?.high ?? null,
          difference?.difference ?? null,
          difference?.low ?? null,
          difference?.high ?? null,
        ])}
      />
    </>
  );
}
