import type { StudioAudienceTopicsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';

/** The readers' sign-up topics weighted by their reads, as shares. */
export function AudienceTopics({ topics }: { topics: StudioAudienceTopicsQuery['audienceTopics'] }) {
  const { t } = useI18n();
  if (topics.length === 0) return <p className="muted small">{t('studio.data.noAudience')}</p>;
  return (
    <ul className="audience-topics" data-testid="audience-topics">
      {topics.map((topic) => {
        const share = Math.round(topic.share * 100);
        return (
          <li key={topic.topic}>
            <span className="audience-topic">#{topic.topic}</span>
            <span className="audience-bar" aria-hidden="true">
              <span style={{ width: `${share}%` }} />
            </span>
            <span>{t('studio.data.share', { share, reads: topic.reads })}</span>
          </li>
        );
      })}
    </ul>
  );
}
