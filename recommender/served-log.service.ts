import { derivedUuid } from '../core/ids';
import type { EventsRepository, NewEvent } from '../models/repositories/events.repository';
import type { FeedSessionStore, ServedPage } from './serving/session-store';

/** Served pages moved per round: ~20 events each. */
const BATCH = 500;

/**
 * Moves the log of served feed pages from Redis into the event log, where they are the negatives of
 * the next training run (a served note nobody engaged with) and analytics can count them. A page is
 * removed from Redis only after its events are stored; each event's id derives from the session and
 * the note, so a round repeated after a crash, or run by two workers at once, stores nothing twice.
 */
export class ServedLogService {
  constructor(
    private readonly sessions: Pick<FeedSessionStore, 'servedPages' | 'acknowledge'>,
    private readonly events: Pick<EventsRepository, 'append'>,
  ) {}

  /**
   * Stores what has been served so far, up to `maxPages` pages a round (~40,000 events): a backlog is
   * worked off over several rounds rather than in one long one, which with the embedded database
   * would hold up everything else the process does.
   */
  async flush(maxPages = 2_000): Promise<number> {
    let stored = 0;
    for (let moved = 0; moved < maxPages;) {
      const pages = await this.sessions.servedPages(BATCH);
      if (pages.length === 0) break;
      stored += (await this.events.append(pages.flatMap(servedEvents))).size;
      await this.sessions.acknowledge(pages.map((p) => p.entryId));
      moved += pages.length;
      if (pages.length < BATCH) break;
    }
    return stored;
  }
}

/** One `served` event per note of the page; its value is the note's position on the page. */
function servedEvents(page: ServedPage): NewEvent[] {
  const at = page.servedAt.getTime();
  return page.noteIds.map((noteId, position) => ({
    eventId: derivedUuid(at, `served:${page.sessionId}:${noteId}`),
    type: 'served',
    userId: page.viewerId,
    noteId,
    sessionId: page.sessionId,
    value: position,
    occurredAt: page.servedAt,
  }));
}
