import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { clamp01, NUDGE, type DraftTag } from './tags';
import type { MediaItem } from './useUploads';

interface PinStageProps {
  item: MediaItem;
  position: number;
  tags: readonly DraftTag[];
  active: DraftTag | null;
  onPin(productId: string, place: { mediaKey: string; x: number; y: number } | { atMs: number }): void;
}

/**
 * The chosen file, large: a click on the image pins the product being placed at that spot (as fractions of the image
 * shown), Enter or Space pins it at the centre and the arrow keys then nudge it; on a video, the product is set at the
 * moment the video is at.
 */
export function PinStage({ item, position, tags, active, onPin }: PinStageProps) {
  return item.kind === 'VIDEO' ? (
    <VideoMoment item={item} active={active} onPin={onPin} />
  ) : (
    <ImagePins item={item} position={position} tags={tags} active={active} onPin={onPin} />
  );
}

function ImagePins({ item, position, tags, active, onPin }: PinStageProps) {
  const { t } = useI18n();
  const image = useRef<HTMLImageElement>(null);
  const pins = tags.filter((tag) => tag.mediaKey === item.key && tag.x != null && tag.y != null);

  const pin = (x: number, y: number) => {
    if (active) onPin(active.product.id, { mediaKey: item.key, x: clamp01(x), y: clamp01(y) });
  };
  const onClick = (event: MouseEvent) => {
    const box = image.current?.getBoundingClientRect();
    // A click from the keyboard has no pointer position (detail 0): the centre is the spot to start nudging from.
    if (!box || event.detail === 0 || box.width === 0) return pin(0.5, 0.5);
    pin((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-NUDGE, 0],
      ArrowRight: [NUDGE, 0],
      ArrowUp: [0, -NUDGE],
      ArrowDown: [0, NUDGE],
    };
    const move = moves[event.key];
    if (!move || !active || active.mediaKey !== item.key || active.x == null || active.y == null) return;
    event.preventDefault();
    pin(active.x + move[0], active.y + move[1]);
  };

  return (
    <div className="pin-stage">
      <button
        type="button"
        className="pin-target"
        data-testid="pin-target"
        disabled={!active}
        aria-label={
          active ? t('studio.pin.place', { title: active.product.title, index: position }) : t('studio.pin.image', { index: position })
        }
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <img ref={image} src={item.preview || undefined} alt="" draggable={false} />
        {pins.map((tag) => (
          <span
            key={tag.product.id}
            className={`studio-hotspot${tag === active ? ' active' : ''}`}
            data-testid="studio-hotspot"
            style={{ left: `${(tag.x ?? 0) * 100}%`, top: `${(tag.y ?? 0) * 100}%` }}
            aria-hidden="true"
          />
        ))}
      </button>
      <p className="muted small">{active ? t('studio.pin.hint', { title: active.product.title }) : t('studio.pin.chooseFirst')}</p>
    </div>
  );
}

function VideoMoment({ item, active, onPin }: Omit<PinStageProps, 'position' | 'tags'>) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const limitS = item.durationMs != null ? item.durationMs / 1000 : undefined;
  return (
    <div className="pin-stage">
      {item.file ? (
        <video ref={video} src={item.preview} controls muted preload="metadata" aria-label={t('studio.pin.video')} />
      ) : (
        <img src={item.preview} alt={t('studio.pin.video')} />
      )}
      {active && (
        <div className="moment-controls">
          {item.file && (
            <button
              type="button"
              className="button small"
              data-testid="set-moment"
              onClick={() => onPin(active.product.id, { atMs: Math.round((video.current?.currentTime ?? 0) * 1000) })}
            >
              {t('studio.pin.atCurrent', { title: active.product.title })}
            </button>
          )}
          <label>
            {t('studio.pin.seconds', { title: active.product.title })}
            <input
              className="input"
              type="number"
              min={0}
              max={limitS}
              step={0.1}
              value={active.atMs != null ? active.atMs / 1000 : ''}
              onChange={(event) => {
                const seconds = Number(event.target.value);
                if (event.target.value !== '' && Number.isFinite(seconds))
                  onPin(active.product.id, { atMs: Math.round(Math.max(0, seconds) * 1000) });
              }}
            />
          </label>
        </div>
      )}
      {!active && <p className="muted small">{t('studio.pin.chooseFirst')}</p>}
    </div>
  );
}
