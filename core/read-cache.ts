import { LRUCache } from 'lru-cache';

export interface ReadCacheOptions {
  /** Most entries kept; the least recently used go first. */
  max: number;
  /** How long an entry is trusted. Writers forget what they change at once, here and, through the
   * bus, in every other process; this bounds what no writer forgets (view counts) and what a lost
   * message leaves behind. */
  ttlMs: number;
  /** Carries forget() to the cache of the same name in every other process. */
  bus?: InvalidationBus;
}

/** What the bus may do to a registered cache when other processes forget. */
export type BusMember = Pick<ReadCache<never>, 'forgetHere' | 'clear'>;

/** What a ReadCache shares with its namesakes in other processes (core/cache-bus.ts over Redis). */
export interface InvalidationBus {
  register(name: string, cache: BusMember): void;
  publish(name: string, keys: readonly string[]): void;
}

/**
 * A per-process read-through cache for rows that many requests show and few change: the authors,
 * products and brands on note cards, a note's media and product tags. It keeps the feed from
 * reading the same twenty authors from the database on every page.
 */
export class ReadCache<V extends NonNullable<unknown>> {
  private readonly entries: LRUCache<string, V>;
  private readonly enabled: boolean;
  private readonly ttlMs: number;
  // Bumped by every forget(), so a load that started before a write cannot store what it read.
  private generation = 0;

  private readonly bus: InvalidationBus | undefined;

  /** `name` identifies the cache on the bus: the same in every process, unique within one. */
  constructor(
    options: ReadCacheOptions,
    private readonly name = '',
  ) {
    // lru-cache reads a ttl of 0 as "forever"; here it means "do not cache".
    this.enabled = options.ttlMs > 0;
    this.entries = new LRUCache<string, V>({ max: options.max });
    this.ttlMs = options.ttlMs;
    if (options.bus && !name) throw new Error('a ReadCache on a bus needs a name');
    this.bus = options.bus;
    this.bus?.register(name, this);
  }

  /** The value of each key, in order; the missing ones are loaded in one call. Keys the loader does not return stay uncached. */
  async getMany(keys: readonly string[], load: (missing: string[]) => Promise<Map<string, V>>): Promise<(V | undefined)[]> {
    const values = keys.map((key) => this.entries.get(key));
    const missing = [...new Set(keys.filter((_, i) => values[i] === undefined))];
    if (missing.length === 0) return values;
    const generation = this.generation;
    const loaded = await load(missing);
    if (this.enabled && generation === this.generation)
      for (const [key, value] of loaded) this.entries.set(key, value, { ttl: spreadTtl(this.ttlMs) });
    return keys.map((key, i) => values[i] ?? loaded.get(key));
  }

  /** Called after a committed change to these keys: this process and, through the bus, every other one stop showing them. */
  forget(...keys: readonly string[]): void {
    this.forgetHere(keys);
    if (keys.length > 0) this.bus?.publish(this.name, keys);
  }

  forgetHere(keys: readonly string[]): void {
    this.generation += 1;
    for (const key of keys) this.entries.delete(key);
  }

  /** Forgets everything, for when this process may have missed what others forgot. */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

export function rowsById<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A TTL between half and all of `ttlMs`, drawn anew for each entry. Entries filled together (every
 * viewer after a restart, a page's twenty cards) would otherwise expire together, and their reads
 * again would arrive as one burst that stalls every page in it; spread, they are a steady trickle.
 * Shortening rather than lengthening keeps `ttlMs` the promised bound on staleness.
 */
export function spreadTtl(ttlMs: number): number {
  return Math.ceil(ttlMs * (0.5 + Math.random() / 2));
}
