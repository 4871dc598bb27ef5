import { LRUCache } from 'lru-cache';
import { spreadTtl } from '../../core/read-cache';

/**
 * What one API process remembers of a viewer between pages (who they follow, what they hid, their
 * latest likes; the newest notes of the creators they follow), so most pages skip those queries.
 * An entry holds only for the viewer's current version (FeedSessionStore.viewerChanged bumps it on
 * every follow, like, collect or hide), which each page reads in the Redis round trip it makes
 * anyway: no process serves a page on what the viewer did before their last action.
 */
export class ViewerStateCache<T> {
  private readonly entries: LRUCache<string, { version: string; value: Promise<T> }>;
  private readonly ttlMs: number;

  constructor(options: { max: number; ttlMs: number }) {
    this.entries = new LRUCache({ max: options.max });
    this.ttlMs = options.ttlMs;
  }

  get(viewerId: string, version: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(viewerId);
    if (hit?.version === version) return hit.value;
    const value = load();
    const entry = { version, value };
    this.entries.set(viewerId, entry, { ttl: spreadTtl(this.ttlMs) });
    // A failed read is not remembered: the next page tries again.
    value.catch(() => {
      if (this.entries.get(viewerId) === entry) this.entries.delete(viewerId);
    });
    return value;
  }
}
