import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../core/config';
import type { ReadCache } from '../core/read-cache';
import { isTransactionConflict } from '../core/db';
import { AppError, ErrorCode } from '../core/errors';
import { isRead } from '../models/read-rule';
import type { NoteRow } from '../models/repositories/notes.repository';
import { logReported, type ReportedEvent } from './event-log';
import type { ViewDedupe } from './view-dedupe';
import type { Repositories, Transact } from '../models/transaction';
import type { Actor } from '../accounts/accounts.service';
import { eventInput, type EventInput } from './events.inputs';

export interface EventRejection {
  index: number;
  eventId: string | null;
  code: ErrorCode;
  message: string;
  /** The input field at fault, when one is. */
  field?: string;
}

export interface RecordEventsResult {
  accepted: number;
  duplicates: number;
  rejected: EventRejection[];
}

const MAX_FUTURE_MS = 5 * 60 * 1000;
/** The oldest event a client may still report; event_ids must remember an id at least this long. */
export const EVENT_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** Runs of a batch's transaction when PostgreSQL aborts it to break a deadlock or a serialization conflict. */
const CONFLICT_ATTEMPTS = 4;

/**
 * Client-reported impressions, views and product clicks. A batch is judged event by event: bad
 * events are reported back by index and the rest are stored; ids already stored are counted as
 * duplicates and change nothing, so a client may safely resend a batch after a timeout.
 */
export class EventsService {
  constructor(
    private readonly repos: Pick<Repositories, 'notes' | 'products'>,
    private readonly transact: Transact,
    private readonly config: Pick<Config, 'EVENTS_MAX_PER_CALL'>,
    private readonly views: ViewDedupe,
    private readonly noteKinds: ReadCache<NoteRow['kind']>,
  ) {}

  /**
   * `client` is who the views are deduplicated for: the account, or a signed-out client's address
   * (its anonymous events are also counted apart from signed-in ones downstream).
   */
  async record(viewer: Actor | null, raw: readonly unknown[], client: string, now = new Date()): Promise<RecordEventsResult> {
    if (raw.length > this.config.EVENTS_MAX_PER_CALL) {
      throw new AppError(
        ErrorCode.BATCH_TOO_LARGE,
        `Send at most ${this.config.EVENTS_MAX_PER_CALL} events per call (got ${raw.length})`,
        'events',
      );
    }
    const rejected: EventRejection[] = [];
    const valid: { index: number; event: EventInput }[] = [];
    raw.forEach((candidate, index) => {
      const parsed = eventInput.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue?.path.join('.');
        rejected.push({
          index,
          eventId: idOf(candidate),
          code: ErrorCode.BAD_USER_INPUT,
          message: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid'}`,
        });
        return;
      }
      const at = parsed.data.occurredAt?.getTime() ?? now.getTime();
      if (at > now.getTime() + MAX_FUTURE_MS || at < now.getTime() - EVENT_MAX_AGE_MS) {
        rejected.push({
          index,
          eventId: parsed.data.eventId,
          code: ErrorCode.BAD_USER_INPUT,
          message: 'occurredAt: must be within the last 7 days and not in the future',
        });
        return;
      }
      valid.push({ index, event: parsed.data });
    });

    const known = await this.knownTargets(valid.map((v) => v.event));
    const rows: ReportedEvent[] = [];
    const seenIds = new Set<string>();
    let duplicates = 0;
    for (const { index, event } of valid) {
      const missing =
        (event.noteId && !known.notes.has(event.noteId) && 'noteId') ||
        (event.productId && !known.products.has(event.productId) && 'productId');
      if (missing) {
        rejected.push({
          index,
          eventId: event.eventId,
          code: ErrorCode.NOT_FOUND,
          message: `${missing}: ${event[missing]} does not exist`,
          field: missing,
        });
        continue;
      }
      // A click on a card the note does not show would credit the note with a product it never sold.
      if (event.type === 'product_click' && event.noteId && !known.tags.has(`${event.noteId}:${event.productId}`)) {
        rejected.push({
          index,
          eventId: event.eventId,
          code: ErrorCode.BAD_USER_INPUT,
          message: `productId: note ${event.noteId} does not tag product ${event.productId}`,
          field: 'productId',
        });
        continue;
      }
      if (seenIds.has(event.eventId)) {
        duplicates += 1;
        continue;
      }
      seenIds.add(event.eventId);
      rows.push({
        isRepeat: false,
        eventId: event.eventId,
        type: event.type,
        noteId: event.noteId ?? null,
        productId: event.productId ?? null,
        value: event.value ?? null,
        sessionId: event.sessionId ?? null,
        occurredAt: event.occurredAt ?? now,
      });
    }

