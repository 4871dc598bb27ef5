import type { Redis } from '../core/redis';

const TTL_SECONDS = 3600;

/**
 * One scroll session of a feed in Redis: who owns it, every note served in it (the no-repeat
 * rule), and each page as served, so a retried request for the same page gets the same notes.
 */
export class FeedSessionStore {
  constructor(private readonly redis: Redis) {}

  async create(sessionId: string, ownerId: string | null): Promise<void> {
    await this.redis.set(ownerKey(sessionId), ownerId ?? '', 'EX', TTL_SECONDS);
  }

  /** The owner of a live session ('' for anonymous), or null when it expired or never existed. */
  owner(sessionId: string): Promise<string | null> {
    return this.redis.get(ownerKey(sessionId));
  }

  async page(sessionId: string, page: number): Promise<string[] | null> {
    const value = await this.redis.get(pageKey(sessionId, page));
    return value === null ? null : (JSON.parse(value) as string[]);
  }

  served(sessionId: string): Promise<string[]> {
    return this.redis.smembers(servedKey(sessionId));
  }

  async recordPage(sessionId: string, page: number, noteIds: readonly string[]): Promise<void> {
    const multi = this.redis
      .multi()
      .set(pageKey(sessionId, page), JSON.stringify(noteIds), 'EX', TTL_SECONDS)
      .expire(ownerKey(sessionId), TTL_SECONDS);
    if (noteIds.length > 0) multi.sadd(servedKey(sessionId), ...noteIds).expire(servedKey(sessionId), TTL_SECONDS);
    await multi.exec();
  }
}

const ownerKey = (id: string): string => `feed:${id}:owner`;
const servedKey = (id: string): string => `feed:${id}:served`;
const pageKey = (id: string, page: number): string => `feed:${id}:page:${page}`;
