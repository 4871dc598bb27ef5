import { Waterfall } from '../explore/Waterfall';
import type { NoteCardFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ErrorRetry } from '../ui/ErrorRetry';
import type { Paged } from './useConnection';

/** A paged list of notes as the explore waterfall, with its loading, empty, end and failed states. */
export function NoteGrid({ notes, label, empty }: { notes: Paged<NoteCardFieldsFragment>; label: string; empty: string }) {
  const { t } = useI18n();
  return (
    <section aria-label={label} aria-busy={notes.fetching}>
      <Waterfall notes={notes.items} onEndReached={notes.loadMore} />
      <PagedStatus paged={notes} empty={empty} end={t('feed.end')} />
    </section>
  );
}

export function PagedStatus({ paged, empty, end }: { paged: Paged<{ id: string }>; empty: string; end?: string }) {
  const { t } = useI18n();
  if (paged.error) return <ErrorRetry error={paged.error} onRetry={paged.retry} />;
  if (paged.fetching && (paged.items.length === 0 || paged.hasMore))
    return (
      <p className="feed-status">
        <span className="spinner" aria-hidden="true" /> {t('feed.loading')}
      </p>
    );
  if (paged.items.length === 0) return <p className="feed-status">{empty}</p>;
  return end && !paged.hasMore ? <p className="feed-status">{end}</p> : null;
}
