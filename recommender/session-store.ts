import type { Redis } from '../core/redis';

const TTL_SECONDS = 3600;

export interface SessionState {
  /** '' for anonymous sessions; null when the session expired or never existed. */
  owner: string | null;
  /** The page as served before, when this page is being asked for again. */
  page: string[] | null;
  /** Every note served in the session so far. */
  served: string[];
}

/**
 * One scroll session of a feed in Redis: who owns it, every note served in it (the no-repeat
 * rule), and each page as served, so a retried request for the same page gets the same notes.
 * Each request costs one round trip to read and one to write.
 */
export class FeedSessionStore {
  constructor(private readonly redis: Redis) {}

  async load(sessionId: string, page: number): Promise<SessionState> {
    const replies = await this.redis.multi().get(ownerKey(sessionId)).get(pageKey(sessionId, page)).smembers(servedKey(sessionId)).exec();
    const [owner, pageValue, served] = (replies ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    }) as [string | null, string | null, string[]];
    return { owner, page: pageValue === null ? null : (JSON.parse(pageValue) as string[]), served: served ?? [] };
  }

  async recordPage(sessionId: string, ownerId: string | null, page: number, noteIds: readonly string[]): Promise<void> {
    const multi = this.redis
      .multi()
      .set(ownerKey(sessionId), ownerId ?? '', 'EX', TTL_SECONDS)
      .set(pageKey(sessionId, page), JSON.stringify(noteIds), 'EX', TTL_SECONDS);
    if (noteIds.length > 0) multi.sadd(servedKey(sessionId), ...noteIds).expire(servedKey(sessionId), TTL_SECONDS);
    await multi.exec();
  }
}

const ownerKey = (id: string): string => `feed:${id}:owner`;
const servedKey = (id: string): string => `feed:${id}:served`;
const pageKey = (id: string, page: number): string => `feed:${id}:page:${page}`;
