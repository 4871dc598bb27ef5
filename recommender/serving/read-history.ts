import { LRUCache } from 'lru-cache';
import type { Logger } from '../../core/logger';
import { spreadTtl } from '../../core/read-cache';
import type { RecommenderRepository } from '../../models/repositories/recommender.repository';
import { DAY_MS } from '../rank/affinity-profile';
import { READ_HISTORY } from './freshness';

const NOTHING: ReadonlySet<string> = new Set();

/** The notes each signed-in viewer read lately (READ_HISTORY), which For-You does not serve them again. */
export class ReadHistory {
  private readonly reads = new LRUCache<string, ReadonlySet<string>>({
    max: READ_HISTORY.max,
    fetchMethod: async (viewerId) =>
      new Set(await this.repo.notesReadSince(viewerId, new Date(Date.now() - READ_HISTORY.days * DAY_MS), READ_HISTORY.notes)),
  });

  constructor(
    private readonly repo: Pick<RecommenderRepository, 'notesReadSince'>,
    private readonly logger: Logger | null,
  ) {}

  /**
   * What the viewer read within the window. When it cannot be read the page is served without the filter,
   * as it is without its session when Redis is down: a feed with a repeat beats no feed.
   */
  async readBy(viewerId: string): Promise<ReadonlySet<string>> {
    try {
      return (await this.reads.fetch(viewerId, { ttl: spreadTtl(READ_HISTORY.ttlMs) })) ?? NOTHING;
    } catch (error: unknown) {
      this.logger?.warn({ err: error, viewer: viewerId }, 'could not read the viewer’s read notes: serving without the seen filter');
      return NOTHING;
    }
  }
}
