import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import type { StudioNotesQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { DeleteNoteMutation } from '../studio.queries';

type StudioNote = NonNullable<StudioNotesQuery['viewer']>['notes']['edges'][number]['node'];

function thumbOf(note: StudioNote): string | null {
  const media = note.media[0];
  if (!media) return null;
  return media.upload?.images.find((image) => image.name === 'thumb')?.url ?? media.upload?.posterUrl ?? media.url;
}

/** One of the creator's notes: its status (and why it failed), and what can be done with it. */
export function NoteRow({ note, onDeleted }: { note: StudioNote; onDeleted(): void }) {
  const { t, lang } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [deleting, deleteNote] = useMutation(DeleteNoteMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const thumb = thumbOf(note);
  const when = new Date(note.publishedAt ?? note.createdAt).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en');

  const remove = async () => {
    const result = await deleteNote({ id: note.id });
    const refused = result.data?.deleteNote.error;
    if (result.error || refused) {
      setProblem(refused?.message ?? result.error?.message ?? '');
      return;
    }
    setConfirming(false);
    onDeleted();
  };

  return (
    <li className="studio-note" data-testid="studio-note" data-note-id={note.id} data-status={note.status}>
      {thumb ? (
        <img src={thumb} alt="" loading="lazy" decoding="async" className="studio-note-thumb" />
      ) : (
        <span className="studio-note-thumb" />
      )}
      <div className="studio-note-text">
        <strong>{note.title}</strong>
        <span className="small muted">{when}</span>
        <span className={`status-badge ${note.status.toLowerCase()}`} data-testid="note-status">
          {t(`studio.status.${note.status}`)}
          {note.sponsored && ` · ${t('studio.sponsor.badge')}`}
        </span>
        {note.status === 'FAILED' && note.failureReason && (
          <span className="form-error small">{t('studio.notes.failedBecause', { reason: note.failureReason })}</span>
        )}
      </div>
      <div className="studio-note-actions">
        {note.status === 'PUBLISHED' && <Link to={`/note/${note.id}`}>{t('studio.notes.view')}</Link>}
        {note.status !== 'REMOVED' && (
          <Link to={`/studio/notes/${note.id}/edit`} aria-label={t('studio.notes.editNamed', { title: note.title })}>
            {t('studio.notes.edit')}
          </Link>
        )}
        {note.status === 'PUBLISHED' && (
          <Link to={`/studio/data/${note.id}`} aria-label={t('studio.notes.dataNamed', { title: note.title })} data-testid="note-data-link">
            {t('studio.notes.data')}
          </Link>
        )}
        {note.status !== 'REMOVED' &&
          (confirming ? (
            <span role="group" aria-label={t('studio.notes.confirmDelete', { title: note.title })} className="confirm-delete">
              {t('studio.notes.confirmDelete', { title: note.title })}{' '}
              <button type="button" className="text-button danger" disabled={deleting.fetching} onClick={() => void remove()}>
                {t('studio.notes.deleteYes')}
              </button>
              <button type="button" className="text-button" onClick={() => setConfirming(false)}>
                {t('studio.cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="text-button"
              aria-label={t('studio.notes.deleteNamed', { title: note.title })}
              onClick={() => setConfirming(true)}
            >
              {t('studio.notes.delete')}
            </button>
          ))}
      </div>
      {problem !== null && (
        <p className="form-error" role="alert">
          {t('studio.saveFailed', { message: problem })}
        </p>
      )}
    </li>
  );
}
