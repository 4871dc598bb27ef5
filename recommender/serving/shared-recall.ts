import type { CandidateRow, NotesRepository } from '../../models/repositories/notes.repository';
import { POOL_FACTOR, SHARED_RECALL_TTL_MS } from './freshness';

/**
 * Up to `quota` entries of a pool read `size` at most that are not excluded; undefined when the pool
 * came back full and the exclusions have used it up, so what lies beyond it must be read.
 */
export function unseenInPool<T>(
  pool: readonly T[],
  { size, quota, exclude, idOf }: { size: number; quota: number; exclude: ReadonlySet<string>; idOf: (entry: T) => string },
): T[] | undefined {
  const unseen = pool.filter((entry) => !exclude.has(idOf(entry)));
  return unseen.length >= quota || pool.length < size ? unseen.slice(0, quota) : undefined;
}

export type SharedSource = { kind: 'trending' } | { kind: 'fresh' } | { kind: 'topic'; topic: string };

interface Pool {
  expires: number;
  size: number;
  rows: Promise<CandidateRow[]>;
  refreshing: boolean;
}

/**
 * Candidate sources that are the same for every viewer (trending, fresh, one topic's trending) are
 * read once per process every SHARED_RECALL_TTL_MS instead of on every page; each session then
 * drops what it was already served. An expired pool keeps serving while one background read
 * replaces it, so no page waits on a refresh. When a long session has used up a pool, that
 * session's page falls back to the database, which excludes served notes itself.
 */
export class SharedRecall {
  private readonly pools = new Map<string, Pool>();
  private readonly refreshes = new Set<Promise<void>>();

  constructor(
    private readonly notes: NotesRepository,
    private readonly now: () => number = Date.now,
  ) {}

  async candidates(source: SharedSource, quota: number, served: ReadonlySet<string>): Promise<CandidateRow[]> {
    const pool = this.pool(source, quota * POOL_FACTOR);
    return (
      unseenInPool(await pool.rows, { size: pool.size, quota, exclude: served, idOf: (row) => row.id }) ??
      this.query(source, quota, [...served])
    );
  }

  /** Resolves when the background refreshes started so far have finished. */
  async settled(): Promise<void> {
    await Promise.all(this.refreshes);
  }

  private pool(source: SharedSource, size: number): Pool {
    const key = source.kind === 'topic' ? `topic:${source.topic}` : source.kind;
    const cached = this.pools.get(key);
    if (!cached || cached.size < size) return this.load(key, source, size);
    if (cached.expires <= this.now() && !cached.refreshing) this.refresh(key, source, cached);
    return cached;
  }

  private load(key: string, source: SharedSource, size: number): Pool {
    const pool: Pool = { expires: this.now() + SHARED_RECALL_TTL_MS, size, rows: this.query(source, size, []), refreshing: false };
    // A failed first read must not be cached: the next page tries the database again.
    pool.rows.catch(() => {
      if (this.pools.get(key) === pool) this.pools.delete(key);
    });
    this.pools.set(key, pool);
    return pool;
  }

  private refresh(key: string, source: SharedSource, stale: Pool): void {
    stale.refreshing = true;
    const done = this.query(source, stale.size, []).then(
      (rows) => {
        if (this.pools.get(key) !== stale) return;
        this.pools.set(key, {
          expires: this.now() + SHARED_RECALL_TTL_MS,
          size: stale.size,
          rows: Promise.resolve(rows),
          refreshing: false,
        });
      },
      // The stale pool keeps serving; the next page after a failure tries again.
      () => {
        stale.refreshing = false;
      },
    );
    this.refreshes.add(done);
    void done.finally(() => this.refreshes.delete(done));
  }

  private query(source: SharedSource, limit: number, exclude: readonly string[]): Promise<CandidateRow[]> {
    if (source.kind === 'trending') return this.notes.recallTrending(limit, exclude);
    if (source.kind === 'fresh') return this.notes.recallFresh(limit, exclude);
    return this.notes.recallByTopics([source.topic], limit, exclude);
  }
}
