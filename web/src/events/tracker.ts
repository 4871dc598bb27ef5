import { stringifyDocument } from 'urql';
import { graphql } from '../gql';
import type { EventInput } from '../gql/graphql';
import { uuidv7 } from './event-id';

export const RecordEventsMutation = graphql(`
  mutation RecordEvents($events: [EventInput!]!) {
    recordEvents(events: $events) {
      accepted
      duplicates
      rejected {
        index
        code
      }
    }
  }
`);

/** The server refused the batch in a way resending cannot fix (malformed, too large): it is dropped. */
export class RejectedBatch extends Error {}

const MAX_QUEUED = 5_000;

export type SendBatch = (events: EventInput[], options: { keepalive: boolean }) => Promise<void>;

export interface TrackerOptions {
  send: SendBatch;
  /** How often queued events go out while the page is open. */
  flushEveryMs?: number;
  /**
   * Events per request: a keepalive request may carry at most 64 KB in all, and one event is about
   * 250 bytes of JSON.
   */
  maxBatch?: number;
  now?: () => Date;
  newId?: () => string;
  sessionId?: string;
}

/**
 * The interaction events the interest model trains on: impressions (a card seen), and views (seconds
 * on an image note, the watched ratio of a video). Each event gets its id when it happens, so a
 * batch that is sent again after a failure or timeout is deduplicated by the server, never counted
 * twice.
 */
export class EventTracker {
  private queue: EventInput[] = [];
  private inFlight: Promise<void> | null = null;
  private impressed = new Set<string>();
  private finalizers = new Set<() => void>();
  private readonly send: SendBatch;
  private readonly maxBatch: number;
  private readonly now: () => Date;
  private readonly newId: () => string;
  readonly sessionId: string;
  readonly flushEveryMs: number;

  constructor(options: TrackerOptions) {
    this.send = options.send;
    this.maxBatch = options.maxBatch ?? 100;
    this.flushEveryMs = options.flushEveryMs ?? 5_000;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => uuidv7());
    this.sessionId = options.sessionId ?? this.newId();
  }

  /** Once per note per page view, however often the card scrolls back into sight. */
  impression(noteId: string): void {
    if (this.impressed.has(noteId)) return;
    this.impressed.add(noteId);
    this.enqueue('IMPRESSION', noteId);
  }

  /** Seconds on an image note, or the share of a video watched (0–1). */
  view(noteId: string, value: number): void {
    if (!Number.isFinite(value) || value <= 0) return;
    this.enqueue('VIEW', noteId, Math.round(value * 1000) / 1000);
  }

  /** A new page view: cards seen before may count again. */
  newPageView(): void {
    this.impressed.clear();
  }

  /** Run when the page is being hidden or left, before the last flush (e.g. to record the time on a note). */
  addFinalizer(finalize: () => void): () => void {
    this.finalizers.add(finalize);
    return () => this.finalizers.delete(finalize);
  }

  pending(): readonly EventInput[] {
    return this.queue;
  }

  /**
   * Sends what is queued. One request at a time; a failed batch goes back to the front of the
   * queue with its ids and is retried on the next flush.
   */
  flush(options: { keepalive?: boolean } = {}): Promise<void> {
    const keepalive = options.keepalive ?? false;
    if (keepalive) {
      // The page may be gone before a running request returns: send everything now.
      const batches = this.takeAll();
      return Promise.all(
        batches.map((batch) => this.send(batch, { keepalive }).catch((error: unknown) => this.requeue(batch, error))),
      ).then(() => undefined);
    }
    if (this.inFlight) return this.inFlight;
    if (this.queue.length === 0) return Promise.resolve();
    const batch = this.queue.splice(0, this.maxBatch);
    this.inFlight = this.send(batch, { keepalive })
      .catch((error: unknown) => this.requeue(batch, error))
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** The page is being hidden or unloaded: record what is open, then send it with keepalive. */
  finalize(): Promise<void> {
    for (const finalize of this.finalizers) finalize();
    return this.flush({ keepalive: true });
  }

  /** Flushes every few seconds and when the page is hidden or left; returns the stop function. */
  start(target: Window = window): () => void {
    const timer = target.setInterval(() => void this.flush(), this.flushEveryMs);
    const onHide = () => void this.finalize();
    const onVisibility = () => {
      if (target.document.visibilityState === 'hidden') onHide();
    };
    target.addEventListener('pagehide', onHide);
    target.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      target.clearInterval(timer);
      target.removeEventListener('pagehide', onHide);
      target.document.removeEventListener('visibilitychange', onVisibility);
    };
  }

  private enqueue(type: EventInput['type'], noteId: string, value?: number): void {
    this.queue.push({
      eventId: this.newId(),
      type,
      noteId,
      ...(value === undefined ? {} : { value }),
      occurredAt: this.now().toISOString(),
      sessionId: this.sessionId,
    });
  }

  private takeAll(): EventInput[][] {
    const batches: EventInput[][] = [];
    while (this.queue.length > 0) batches.push(this.queue.splice(0, this.maxBatch));
    return batches;
  }

  private requeue(batch: EventInput[], error: unknown): void {
    if (error instanceof RejectedBatch) return;
    this.queue.unshift(...batch);
    // Offline for long: the oldest events go first rather than memory without bound.
    if (this.queue.length > MAX_QUEUED) this.queue.splice(0, this.queue.length - MAX_QUEUED);
  }
}

/** recordEvents over fetch: keepalive lets the request outlive the page it was sent from. */
export function graphqlSender(url: string, headers: () => Record<string, string>): SendBatch {
  const query = stringifyDocument(RecordEventsMutation);
  return async (events, { keepalive }) => {
    const response = await fetch(url, {
      method: 'POST',
      keepalive,
      headers: { 'content-type': 'application/json', ...headers() },
      body: JSON.stringify({ query, variables: { events } }),
      ...(keepalive ? {} : { signal: AbortSignal.timeout(15_000) }),
    });
    const retryable = response.status >= 500 || [401, 408, 429].includes(response.status);
    if (!response.ok && !retryable) throw new RejectedBatch(`HTTP ${response.status}`);
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    if (!response.ok || !body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  };
}
