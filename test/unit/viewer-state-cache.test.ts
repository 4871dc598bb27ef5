import { ViewerStateCache } from '../../recommender/serving/viewer-state-cache';

describe('ViewerStateCache', () => {
  it('reads once per viewer version and again when the version changes', async () => {
    const cache = new ViewerStateCache<number>({ max: 10, ttlMs: 60_000 });
    let reads = 0;
    const load = () => Promise.resolve((reads += 1));
    expect(await cache.get('v1', '0', load)).toBe(1);
    expect(await cache.get('v1', '0', load)).toBe(1);
    expect(await cache.get('v1', '1', load)).toBe(2);
    expect(await cache.get('v2', '1', load)).toBe(3);
    expect(reads).toBe(3);
  });

  it('does not remember a failed read', async () => {
    const cache = new ViewerStateCache<number>({ max: 10, ttlMs: 60_000 });
    await expect(cache.get('v', '0', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.get('v', '0', () => Promise.resolve(7))).toBe(7);
  });
});
