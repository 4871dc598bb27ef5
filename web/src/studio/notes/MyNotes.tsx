import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { NoteStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { StudioNotesQuery } from '../studio.queries';
import { NoteRow } from './NoteRow';
import { usePollWhileProcessing } from './usePollWhileProcessing';

/** A page of the creator's notes, newest first (the API's most). */
const PAGE = 50;
const FILTERS: (NoteStatus | 'ALL')[] = ['ALL', 'DRAFT', 'PROCESSING', 'PUBLISHED', 'FAILED', 'REMOVED'];
const FILTER_LABEL = {
  ALL: 'studio.filter.all',
  DRAFT: 'studio.status.DRAFT',
  PROCESSING: 'studio.status.PROCESSING',
  PUBLISHED: 'studio.status.PUBLISHED',
  FAILED: 'studio.status.FAILED',
  REMOVED: 'studio.status.REMOVED',
} as const;

/** /studio: the creator's notes with their status, filtered by status; each links to its editor and its data. */
export function MyNotes() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<NoteStatus | 'ALL'>('ALL');
  const [after, setAfter] = useState<string | null>(null);
  // Graphcache joins the pages (relayPagination on User.notes): asking for the next one extends the list.
  const [{ data, error, fetching }, refetch] = useQuery({
    query: StudioNotesQuery,
    variables: { first: PAGE, after },
    requestPolicy: 'network-only',
  });
  const notes = (data?.viewer?.notes.edges ?? []).map(({ node }) => node);
  const pageInfo = data?.viewer?.notes.pageInfo;
  usePollWhileProcessing(
    notes.some((note) => note.status === 'PROCESSING'),
    () => refetch({ requestPolicy: 'network-only' }),
  );
  const shown = filter === 'ALL' ? notes : notes.filter((note) => note.status === filter);

  return (
    <section aria-labelledby="my-notes-heading">
      <div className="studio-heading-row">
        <h1 id="my-notes-heading">{t('studio.notes.title')}</h1>
        <Link to="/studio/new" className="button primary small">
          {t('studio.nav.new')}
        </Link>
      </div>
      <div className="chips" role="group" aria-label={t('studio.filter.label')}>
        {FILTERS.map((status) => (
          <button
            key={status}
            type="button"
            className="chip"
            data-testid={`filter-${status}`}
            aria-pressed={filter === status}
            onClick={() => setFilter(status)}
          >
            {t(FILTER_LABEL[status])}
          </button>
        ))}
      </div>
      {error && !data && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && (
        <p className="feed-status">
          <span className="spinner" aria-hidden="true" /> {t('feed.loading')}
        </p>
      )}
      {data && shown.length === 0 && (
        <p className="feed-status">{notes.length === 0 ? t('studio.notes.empty') : t('studio.notes.noneWithStatus')}</p>
      )}
      {shown.length > 0 && (
        <ul className="studio-notes" data-testid="studio-notes">
          {shown.map((note) => (
            <NoteRow key={note.id} note={note} onDeleted={() => refetch({ requestPolicy: 'network-only' })} />
          ))}
        </ul>
      )}
      {pageInfo?.hasNextPage && (
        <button type="button" className="button" disabled={fetching} onClick={() => setAfter(pageInfo.endCursor ?? null)}>
          {t('studio.notes.more')}
        </button>
      )}
    </section>
  );
}
