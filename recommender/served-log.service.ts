import { logServed } from '../events/event-log';
import type { Repositories } from '../models/transaction';
import type { FeedSessionStore } from './serving/session-store';

/** Served pages moved per round: ~20 events each. */
const BATCH = 500;

/**
 * Moves the log of served feed pages from Redis into the event log, where they are the negatives of
 * the next training run (a served note nobody engaged with) and analytics can count them. A page is
 * removed from Redis only after its events are stored, and logServed stores a page twice as once, so
 * a round repeated after a crash, or run by two workers at once, stores nothing twice.
 */
export class ServedLogService {
  constructor(
    private readonly sessions: Pick<FeedSessionStore, 'servedPages' | 'acknowledge'>,
    private readonly events: Repositories['events'],
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
      stored += (await logServed(this.events, pages)).size;
      await this.sessions.acknowledge(pages.map((p) => p.entryId));
      moved += pages.length;
      if (pages.length < BATCH) break;
    }
    return stored;
  }
}
