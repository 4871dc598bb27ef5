import { LRUCache } from 'lru-cache';
import { NEIGHBOURS } from './freshness';

/**
 * Neighbour recall results (embedding and co-engagement), shared by their sources: a viewer's vector,
 * or their latest likes, stay the same from page to page. Keys name the kind, the model version, k and
 * the query, so an entry never goes stale.
 */
export class NeighbourCache {
  private readonly results = new LRUCache<string, string[]>(NEIGHBOURS);

  /** The result kept under `key`, or computed and kept. */
  remembered(key: string, compute: () => string[]): string[] {
    const cached = this.results.get(key);
    if (cached) return cached;
    const found = compute();
    this.results.set(key, found);
    return found;
  }
}
