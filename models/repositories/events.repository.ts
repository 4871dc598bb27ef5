import type { Db } from '../../core/db';
import { anyUuid } from '../sql';
import { interactionEvents } from '../schema';

export type NewEvent = typeof interactionEvents.$inferInsert;

const CHUNK = 1000;

export class EventsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Appends events, skipping ids already stored. Returns the ids actually inserted, so callers
   * can apply side effects (view counters) exactly once per event.
   */
  async append(events: readonly NewEvent[]): Promise<Set<string>> {
    const inserted = new Set<string>();
    for (let i = 0; i < events.length; i += CHUNK) {
      const rows = await this.db
        .insert(interactionEvents)
        .values(events.slice(i, i + CHUNK))
        .onConflictDoNothing({ target: interactionEvents.eventId })
        .returning({ id: interactionEvents.eventId });
      for (const row of rows) inserted.add(row.id);
    }
    return inserted;
  }

  async countByIds(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await this.db
      .select({ id: interactionEvents.eventId })
      .from(interactionEvents)
      .where(anyUuid(interactionEvents.eventId, ids));
    return rows.length;
  }
}
