import type { Logger } from '../../core/logger';
import type { CandidateRow } from '../../models/repositories/notes.repository';
import type { Candidate } from '../recall/source';
import { RankedCache, type KeptRanked, type Ranked } from './ranked-cache';
import type { SharedRankedLists } from './shared-ranked';

/** The candidates a page picks from, with the model's score of each (null: the heuristic ranks). */
export interface RankedPage {
  candidates: Candidate[];
  scores: Float32Array | null;
}

/** A ranking just made; `keep` is false when later pages must not reuse it. */
export interface Ranking extends RankedPage {
  keep: boolean;
}

/**
 * A viewer's ranked candidates, kept in this process (RankedCache) and shared with every other through
 * Redis (SharedRankedLists): a process that has no list of its own for the viewer takes the one another
 * ranked, so with n API processes a viewer is ranked about once per list instead of n times. Without
 * Redis each process keeps its own lists, as before.
 */
export class RankedLists {
  private readonly local = new RankedCache();
  /** Viewers whose list is being ranked again in the background here. */
  private readonly refreshing = new Set<string>();

  constructor(
    private readonly shared: SharedRankedLists | null,
    /** The candidate rows of ids, in order (undefined: no longer a candidate); usually from the process's row cache. */
    private readonly rowsByIds: (ids: readonly string[]) => Promise<(CandidateRow | undefined)[]>,
    private readonly logger: Logger | null,
  ) {}

  /**
   * What the page picks from: the viewer's list for `key` when one serves, here or from another process, less
   * what `exclude` holds; otherwise `rank()`'s, kept for the next pages. A stale list still serves this page
   * while `rank()` runs in the background (RANKED in freshness.ts).
   */
  async serve(
    viewerId: string,
    key: string,
    exclude: ReadonlySet<string>,
    first: number,
    rank: () => Promise<Ranking>,
  ): Promise<RankedPage> {
    const kept = this.local.get(viewerId, key, exclude, first) ?? (await this.fromShared(viewerId, key, exclude, first));
    if (!kept) return this.rankNow(viewerId, key, rank);
    if (kept.stale) this.refreshLater(viewerId, key, rank);
    return kept;
  }

  private async rankNow(viewerId: string, key: string, rank: () => Promise<Ranking>): Promise<RankedPage> {
    const ranking = await rank();
    if (ranking.keep) await this.keep(viewerId, key, ranking);
    return ranking;
  }

  /** Once per viewer at a time in this process; a fresh list another process ranked meanwhile does instead. */
  private refreshLater(viewerId: string, key: string, rank: () => Promise<Ranking>): void {
    if (this.refreshing.has(viewerId)) return;
    this.refreshing.add(viewerId);
    const refresh = async () => {
      const newer = await this.newerShared(viewerId, key);
      if (newer && newer.refreshAt > Date.now()) this.local.put(viewerId, newer);
      else await this.rankNow(viewerId, key, rank);
    };
    refresh()
      .catch((error: unknown) =>
        this.logger?.warn({ err: error, viewer: viewerId }, 'could not rank the viewer’s feed again in the background'),
      )
      .finally(() => this.refreshing.delete(viewerId));
  }

  private async fromShared(viewerId: string, key: string, exclude: ReadonlySet<string>, first: number): Promise<KeptRanked | undefined> {
    const newer = await this.newerShared(viewerId, key);
    if (!newer) return undefined;
    this.local.put(viewerId, newer);
    return this.local.get(viewerId, key, exclude, first);
  }

  /** The list another process ranked for `key`, with its rows, when it still serves and is not the one kept here. */
  private async newerShared(viewerId: string, key: string): Promise<Ranked | null> {
    if (!this.shared) return null;
    const heldHere = this.local.refreshAt(viewerId);
    const stored = await this.shared
      .load(viewerId, (list) => list.key === key && list.expiresAt > Date.now() && list.refreshAt !== heldHere)
      .catch((error: unknown) => this.failed(error, 'load'));
    if (!stored) return null;
    const rows = await this.rowsByIds(stored.ids);
    const present = rows.flatMap((row, i) => (row ? [i] : []));
    const scores = stored.scores;
    return {
      key,
      rows: present.map((i) => rows[i] as CandidateRow),
      sources: Uint8Array.from(present, (i) => stored.sources[i] as number),
      scores: scores && Float32Array.from(present, (i) => scores[i] as number),
      refreshAt: stored.refreshAt,
      expiresAt: stored.expiresAt,
    };
  }

  /** Keeps a list just ranked here, and shares it. */
  private async keep(viewerId: string, key: string, { candidates, scores }: RankedPage): Promise<void> {
    const ranked = this.local.set(viewerId, key, candidates, scores);
    const { refreshAt, expiresAt, sources } = ranked;
    await this.shared
      ?.save(viewerId, { key, refreshAt, expiresAt, ids: ranked.rows.map((row) => row.id), sources, scores })
      .catch((error: unknown) => this.failed(error, 'save'));
  }

  private failed(error: unknown, step: string): null {
    this.logger?.warn({ err: error, step }, 'shared ranked lists unavailable (Redis): ranking in this process');
    return null;
  }
}
