import { useEffect, useRef } from 'react';
import { useEvents } from '../events/context';

/**
 * The note's `view` event: for an image note the seconds it was on screen, for a video the share
 * watched. Sent when the note is closed, or when the page is hidden or left (a return starts a new
 * view); returns the setter the video player reports its watched share to.
 */
export function useViewReport(noteId: string, kind: 'IMAGE' | 'VIDEO' | undefined): (ratio: number) => void {
  const { tracker } = useEvents();
  const watched = useRef(0);

  useEffect(() => {
    if (!kind) return;
    let shownSince: number | null = document.visibilityState === 'visible' ? performance.now() : null;
    const report = () => {
      if (kind === 'VIDEO') {
        tracker.view(noteId, watched.current);
        watched.current = 0;
      } else if (shownSince !== null) {
        tracker.view(noteId, (performance.now() - shownSince) / 1000);
      }
      shownSince = null;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && shownSince === null) shownSince = performance.now();
    };
    const removeFinalizer = tracker.addFinalizer(report);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeFinalizer();
      document.removeEventListener('visibilitychange', onVisibility);
      report();
    };
  }, [tracker, noteId, kind]);

  return (ratio) => {
    watched.current = Math.max(watched.current, ratio);
  };
}