    const views = rows.filter((r): r is ReportedEvent & { noteId: string } => r.type === 'view' && r.noteId !== null);
    const verdicts = await this.views.judge(
      client,
      views.map((v) => ({ noteId: v.noteId, read: isRead(v.value, known.kinds.get(v.noteId)) })),
    );
    views.forEach((view, i) => {
      view.isRepeat = !verdicts.counted[i];
    });
    let inserted: number;
    try {
      inserted = await this.transactRetryingConflicts(async (tx) => {
        const ids = await logReported(tx.events, viewer?.id ?? null, rows);
        const counted = new Map<string, number>();
        for (const view of views) {
          if (!view.isRepeat && ids.has(view.eventId)) counted.set(view.noteId, (counted.get(view.noteId) ?? 0) + 1);
        }
        await tx.notes.queueViews(counted);
        return ids.size;
      });
    } catch (error) {
      await verdicts.forget();
      throw error;
    }
    rejected.sort((a, b) => a.index - b.index);
    return { accepted: inserted, duplicates: duplicates + rows.length - inserted, rejected };
  }

  /** Adds the views batches counted to the notes' view counts (the views.apply job); how many notes changed. */
  applyQueuedViews(): Promise<number> {
    return this.repos.notes.applyQueuedViews();
  }

  /**
   * An aborted transaction stored nothing, so running it again stores the batch once: its event ids
   * and the view verdicts judged before it stay the same.
   */
  private async transactRetryingConflicts<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.transact(work);
      } catch (error) {
        if (attempt >= CONFLICT_ATTEMPTS || !isTransactionConflict(error)) throw error;
        // Jittered, so the transactions that collided do not start again in step.
        await sleep(attempt * (10 + Math.random() * 40));
      }
    }
  }

  /** The published notes and the products the events name, and which of those notes tag which products ("note:product"). */
  private async knownTargets(
    events: readonly EventInput[],
  ): Promise<{ notes: Set<string>; kinds: Map<string, NoteRow['kind']>; products: Set<string>; tags: Set<string> }> {
    const noteIds = [...new Set(events.flatMap((e) => (e.noteId ? [e.noteId] : [])))];
    const productIds = [...new Set(events.flatMap((e) => (e.productId ? [e.productId] : [])))];
    const clickedNotes = [...new Set(events.flatMap((e) => (e.type === 'product_click' && e.noteId ? [e.noteId] : [])))];
    const [kindOf, products, tags] = await Promise.all([
      // Cached: a batch names hundreds of notes, mostly the ones feeds served lately, and a note that stops being
      // published is forgotten in every process (NoteCaches).
      this.noteKinds.getMany(noteIds, (missing) => this.repos.notes.publishedKinds(missing)),
      this.repos.products.findByIds(productIds),
      this.repos.notes.productTagsOf(clickedNotes),
    ]);
    const kinds = new Map(noteIds.flatMap((id, i) => (kindOf[i] ? [[id, kindOf[i]] as const] : [])));
    return {
      notes: new Set(kinds.keys()),
      kinds,
      products: new Set(products.map((p) => p.id)),
      tags: new Set(tags.map((t) => `${t.noteId}:${t.productId}`)),
    };
  }
}

function idOf(candidate: unknown): string | null {
  if (typeof candidate === 'object' && candidate !== null && 'eventId' in candidate) {
    const id = (candidate as { eventId: unknown }).eventId;
    return typeof id === 'string' ? id.slice(0, 64) : null;
  }
  return null;
}
