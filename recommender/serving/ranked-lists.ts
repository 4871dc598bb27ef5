import type { Logger } from '../../core/logger';
import type { CandidateRow } from '../../models/repositories/notes.repository';
import type { Candidate } from '../recall/source';
import { RankedCache } from './ranked-cache';
import type { SharedRankedLists } from './shared-ranked';

/**
 * A viewer's ranked candidates, kept in this process (RankedCache) and shared with every other through
 * Redis (SharedRankedLists): a process that has no list of its own for the viewer takes the one another
 * ranked, so with n API processes a viewer is ranked about once per list instead of n times. Without
 * Redis each process keeps its own lists, as before.
 */
export class RankedLists {
  private readonly local = new RankedCache();

  constructor(
    private readonly shared: SharedRankedLists | null,
    /** The candidate rows of ids, in order (undefined: no longer a candidate); usually from the process's row cache. */
    private readonly rowsByIds: (ids: readonly string[]) => Promise<(CandidateRow | undefined)[]>,
    private readonly logger: Logger | null,
  ) {}

  /** The candidates not excluded, with their scores, or undefined when they must be ranked afresh. */
  async get(
    viewerId: string,
    key: string,
    exclude: ReadonlySet<string>,
    first: number,
  ): Promise<{ candidates: Candidate[]; scores: Float32Array | null } | undefined> {
    const kept = this.local.get(viewerId, key, exclude, first);
    if (kept || !this.shared) return kept;
    const stored = await this.shared.load(viewerId).catch((error: unknown) => this.failed(error, 'load'));
    // The same stamp as the list kept here is the same list, already found used up or stale.
    if (!stored || stored.key !== key || stored.expiresAt <= Date.now() || stored.expiresAt === this.local.expiresAt(viewerId)) {
      return undefined;
    }
    const rows = await this.rowsByIds(stored.ids);
    const present = rows.flatMap((row, i) => (row ? [i] : []));
    const scores = stored.scores;
    this.local.put(viewerId, {
      key,
      rows: present.map((i) => rows[i] as CandidateRow),
      sources: Uint8Array.from(present, (i) => stored.sources[i] as number),
      scores: scores && Float32Array.from(present, (i) => scores[i] as number),
      expiresAt: stored.expiresAt,
    });
    return this.local.get(viewerId, key, exclude, first);
  }

  /** Keeps a list just ranked here, and shares it. */
  async set(viewerId: string, key: string, candidates: readonly Candidate[], scores: Float32Array | null): Promise<void> {
    const ranked = this.local.set(viewerId, key, candidates, scores);
    await this.shared
      ?.save(viewerId, { key, expiresAt: ranked.expiresAt, ids: ranked.rows.map((row) => row.id), sources: ranked.sources, scores })
      .catch((error: unknown) => this.failed(error, 'save'));
  }

  private failed(error: unknown, step: string): null {
    this.logger?.warn({ err: error, step }, 'shared ranked lists unavailable (Redis): ranking in this process');
    return null;
  }
}
