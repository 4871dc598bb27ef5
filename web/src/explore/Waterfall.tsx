import { startTransition, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { NoteCardFieldsFragment } from '../gql/graphql';
import { boxesWithin, coverAspect, layoutWaterfall, type Layout } from './layout';
import { CARD_FOOTER_HEIGHT, NoteCard } from './NoteCard';

/** Cards within this many screens above and below the viewport are kept in the DOM; the rest are not. */
const OVERSCAN_SCREENS = 1.5;
/** The next page is asked for this far before the shortest column ends. */
const PREFETCH_PX = 1200;

interface Viewport {
  from: number;
  to: number;
}

/**
 * A virtualised waterfall: every card's position is computed from the covers' aspect ratios, so
 * only the cards near the viewport are rendered, and an image arriving never moves anything.
 */
export function Waterfall({
  notes: latest,
  onEndReached,
  onShown,
}: {
  notes: NoteCardFieldsFragment[];
  onEndReached(): void;
  /** Told which notes have their cards rendered, each time that changes. */
  onShown?(noteIds: readonly string[]): void;
}) {
  // A page arriving at the end lays out and renders its cards in slices that yield to the scroll, like the viewport
  // moving; a list replaced (another search, a hidden note) is shown at once, never a moment of the old one.
  const deferred = useDeferredValue(latest);
  const notes = appends(deferred, latest) ? deferred : latest;
  const container = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [viewport, setViewport] = useState<Viewport>({ from: 0, to: 0 });

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    let frame = 0;
    const measure = () => {
      const element = container.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top;
      const screen = window.innerHeight;
      const from = Math.floor(-top - screen * OVERSCAN_SCREENS);
      const to = Math.ceil(-top + screen * (1 + OVERSCAN_SCREENS));
      // Re-render only when the window moved by a meaningful amount.
      setViewport((before) => (Math.abs(before.from - from) < 100 && Math.abs(before.to - to) < 100 ? before : { from, to }));
    };
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        // The cards entering the overscan are rendered in slices that yield to the scroll, not in one long task:
        // the overscan keeps a screen and a half of them ready ahead of the thumb.
        startTransition(measure);
      });
    };
    measure();
    // Capturing, so that a scrolling dialog (the related notes below a note) moves the window too.
    window.addEventListener('scroll', schedule, { passive: true, capture: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
    };
  }, []);

  const layout = useMemo(() => layoutNotes(notes, width), [notes, width]);
  const visible = width > 0 ? boxesWithin(layout.boxes, viewport.from, viewport.to) : [];

  const shownIds = visible.flatMap((index) => notes[index]?.id ?? []).join(' ');
  const shown = useRef(onShown);
  shown.current = onShown;
  useEffect(() => shown.current?.(shownIds ? shownIds.split(' ') : []), [shownIds]);

  const endReached = useRef(onEndReached);
  endReached.current = onEndReached;
  // Re-created for each list length, so a sentinel still in view after a page arrives reports again.
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) endReached.current();
      },
      { rootMargin: `0px 0px ${PREFETCH_PX}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [notes.length]);

  return (
    <div ref={container} className="waterfall" style={{ height: layout.height }}>
      {visible.map((index) => {
        const note = notes[index];
        const box = layout.boxes[index];
        return note && box ? <NoteCard key={note.id} note={note} box={box} /> : null;
      })}
      <div ref={sentinel} className="waterfall-sentinel" style={{ top: layout.shortest }} aria-hidden="true" />
    </div>
  );
}

/** Where each note's card sits in a grid `width` wide. */
export function layoutNotes(notes: readonly NoteCardFieldsFragment[], width: number): Layout {
  return layoutWaterfall(
    notes.map((note) => coverAspect(note.media[0]?.width ?? 0, note.media[0]?.height ?? 0)),
    width,
    CARD_FOOTER_HEIGHT,
  );
}

/** Whether `next` is `shown` with more cards after it, as when the next page of a feed arrives. */
function appends(shown: NoteCardFieldsFragment[], next: NoteCardFieldsFragment[]): boolean {
  return next.length > shown.length && shown.length > 0 && shown.every((note, i) => next[i]?.id === note.id);
}
