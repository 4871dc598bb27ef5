import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/i18n';
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
        served
        impressions
        ctr
        likeRate
        purchaseRate
      }
    }
  }
`);

/** Admins: the running For-You A/B test and each arm's rates since it started. */
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
          <table className="console-table" data-testid="experiment-arms">
            <thead>
              <tr>
                <th scope="col">{t('console.experiments.arm')}</th>
                <th scope="col">{t('console.experiments.users')}</th>
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
            head={['arm', 'users', 'served', 'impressions', 'ctr', 'like_rate', 'purchase_rate']}
            rows={experiment.arms.map((arm) => [arm.arm, arm.users, arm.served, arm.impressions, arm.ctr, arm.likeRate, arm.purchaseRate])}
          />
        </>
      )}
    </section>
  );
}
