import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventInput } from '../gql/graphql';
import { EventTracker, RejectedBatch, type SendBatch } from './tracker';

function setup(send: SendBatch, maxBatch = 100) {
  let n = 0;
  return new EventTracker({
    send,
    maxBatch,
    flushEveryMs: 5_000,
    newId: () => `id-${++n}`,
    now: () => new Date('2026-01-01T00:00:00Z'),
    sessionId: 'session-1',
  });
}

describe('EventTracker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('records one impression per note per page view', async () => {
    const sent: EventInput[][] = [];
    const tracker = setup(async (events) => void sent.push(events));
    tracker.impression('a');
    tracker.impression('a');
    tracker.impression('b');
    await tracker.flush();
    tracker.impression('a');
    await tracker.flush();
    tracker.newPageView();
    tracker.impression('a');
    await tracker.flush();
    expect(sent.map((batch) => batch.map((e) => `${e.type}:${e.noteId}`))).toEqual([['IMPRESSION:a', 'IMPRESSION:b'], ['IMPRESSION:a']]);
  });

  it('gives every event its own id, the session and the time it happened', async () => {
    const sent: EventInput[][] = [];
    const tracker = setup(async (events) => void sent.push(events));
    tracker.view('a', 7.25);
    await tracker.flush();
    expect(sent[0]).toEqual([
      { eventId: 'id-1', type: 'VIEW', noteId: 'a', value: 7.25, occurredAt: '2026-01-01T00:00:00.000Z', sessionId: 'session-1' },
    ]);
  });

  it('ignores empty views (0 s, a video never played)', async () => {
    const send = vi.fn(async () => {});
    const tracker = setup(send);
    tracker.view('a', 0);
    tracker.view('a', Number.NaN);
    await tracker.flush();
    expect(send).not.toHaveBeenCalled();
  });

  it('resends a failed batch with the same event ids, so the server counts it once', async () => {
    const attempts: string[][] = [];
    let fail = true;
    const tracker = setup(async (events) => {
      attempts.push(events.map((e) => String(e.eventId)));
      if (fail) throw new Error('offline');
    });
    tracker.impression('a');
    tracker.impression('b');
    await tracker.flush();
    fail = false;
    tracker.impression('c');
    await tracker.flush();
    expect(attempts).toEqual([
      ['id-1', 'id-2'],
      ['id-1', 'id-2', 'id-3'],
    ]);
    expect(tracker.pending()).toHaveLength(0);
  });

  it('drops a batch the server refuses as malformed instead of retrying it forever', async () => {
    const send = vi.fn(async () => {
      throw new RejectedBatch('HTTP 400');
    });
    const tracker = setup(send);
    tracker.impression('a');
    await tracker.flush();
    expect(tracker.pending()).toHaveLength(0);
  });

  it('splits large queues into batches of at most maxBatch, one request at a time', async () => {
    const sizes: number[] = [];
    const tracker = setup(async (events) => void sizes.push(events.length), 2);
    for (const id of ['a', 'b', 'c', 'd', 'e']) tracker.impression(id);
    await tracker.flush();
    await tracker.flush();
    await tracker.flush();
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('does not send the same events twice while a request is running', async () => {
    let release: () => void = () => {};
    const batches: string[][] = [];
    const tracker = setup(
      (events) =>
        new Promise<void>((resolve) => {
          batches.push(events.map((e) => String(e.noteId)));
          release = resolve;
        }),
    );
    tracker.impression('a');
    const first = tracker.flush();
    void tracker.flush();
    release();
    await first;
    expect(batches).toEqual([['a']]);
  });

  it('flushes every few seconds', async () => {
    const send = vi.fn(async () => {});
    const tracker = setup(send);
    const stop = tracker.start(window);
    tracker.impression('a');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
    stop();
  });

  it('on pagehide records what is open (finalizers) and sends everything with keepalive', async () => {
    const calls: { events: EventInput[]; keepalive: boolean }[] = [];
    const tracker = setup(async (events, { keepalive }) => void calls.push({ events, keepalive }), 1);
    const stop = tracker.start(window);
    tracker.impression('a');
    tracker.addFinalizer(() => tracker.view('a', 12));
    window.dispatchEvent(new Event('pagehide'));
    await vi.runOnlyPendingTimersAsync();
    expect(calls.map((c) => [c.keepalive, c.events.map((e) => e.type)])).toEqual([
      [true, ['IMPRESSION']],
      [true, ['VIEW']],
    ]);
    stop();
  });

  it('sends when the page is hidden', async () => {
    const send = vi.fn(async () => {});
    const tracker = setup(send);
    const stop = tracker.start(window);
    tracker.impression('a');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(send).toHaveBeenCalledWith([expect.objectContaining({ noteId: 'a' })], { keepalive: true });
    stop();
  });
});
