import { LRUCache } from 'lru-cache';
import { spreadTtl } from '../../core/read-cache';
import type { CandidateRow } from '../../models/repositories/notes.repository';
import type { Candidate, RecallSource } from '../recall/source';
import { RECALL_QUOTAS } from '../recall-quotas';
import { RANKED } from './freshness';

/** Every source, each a bit of a candidate's mask: a source added to RECALL_QUOTAS has its bit at once. */
const SOURCES = Object.keys(RECALL_QUOTAS) as RecallSource[];

/**
 * The sources of each bitmask, built once: candidates only read them, and a page picks from hundreds
 * of candidates, whose sets would otherwise be built anew on every page.
 */
const SOURCE_SETS: ReadonlySet<RecallSource>[] = Array.from(
  { length: 1 << SOURCES.length },
  (_, mask) => new Set(SOURCES.filter((_, s) => (mask >> s) & 1)),
);

function sourcesOf(mask: number): ReadonlySet<RecallSource> {
  return SOURCE_SETS[mask] as ReadonlySet<RecallSource>;
}

/**
 * One viewer's candidates, kept compact: the rows are the shared ones the recall returned, and each
 * candidate's sources are a bitmask. Entries live for seconds, long enough to outlive the young
 * generation, so every object kept here is garbage the old generation has to collect.
 */
export interface Ranked {
  key: string;
  rows: CandidateRow[];
  sources: Uint8Array;
  /** The model's score of each candidate, in order; null when the heuristic ranks (it scores as it picks). */
  scores: Float32Array | null;
  /** When the list is due to be ranked again (ms since the epoch), and when it stops serving even while that goes on: the same wherever it is shared (SharedRankedLists). */
  refreshAt: number;
  expiresAt: number;
}

/** What a page may pick from; `stale` when the list should be ranked again (it still serves until then). */
export interface KeptRanked {
  candidates: Candidate[];
  scores: Float32Array | null;
  stale: boolean;
}

/**
 * A viewer's recalled, filtered and scored candidates, kept between their pages (the next page of a
 * scroll session, or the first of the next session), so that most pages only pick from them what was
 * not served since: recall and scoring are most of a page's work. An entry holds for one key (the
 * viewer's version, bumped by every follow, like, collect or hide, and the model version and experiment
 * arm), and while it is fresh (RANKED in freshness.ts); a stale one still serves while it is ranked again.
 */
export class RankedCache {
  private readonly entries = new LRUCache<string, Ranked>({ max: RANKED.maxViewers });

  /** The candidates not excluded, with their scores, or undefined when they must be ranked afresh before this page. */
  get(viewerId: string, key: string, exclude: ReadonlySet<string>, first: number): KeptRanked | undefined {
    const hit = this.entries.get(viewerId);
    if (!hit || hit.key !== key) return undefined;
    const kept: number[] = [];
    hit.rows.forEach((row, i) => {
      if (!exclude.has(row.id)) kept.push(i);
    });
    const served = hit.rows.length - kept.length;
    if (kept.length < first || served > hit.rows.length * RANKED.dropServed) return undefined;
    const scores = hit.scores;
    return {
      stale: Date.now() >= hit.refreshAt || served > hit.rows.length * RANKED.refreshServed,
      candidates: kept.map((i) => ({
        note: hit.rows[i] as CandidateRow,
        sources: sourcesOf(hit.sources[i] as number),
      })),
      scores: scores && Float32Array.from(kept, (i) => scores[i] as number),
    };
  }

  /** Keeps a list ranked here; what was kept, to share with other processes. */
  set(viewerId: string, key: string, candidates: readonly Candidate[], scores: Float32Array | null): Ranked {
    const sources = Uint8Array.from(candidates, (c) =>
      SOURCES.reduce((mask, source, s) => (c.sources.has(source) ? mask | (1 << s) : mask), 0),
    );
    const refreshAt = Date.now() + spreadTtl(RANKED.ttlMs);
    const ranked = { key, rows: candidates.map((c) => c.note), sources, scores, refreshAt, expiresAt: refreshAt + RANKED.staleMs };
    this.put(viewerId, ranked);
    return ranked;
  }

  /** Keeps a list ranked elsewhere, until it expires there. */
  put(viewerId: string, ranked: Ranked): void {
    const ttl = Math.ceil(ranked.expiresAt - Date.now());
    if (ttl > 0) this.entries.set(viewerId, ranked, { ttl });
  }

  /** When the list kept for the viewer is due to be ranked again, if one is kept: the same stamp means the same list. */
  refreshAt(viewerId: string): number | undefined {
    return this.entries.get(viewerId)?.refreshAt;
  }
}
