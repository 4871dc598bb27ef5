import type { CandidateRow, NotesRepository } from '../../models/repositories/notes.repository';
import { FOLLOWED_NOTES, POOL_FACTOR } from '../serving/freshness';
import { unseenInPool } from '../serving/shared-recall';
import { ViewerStateCache } from '../serving/viewer-state-cache';
import type { CandidateSource, RecallRequest } from './source';

const FRESH_DAYS = 14;

/**
 * The newest notes (of the last two weeks) of the creators the viewer follows. Each process keeps the
 * list while the viewer's version holds, for as long as the shared pools (a followed creator's new
 * note shows within that), and reads again when it no longer covers what the session was not served.
 * It keeps ids only: the rows come from the candidate cache every viewer shares, so a list read again
 * every half minute for every viewer is not hundreds of rows each time.
 */
export class FollowingSource implements CandidateSource {
  readonly name = 'following';
  private readonly cache = new ViewerStateCache<string[]>(FOLLOWED_NOTES);

  constructor(private readonly notes: Pick<NotesRepository, 'recallFollowed'>) {}

  async recall({ viewerId, version, exclude, rowsByIds }: RecallRequest, quota: number): Promise<CandidateRow[]> {
    if (!viewerId || version === null) return [];
    const since = new Date(Date.now() - FRESH_DAYS * 24 * 3600 * 1000);
    // A list as long as a shared pool, for the same reason: a session, or the viewer's recently served notes, use some up.
    const size = quota * POOL_FACTOR;
    const ids = await this.cache.get(viewerId, version, () => this.notes.recallFollowed(viewerId, since, size, []));
    return rowsByIds(
      unseenInPool(ids, { size, quota, exclude, idOf: (id) => id }) ??
        (await this.notes.recallFollowed(viewerId, since, quota, [...exclude])),
    );
  }
}
