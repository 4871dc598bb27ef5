import { useParams } from 'react-router';
import { useQuery } from 'urql';
import type { StudioNoteQuery as StudioNoteData } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { StudioNoteQuery } from '../studio.queries';
import { NoteForm, type NoteDraft } from './NoteForm';

const EMPTY: NoteDraft = { id: null, status: null, title: '', body: '', media: [], tags: [], sponsored: false, sponsorBrandId: null };

/** /studio/new, and /studio/notes/:id/edit with the note's fields filled in. */
export function Publish() {
  const { id } = useParams();
  return id ? <EditNote id={id} /> : <NoteForm draft={EMPTY} />;
}

function EditNote({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: StudioNoteQuery, variables: { id }, requestPolicy: 'network-only' });
  if (error) return <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const note = data?.note;
  if (!note) return <p className="feed-status">{fetching ? <span className="spinner" aria-hidden="true" /> : t('studio.notFound')}</p>;
  // Keyed by note: opening another note's editor starts over instead of keeping this one's files.
  return <NoteForm key={note.id} draft={draftOf(note)} />;
}

type EditedNote = NonNullable<StudioNoteData['note']>;

function draftOf(note: EditedNote): NoteDraft {
  const media = note.media.map((media, index) => ({
    key: `stored-${index}`,
    kind: media.kind,
    name: '',
    preview: media.upload?.posterUrl ?? media.url,
    file: null,
    phase: 'ready' as const,
    percent: 100,
    uploadId: media.upload?.id ?? null,
    failure: null,
    durationMs: media.durationMs ?? null,
    stored: { url: media.url, width: media.width, height: media.height, durationMs: media.durationMs ?? null },
  }));
  return {
    id: note.id,
    status: note.status,
    title: note.title,
    body: note.body,
    media,
    tags: note.productTags.map((tag) => ({
      product: tag.product,
      mediaKey: tag.imageIndex != null ? (media[tag.imageIndex]?.key ?? null) : null,
      x: tag.x ?? null,
      y: tag.y ?? null,
      atMs: tag.atMs ?? null,
    })),
    sponsored: note.sponsored,
    sponsorBrandId: note.sponsor?.id ?? null,
  };
}
