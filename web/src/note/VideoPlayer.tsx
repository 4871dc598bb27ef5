import { useEffect, useRef, useState } from 'react';
import type { NoteQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { useOpenProduct } from '../product/useOpenProduct';
import { MutedIcon } from '../ui/icons';
import { coverAspect } from '../explore/layout';

type NoteData = NonNullable<NoteQuery['note']>;

/** A timed product card stays up this long after its moment. */
const TAG_SHOW_MS = 5_000;
/** Larger jumps between time updates are seeks, not watching. */
const MAX_TICK_S = 1.5;

/**
 * HLS through hls.js where Media Source Extensions exist, else the browser's own HLS (Safari),
 * else the file as is. Starts muted (browsers allow only muted autoplay); a tap unmutes.
 * Reports the share watched (seeks excluded) through onWatched, 0–1.
 */
export function VideoPlayer({ note, onWatched }: { note: NoteData; onWatched(ratio: number): void }) {
  const { t } = useI18n();
  const openProduct = useOpenProduct(note.id);
  const video = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [unsupported, setUnsupported] = useState(false);
  const media = note.media[0];
  const playlist = media?.upload?.playlistUrl ?? null;
  const source = playlist ?? media?.url ?? '';
  const reportWatched = useRef(onWatched);
  reportWatched.current = onWatched;

  useEffect(() => {
    const element = video.current;
    if (!element || !source) return;
    let destroy = () => {};
    let cancelled = false;
    const nativeHls = element.canPlayType('application/vnd.apple.mpegurl') !== '';
    if (playlist && !nativeHls) {
      void import('hls.js').then(({ default: Hls }) => {
        if (cancelled) return;
        if (!Hls.isSupported()) {
          setUnsupported(true);
          return;
        }
        const hls = new Hls({ capLevelToPlayerSize: true });
        hls.loadSource(playlist);
        hls.attachMedia(element);
        destroy = () => hls.destroy();
      });
    } else {
      element.src = source;
    }
    return () => {
      cancelled = true;
      destroy();
    };
  }, [source, playlist]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let last = element.currentTime;
    let watched = 0;
    const onTime = () => {
      const delta = element.currentTime - last;
      last = element.currentTime;
      if (delta > 0 && delta < MAX_TICK_S) watched += delta;
      setTime(element.currentTime);
      if (element.duration > 0) reportWatched.current(Math.min(1, watched / element.duration));
    };
    const onSeek = () => {
      last = element.currentTime;
    };
    element.addEventListener('timeupdate', onTime);
    element.addEventListener('seeked', onSeek);
    return () => {
      element.removeEventListener('timeupdate', onTime);
      element.removeEventListener('seeked', onSeek);
    };
  }, []);

  const onTap = () => {
    const element = video.current;
    if (!element) return;
    if (element.muted) {
      element.muted = false;
      setMuted(false);
      if (element.paused) void element.play().catch(() => {});
    } else if (element.paused) void element.play().catch(() => {});
    else element.pause();
  };

  const atMs = time * 1000;
  const timedTags = note.productTags.filter((tag) => tag.atMs != null && atMs >= tag.atMs && atMs < tag.atMs + TAG_SHOW_MS);
  const aspect = coverAspect(media?.width ?? 9, media?.height ?? 16);

  return (
    <div className="video-player" style={{ aspectRatio: `1 / ${aspect}` }}>
      <video
        ref={video}
        data-testid="note-video"
        className="video"
        poster={media?.upload?.posterUrl ?? undefined}
        autoPlay
        muted={muted}
        playsInline
        loop
        aria-label={t('note.video', { title: note.title })}
        onClick={onTap}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onLoadedMetadata={(event) => setDuration(event.currentTarget.duration)}
        onError={() => setUnsupported(true)}
      />
      {unsupported && <p className="video-unsupported">{t('note.videoUnsupported')}</p>}
      <div className="video-controls">
        <button
          type="button"
          className="video-button"
          onClick={onTap}
          aria-label={muted ? t('note.unmute') : playing ? t('note.pause') : t('note.play')}
        >
          {muted ? (
            <>
              <MutedIcon /> {t('note.unmute')}
            </>
          ) : playing ? (
            '❚❚'
          ) : (
            '▶'
          )}
        </button>
        <div
          className="video-progress"
          role="progressbar"
          aria-label={t('note.progress')}
          aria-valuemin={0}
          aria-valuemax={Math.round(duration)}
          aria-valuenow={Math.round(time)}
        >
          <div className="video-progress-fill" style={{ width: duration > 0 ? `${(time / duration) * 100}%` : 0 }} />
        </div>
      </div>
      {timedTags.map((tag) => (
        <button key={tag.position} type="button" className="timed-product" onClick={() => openProduct(tag.product.id)}>
          <strong>{tag.product.title}</strong>
          <span className="price">{tag.product.price.formatted}</span>
        </button>
      ))}
    </div>
  );
}
