import type { CandidateRow } from '../../models/repositories/notes.repository';
import { RankedCache } from '../../recommender/serving/ranked-cache';
import { RANKED } from '../../recommender/serving/freshness';
import type { Candidate, RecallSource } from '../../recommender/recall/source';

function candidate(id: string, ...sources: RecallSource[]): Candidate {
  return { note: { id } as CandidateRow, sources: new Set(sources) };
}

const candidates = Array.from({ length: 30 }, (_, i) =>
  candidate(`n${i}`, i % 2 ? 'following' : 'trending', ...(i % 3 ? [] : ['fresh' as const])),
);
const scores = Float32Array.from(candidates, (_, i) => i / 10);

describe('RankedCache', () => {
  it('gives back what was not served since, with each one’s sources and score', () => {
    const cache = new RankedCache();
    cache.set('v', 'k', candidates, scores);
    const kept = cache.get('v', 'k', new Set(['n0', 'n3']), 5);
    expect(kept?.candidates.map((c) => c.note.id)).toEqual(
      candidates
        .slice(1)
        .filter((c) => c.note.id !== 'n3')
        .map((c) => c.note.id),
    );
    const original = new Map(candidates.map((c) => [c.note.id, c]));
    for (const c of kept?.candidates ?? []) expect(c.sources).toEqual(original.get(c.note.id)?.sources);
    expect(kept?.candidates[4]?.sources).toEqual(new Set(['trending', 'fresh']));
    // Every source keeps its name, the last one added too.
    cache.set('w', 'k', [candidate('x', 'tower', 'embedding', 'trending')], null);
    expect(cache.get('w', 'k', new Set(), 1)?.candidates[0]?.sources).toEqual(new Set(['tower', 'embedding', 'trending']));
    expect(Array.from(kept?.scores ?? [])).toEqual([1, 2, 4, 5].map((i) => Math.fround(i / 10)).concat(Array.from(scores.slice(6))));
  });

  it('keeps heuristic rankings, which have no scores', () => {
    const cache = new RankedCache();
    cache.set('v', 'k', candidates, null);
    expect(cache.get('v', 'k', new Set(), 5)).toMatchObject({ scores: null });
  });

  it('is ranked afresh for another key, is stale once half is served, and stops serving at three quarters or less than a page', () => {
    const cache = new RankedCache();
    cache.set('v', 'k', candidates, scores);
    expect(cache.get('v', 'other', new Set(), 5)).toBeUndefined();
    expect(cache.get('w', 'k', new Set(), 5)).toBeUndefined();
    const served = (n: number) => new Set(candidates.slice(0, n).map((c) => c.note.id));
    expect(cache.get('v', 'k', served(15), 5)?.stale).toBe(false);
    expect(cache.get('v', 'k', served(16), 5)?.stale).toBe(true);
    expect(cache.get('v', 'k', served(22), 5)?.stale).toBe(true);
    expect(cache.get('v', 'k', served(23), 5)).toBeUndefined();
    expect(cache.get('v', 'k', new Set(), 31)).toBeUndefined();
  });

  it('is stale once due to be ranked again, and serves until it expires', () => {
    const cache = new RankedCache();
    const ranked = cache.set('v', 'k', candidates, scores);
    expect(ranked.expiresAt).toBe(ranked.refreshAt + RANKED.staleMs);
    const now = jest.spyOn(Date, 'now');
    try {
      now.mockReturnValue(ranked.refreshAt);
      expect(cache.get('v', 'k', new Set(), 5)?.stale).toBe(true);
      cache.put('w', { ...ranked, refreshAt: ranked.refreshAt + 1 });
      expect(cache.get('w', 'k', new Set(), 5)?.stale).toBe(false);
      cache.put('x', { ...ranked, expiresAt: ranked.refreshAt });
      expect(cache.get('x', 'k', new Set(), 5)).toBeUndefined();
    } finally {
      now.mockRestore();
    }
  });
});
