import { compareModels, perUserNdcg } from '../../recommender/offline/promotion';

/** Per-viewer scores for `n` viewers drawn around `mean`. */
function viewers(n: number, mean: number, spread = 0.1): Map<string, number> {
  return new Map(Array.from({ length: n }, (_, i) => [`v${i}`, mean + spread * Math.sin(i * 12.9898)]));
}

describe('promotion on per-viewer NDCG', () => {
  it('ranks each viewer’s holdout notes by score, leaving out viewers with nothing to tell apart', () => {
    const users = ['a', 'a', 'a', 'b', 'b', 'c'];
    const positive = [false, true, false, true, true, false];
    const ndcg = perUserNdcg(users, positive, [0.9, 0.8, 0.1, 0.5, 0.4, 0.3]);
    expect([...ndcg.keys()]).toEqual(['a']);
    expect(ndcg.get('a')).toBeCloseTo(1 / Math.log2(3));
    expect(perUserNdcg(users, positive, [0.1, 0.8, 0.2, 0, 0, 0]).get('a')).toBe(1);
  });

  it('refuses a model that is worse per viewer, and says by how much', () => {
    const serving = viewers(300, 0.6);
    const worse = new Map([...serving].map(([user, ndcg]) => [user, ndcg - 0.05]));
    const comparison = compareModels(worse, serving);
    expect(comparison.promoted).toBe(false);
    expect(comparison.difference?.mean).toBeCloseTo(-0.05);
    expect(comparison.difference?.high).toBeLessThan(0);
  });

  it('promotes a better model, one as good within noise, and the first model', () => {
    const serving = viewers(300, 0.6);
    const better = new Map([...serving].map(([user, ndcg]) => [user, ndcg + 0.02]));
    expect(compareModels(better, serving).promoted).toBe(true);
    const noisy = new Map([...serving].map(([user, ndcg], i) => [user, ndcg + (i % 2 === 0 ? 0.05 : -0.05)]));
    const comparison = compareModels(noisy, serving);
    expect(comparison.promoted).toBe(true);
    expect(comparison.difference!.low).toBeLessThan(0);
    expect(comparison.difference!.high).toBeGreaterThan(0);
    expect(compareModels(serving, null)).toMatchObject({ promoted: true, serving: null, difference: null });
  });
});
