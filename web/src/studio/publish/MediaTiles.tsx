import { useI18n } from '../../i18n/i18n';
import { canRetry, failureMessage } from './uploadFailure';
import type { MediaItem } from './useUploads';

interface MediaTilesProps {
  items: readonly MediaItem[];
  selected: string | null;
  onSelect(key: string): void;
  onMove(key: string, by: number): void;
  onCover(key: string): void;
  onRemove(key: string): void;
  onRetry(key: string): void;
}

/** The note's files in order, each with its own progress or failure; the first is the cover. */
export function MediaTiles({ items, selected, onSelect, onMove, onCover, onRemove, onRetry }: MediaTilesProps) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <ol className="media-tiles" aria-label={t('studio.media.list')}>
      {items.map((item, index) => {
        const position = index + 1;
        return (
          <li key={item.key} className="media-tile" data-testid="media-tile" data-phase={item.phase} aria-current={item.key === selected}>
            <button
              type="button"
              className="media-thumb"
              aria-label={t('studio.media.select', { index: position })}
              aria-pressed={item.key === selected}
              onClick={() => onSelect(item.key)}
            >
              {item.kind === 'VIDEO' && item.file ? (
                <video src={item.preview} muted preload="metadata" aria-hidden="true" />
              ) : (
                <img src={item.preview || undefined} alt="" />
              )}
            </button>
            {/* Beside the thumbnail, not in it: the button's name says what it does, the badge what the file is. */}
            {index === 0 && <span className="cover-badge">{t('studio.media.cover')}</span>}
            <span className="media-name" title={item.name}>
              {item.name}
            </span>
            <TileStatus item={item} />
            {item.failure && (
              <p className="form-error" role="alert" data-testid="media-failure">
                {t(failureMessage(item.failure))}
              </p>
            )}
            <div className="tile-actions">
              {item.failure && canRetry(item.failure) && (
                <button type="button" className="text-button" data-testid="media-retry" onClick={() => onRetry(item.key)}>
                  {t('studio.media.retry')}
                </button>
              )}
              {item.kind === 'IMAGE' && (
                <>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('studio.media.moveLeft', { index: position })}
                    disabled={index === 0}
                    onClick={() => onMove(item.key, -1)}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('studio.media.moveRight', { index: position })}
                    disabled={index === items.length - 1}
                    onClick={() => onMove(item.key, 1)}
                  >
                    →
                  </button>
                  {index > 0 && (
                    <button type="button" className="text-button" onClick={() => onCover(item.key)}>
                      {t('studio.media.setCover')}
                    </button>
                  )}
                </>
              )}
              <button
                type="button"
                className="text-button"
                aria-label={t('studio.media.remove', { index: position })}
                onClick={() => onRemove(item.key)}
              >
                {t('studio.remove')}
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function TileStatus({ item }: { item: MediaItem }) {
  const { t } = useI18n();
  if (item.phase === 'failed') return null;
  const label =
    item.phase === 'uploading'
      ? t('studio.media.uploading', { percent: item.percent })
      : item.phase === 'processing'
        ? t('studio.media.processing', { percent: item.percent })
        : t('studio.media.ready');
  // Bytes first, then the workers: one bar per phase, so a finished upload does not look finished processing.
  const value = item.phase === 'ready' ? 100 : item.percent;
  return (
    <div className="tile-progress">
      <div
        className={`progress-bar ${item.phase}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        data-testid="media-progress"
      >
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="small muted">{label}</span>
    </div>
  );
}
