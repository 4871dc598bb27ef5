import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImpressionWatcher } from './impressions';

type Callback = (entries: IntersectionObserverEntry[]) => void;
let trigger: Callback = () => {};

class FakeObserver {
  constructor(callback: Callback) {
    trigger = callback;
  }
  observe() {}
  unobserve() {}
  disconnect() {}
}

const entry = (target: Element, ratio: number) =>
  ({ target, isIntersecting: ratio > 0, intersectionRatio: ratio }) as unknown as IntersectionObserverEntry;

describe('ImpressionWatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reports a card at least half visible for 300 ms', () => {
    const seen = vi.fn();
    const watcher = new ImpressionWatcher(seen);
    const card = document.createElement('div');
    watcher.observe(card, 'n1');
    trigger([entry(card, 0.6)]);
    vi.advanceTimersByTime(299);
    expect(seen).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(seen).toHaveBeenCalledWith('n1');
  });

  it('does not count a card scrolled past quickly or less than half shown', () => {
    const seen = vi.fn();
    const watcher = new ImpressionWatcher(seen);
    const card = document.createElement('div');
    watcher.observe(card, 'n1');
    trigger([entry(card, 0.3)]);
    vi.advanceTimersByTime(1_000);
    trigger([entry(card, 0.7)]);
    vi.advanceTimersByTime(200);
    trigger([entry(card, 0)]);
    vi.advanceTimersByTime(1_000);
    expect(seen).not.toHaveBeenCalled();
  });

  it('forgets a card removed from the page (virtualised away) before its time', () => {
    const seen = vi.fn();
    const watcher = new ImpressionWatcher(seen);
    const card = document.createElement('div');
    const stop = watcher.observe(card, 'n1');
    trigger([entry(card, 1)]);
    stop();
    vi.advanceTimersByTime(1_000);
    expect(seen).not.toHaveBeenCalled();
  });
});
