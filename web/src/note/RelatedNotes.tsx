import { useState } from 'react';
import { useQuery } from 'urql';
import { Waterfall } from '../explore/Waterfall';
import { useI18n } from '../i18n/i18n';
import { usePages } from '../product/paging';
import { ErrorRetry } from '../ui/ErrorRetry';
import { RelatedNotesQuery } from './related.queries';

const PAGE = 20;

/** Notes like this one, below it, loading more as the reader reaches the end. */
export function RelatedNotes({ noteId }: { noteId: string }) {
  const { t } = useI18n();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error, fetching }, refetch] = useQuery({ query: RelatedNotesQuery, variables: { noteId, first: PAGE, after } });
  const { nodes: notes, next } = usePages(data?.relatedNotes);
  if (!fetching && !error && notes.length === 0) return null;
  return (
    <section className="related-notes" data-testid="related-notes" aria-labelledby={`related-title-${noteId}`}>
      <h2 id={`related-title-${noteId}`} className="section-title">
        {t('shop.related')}
      </h2>
      <Waterfall notes={notes} onEndReached={() => next && !fetching && !error && setAfter(next)} />
      {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
    </section>
  );
}
