import { ReadCache, spreadTtl } from '../../core/read-cache';

function counting(values: Record<string, string>) {
  const calls: string[][] = [];
  const load = async (missing: string[]) => {
    calls.push(missing);
    return new Map(missing.flatMap((k) => (values[k] === undefined ? [] : [[k, values[k] as string] as const])));
  };
  return { calls, load };
}

describe('ReadCache', () => {
  it('loads only what it lacks, once per key, and keeps the order asked for', async () => {
    const cache = new ReadCache<string>({ max: 100, ttlMs: 60_000 });
    const { calls, load } = counting({ a: 'A', b: 'B', c: 'C' });
    expect(await cache.getMany(['a', 'b'], load)).toEqual(['A', 'B']);
    expect(await cache.getMany(['c', 'a', 'c', 'b'], load)).toEqual(['C', 'A', 'C', 'B']);
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('does not remember keys the loader did not find', async () => {
    const cache = new ReadCache<string>({ max: 100, ttlMs: 60_000 });
    const values: Record<string, string> = {};
    const { calls, load } = counting(values);
    expect(await cache.getMany(['x'], load)).toEqual([undefined]);
    values.x = 'X';
    expect(await cache.getMany(['x'], load)).toEqual(['X']);
    expect(calls).toEqual([['x'], ['x']]);
  });

  it('reads again after forget, and drops a load that raced with a write', async () => {
    const cache = new ReadCache<string>({ max: 100, ttlMs: 60_000 });
    const values: Record<string, string> = { a: 'old' };
    const { calls, load } = counting(values);
    await cache.getMany(['a'], load);
    cache.forget('a');
    values.a = 'new';
    expect(await cache.getMany(['a'], load)).toEqual(['new']);

    cache.forget('a');
    let release: () => void = () => undefined;
    const slow = cache.getMany(['a'], async (missing) => {
      await new Promise<void>((r) => (release = r));
      return new Map(missing.map((k) => [k, 'read before the write'] as const));
    });
    cache.forget('a');
    release();
    expect(await slow).toEqual(['read before the write']);
    expect(await cache.getMany(['a'], load)).toEqual(['new']);
    expect(calls).toHaveLength(3);
  });

  it('caches nothing when the TTL is 0', async () => {
    const cache = new ReadCache<string>({ max: 100, ttlMs: 0 });
    const { calls, load } = counting({ a: 'A' });
    await cache.getMany(['a'], load);
    await cache.getMany(['a'], load);
    expect(calls).toEqual([['a'], ['a']]);
  });
});

describe('spreadTtl', () => {
  it('draws between half the TTL and all of it', () => {
    const drawn = Array.from({ length: 1000 }, () => spreadTtl(10_000));
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(5_000);
    expect(Math.max(...drawn)).toBeLessThanOrEqual(10_000);
    expect(new Set(drawn).size).toBeGreaterThan(100);
  });
});
