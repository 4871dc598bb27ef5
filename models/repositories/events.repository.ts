import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../core/db';
import { eventIds, interactionEvents } from '../schema';

export type NewEvent = typeof interactionEvents.$inferInsert;

const CHUNK = 1000;
/** Ids forgotten per statement, so pruning never holds one long transaction over the ledger. */
const FORGET_BATCH = 50_000;

export class EventsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Appends events, skipping ids already stored. Returns the ids actually inserted, so callers
   * can apply side effects (view counters) exactly once per event.
   */
  async append(events: readonly NewEvent[]): Promise<Set<string>> {
    const inserted = new Set<string>();
    for (let i = 0; i < events.length; i += CHUNK) {
      const chunk = events.slice(i, i + CHUNK);
      // Claiming the id first makes a concurrent resend wait for this transaction, then find it taken.
      const claimed = await this.db
        .insert(eventIds)
        .values(chunk.map((e) => ({ eventId: e.eventId, occurredAt: e.occurredAt })))
        .onConflictDoNothing({ target: eventIds.eventId })
        .returning({ id: eventIds.eventId });
      if (claimed.length === 0) continue;
      const fresh = new Set(claimed.map((row) => row.id));
      await this.db.insert(interactionEvents).values(chunk.filter((e) => fresh.has(e.eventId)));
      for (const id of fresh) inserted.add(id);
    }
    return inserted;
  }

  /** Makes the log's month holding `at`, if missing; its name when made. */
  async ensurePartition(at: Date): Promise<string | null> {
    const result = await this.db.execute(sql`SELECT ensure_event_partition(${at.toISOString()}::timestamptz) AS made`);
    return rowsOf<{ made: string | null }>(result)[0]?.made ?? null;
  }

  /** Drops the log's months that end by `cutoff` (and stray rows before it); how many months went. */
  async dropPartitionsBefore(cutoff: Date): Promise<number> {
    const result = await this.db.execute(sql`SELECT drop_event_partitions_before(${cutoff.toISOString()}::timestamptz) AS dropped`);
    return Number(rowsOf<{ dropped: number }>(result)[0]?.dropped ?? 0);
  }

  /** Forgets ids received before `cutoff`: a resend of one would now be stored again. How many went. */
  async forgetIdsBefore(cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const result = await this.db.execute(sql`
        WITH gone AS (
          DELETE FROM event_ids WHERE event_id IN (
            SELECT event_id FROM event_ids WHERE received_at < ${cutoff.toISOString()}::timestamptz LIMIT ${FORGET_BATCH})
          RETURNING 1)
        SELECT count(*)::int AS n FROM gone`);
      const count = rowsOf<{ n: number }>(result)[0]?.n ?? 0;
      total += count;
      if (count < FORGET_BATCH) return total;
    }
  }
}
