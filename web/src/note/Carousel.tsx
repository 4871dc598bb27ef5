import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';
import type { NoteQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { useOpenProduct } from '../product/useOpenProduct';
import { useDismiss } from '../ui/useDismiss';
import { coverOf } from '../explore/cover';
import { coverAspect } from '../explore/layout';

type NoteData = NonNullable<NoteQuery['note']>;

const SWIPE_PX = 40;

function variantUrl(media: NoteData['media'][number]): { src: string; srcSet?: string } {
  const variants = [...(media.upload?.images ?? [])].sort((a, b) => a.width - b.width);
  if (variants.length === 0) return { src: media.url };
  return {
    src: variants.find((v) => v.name === 'large')?.url ?? variants[variants.length - 1]?.url ?? media.url,
    srcSet: variants.map((v) => `${v.url} ${v.width}w`).join(', '),
  };
}

/** The note's images: swipe, arrow keys (when no text field has focus), arrows and dots; product hotspots on each. */
export function Carousel({ note }: { note: NoteData }) {
  const { t } = useI18n();
  const openProduct = useOpenProduct(note.id);
  const [index, setIndex] = useState(0);
  const [openTag, setOpenTag] = useState<number | null>(null);
  const swipeStart = useRef<number | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const openHotspot = useRef<HTMLDivElement>(null);
  const openDot = useRef<HTMLButtonElement>(null);
  const closeTag = useCallback(() => setOpenTag(null), []);
  useDismiss(openTag !== null, closeTag, openHotspot, openDot);
  /** The way the carousel last paged while it had focus. */
  const paged = useRef<'prev' | 'next' | null>(null);
  const total = note.media.length;
  const go = useCallback(
    (next: number) => {
      const target = Math.max(0, Math.min(total - 1, next));
      if (target === index) return;
      paged.current = root.current?.contains(document.activeElement) ? (target > index ? 'next' : 'prev') : null;
      setIndex(target);
      setOpenTag(null);
    },
    [index, total],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      if (event.key === 'ArrowLeft') go(index - 1);
      if (event.key === 'ArrowRight') go(index + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index]);

  // Paging can take away what had focus: the hotspot of the image that left, or the arrow that reached the
  // end (disabled). Focus then goes to the arrow still usable, the way it paged first, not to the page.
  useEffect(() => {
    const way = paged.current;
    paged.current = null;
    const carousel = root.current;
    const focused = document.activeElement as HTMLButtonElement | null;
    if (!way || !carousel || (focused && carousel.contains(focused) && !focused.disabled)) return;
    const arrow = (side: string) => carousel.querySelector<HTMLButtonElement>(`.carousel-arrow.${side}:not(:disabled)`);
    (arrow(way) ?? arrow(way === 'next' ? 'prev' : 'next'))?.focus();
  }, [index]);

  const first = note.media[0];
  const aspect = coverAspect(first?.width ?? 0, first?.height ?? 0);
  const placeholder = coverOf({ id: note.id, kind: note.kind, media: note.media }).placeholder;
  const onPointerDown = (event: PointerEvent) => {
    swipeStart.current = event.clientX;
  };
  const onPointerUp = (event: PointerEvent) => {
    if (swipeStart.current === null) return;
    const dx = event.clientX - swipeStart.current;
    swipeStart.current = null;
    if (dx > SWIPE_PX) go(index - 1);
    if (dx < -SWIPE_PX) go(index + 1);
  };
  const tags = note.productTags.filter((tag) => (tag.imageIndex ?? 0) === index && tag.x != null && tag.y != null);

  return (
    <div ref={root} className="carousel" aria-roledescription="carousel">
      <div
        className="carousel-frame"
        style={{ aspectRatio: `${1} / ${aspect}`, background: placeholder }}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
      >
        <div className="carousel-track" style={{ transform: `translateX(-${index * 100}%)` }}>
          {note.media.map((media, i) => (
            <div className="carousel-slide" key={i} aria-hidden={i !== index}>
              <img
                {...variantUrl(media)}
                sizes="(max-width: 900px) 100vw, 60vw"
                alt={t('note.image', { title: note.title, index: i + 1 })}
                draggable={false}
                loading={i === 0 ? 'eager' : 'lazy'}
                onError={(event) => event.currentTarget.classList.add('failed')}
              />
            </div>
          ))}
        </div>
        {tags.map((tag) => (
          <div
            key={tag.position}
            ref={openTag === tag.position ? openHotspot : undefined}
            className="hotspot"
            style={{ left: `${(tag.x ?? 0) * 100}%`, top: `${(tag.y ?? 0) * 100}%` }}
          >
            <button
              type="button"
              ref={openTag === tag.position ? openDot : undefined}
              className="hotspot-dot"
              aria-expanded={openTag === tag.position}
              aria-label={t('note.product', { title: tag.product.title, price: tag.product.price.formatted })}
              onClick={() => setOpenTag(openTag === tag.position ? null : tag.position)}
            />
            {openTag === tag.position && (
              <button type="button" className="hotspot-card" data-testid="hotspot-card" onClick={() => openProduct(tag.product.id)}>
                <strong>{tag.product.title}</strong>
                <span className="price">{tag.product.price.formatted}</span>
              </button>
            )}
          </div>
        ))}
        {total > 1 && (
          <>
            <button
              type="button"
              className="carousel-arrow prev"
              aria-label={t('note.previous')}
              disabled={index === 0}
              onClick={() => go(index - 1)}
            >
              ‹
            </button>
            <button
              type="button"
              className="carousel-arrow next"
              aria-label={t('note.next')}
              disabled={index === total - 1}
              onClick={() => go(index + 1)}
            >
              ›
            </button>
            <span className="carousel-count" aria-live="polite">
              {index + 1}/{total}
            </span>
          </>
        )}
      </div>
      {total > 1 && (
        <div className="carousel-dots">
          {note.media.map((_, i) => (
            <button
              type="button"
              key={i}
              className="dot"
              aria-label={t('note.imageOf', { index: i + 1, total })}
              aria-current={i === index ? 'true' : undefined}
              onClick={() => go(i)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
