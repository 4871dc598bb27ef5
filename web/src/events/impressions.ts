/** A card counts as seen once at least half of it has been on screen for this long. */
export const IMPRESSION_RATIO = 0.5;
export const IMPRESSION_DWELL_MS = 300;

/**
 * Watches cards with one IntersectionObserver and reports a note once it has been at least half
 * visible for the dwell time without interruption; scrolling past faster does not count.
 */
export class ImpressionWatcher {
  private readonly observer: IntersectionObserver;
  private readonly noteOf = new WeakMap<Element, string>();
  private readonly timers = new Map<Element, ReturnType<typeof setTimeout>>();

  constructor(private readonly onImpression: (noteId: string) => void) {
    this.observer = new IntersectionObserver((entries) => this.update(entries), { threshold: [0, IMPRESSION_RATIO] });
  }

  observe(element: Element, noteId: string): () => void {
    this.noteOf.set(element, noteId);
    this.observer.observe(element);
    return () => {
      this.observer.unobserve(element);
      this.cancel(element);
    };
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const visible = entry.isIntersecting && entry.intersectionRatio >= IMPRESSION_RATIO;
      if (!visible) {
        this.cancel(entry.target);
        continue;
      }
      if (this.timers.has(entry.target)) continue;
      const target = entry.target;
      this.timers.set(
        target,
        setTimeout(() => {
          this.timers.delete(target);
          const noteId = this.noteOf.get(target);
          // A hidden tab shows nothing, even if the layout still intersects.
          if (noteId && document.visibilityState === 'visible') this.onImpression(noteId);
        }, IMPRESSION_DWELL_MS),
      );
    }
  }

  private cancel(element: Element): void {
    const timer = this.timers.get(element);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(element);
  }
}
