import { useI18n } from '../../i18n/i18n';
import type { MediaItem } from './useUploads';

interface NotePreviewProps {
  cover: MediaItem | null;
  title: string;
  body: string;
  sponsor: { name: string } | null;
  /** Sponsored, with a brand the API does not name back until it confirms. */
  sponsoredPending: boolean;
}

/** The note's card as viewers will see it, with the sponsorship disclosure. */
export function NotePreview({ cover, title, body, sponsor, sponsoredPending }: NotePreviewProps) {
  const { t } = useI18n();
  return (
    <section className="note-preview" aria-label={t('studio.preview')} data-testid="note-preview">
      <h2 className="small muted">{t('studio.preview')}</h2>
      <div className="preview-card">
        {cover &&
          (cover.kind === 'VIDEO' && cover.file ? (
            <video src={cover.preview} muted preload="metadata" aria-hidden="true" />
          ) : (
            <img src={cover.preview || undefined} alt="" />
          ))}
        {(sponsor || sponsoredPending) && (
          <p className="disclosure" data-testid="disclosure">
            {sponsor ? t('studio.sponsor.disclosure', { brand: sponsor.name }) : t('studio.sponsor.disclosurePending')}
          </p>
        )}
        <strong className="preview-title">{title || t('studio.preview.untitled')}</strong>
        <p className="preview-body">{body}</p>
      </div>
    </section>
  );
}
