import { useEffect, useRef } from 'react';

const POLL_MS = 2_000;

/**
 * Asks again every few seconds while a note waits for its files: the note moves to published (or failed) by itself,
 * and the API has no subscription for a note's status.
 */
export function usePollWhileProcessing(waiting: boolean, refetch: () => void) {
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => latest.current(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [waiting]);
}
