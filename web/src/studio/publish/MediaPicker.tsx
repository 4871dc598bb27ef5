import { useId, useState, type DragEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { PlainMessageKey } from '../../i18n/messages';

/** Drop files here or pick them: up to nine images, or one video. */
export function MediaPicker({ onFiles, refusal }: { onFiles(files: File[]): void; refusal: PlainMessageKey | null }) {
  const { t } = useI18n();
  const hintId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    onFiles([...event.dataTransfer.files]);
  };
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label className="button">
        {t('studio.media.choose')}
        <input
          type="file"
          multiple
          accept="image/*,video/*"
          className="visually-hidden"
          aria-describedby={hintId}
          data-testid="media-input"
          onChange={(event) => {
            onFiles([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </label>
      <p id={hintId} className="muted small">
        {t('studio.media.hint')}
      </p>
      {refusal && (
        <p className="form-error" role="alert">
          {t(refusal)}
        </p>
      )}
    </div>
  );
}
