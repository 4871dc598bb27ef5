import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { itemKnnRecommender, popularityRecommender, userHistories } from '../../recommender/offline/baselines';
import { temporalHoldout } from '../../recommender/offline/holdout';
import {
  movieLensInteractions,
  readInteractions,
  readUserList,
  writeRecommendations,
  type EventName,
  type Interaction,
} from '../../events/interactions-csv';
import { evaluateRankings, ndcgAtK, recallAtK } from '../../recommender/offline/metrics';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offline-eval-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
async function file(text: string): Promise<string> {
  const path = join(dir, `f${files++}.csv`);
  await writeFile(path, text);
  return path;
}

const at = (user: string, item: string, ts: number, event: EventName = 'view'): Interaction => ({ user, item, event, ts, value: null });
const ids = (recs: { item: string }[]): string[] => recs.map((r) => r.item);

describe('interaction log CSV', () => {
  it('reads columns by name in any order, quoted fields, CRLF and blank lines, without a value column', async () => {
    const path = await file('ts,event,item,user\r\n\r\n1700000000,view,"a,1",u1\r\n1700000000.5 , like , "say ""hi""" ,  u 2 \r\n');
    expect(await readInteractions(path)).toEqual([
      { user: 'u1', item: 'a,1', event: 'view', ts: 1700000000, value: null },
      { user: 'u 2', item: 'say "hi"', event: 'like', ts: 1700000000.5, value: null },
    ]);
  });

  it('reads an optional value column, empty meaning null', async () => {
    const path = await file('user,item,event,ts,value\nu1,i1,purchase,10,19.9\nu1,i2,view,11,\n');
    expect((await readInteractions(path)).map((x) => x.value)).toEqual([19.9, null]);
  });

  it.each([
    ['a wrong column count', 'u1,i1,view', 'expected 4 columns, found 3'],
    ['an unknown event', 'u1,i1,poke,1', 'unknown event "poke"'],
    ['a non-finite ts', 'u1,i1,view,soon', 'ts is not a finite number'],
    ['an empty user', ',i1,view,1', 'empty user'],
    ['an empty item', 'u1,"",view,1', 'empty item'],
    ['an unterminated quote', 'u1,"i1,view,1', 'unterminated quoted field'],
  ])('rejects %s naming the file and line', async (_case, row, message) => {
    const path = await file(`user,item,event,ts\n\nu0,i0,view,1\n${row}\n`);
    await expect(readInteractions(path)).rejects.toThrow(`${path}:4: ${message}`);
  });

  it.each([
    ['a missing column', 'user,item,ts', 'header lacks column(s) event'],
    ['an unknown column', 'user,item,event,ts,weight', 'unexpected column "weight"'],
    ['a repeated column', 'user,item,event,ts,user', 'column "user" appears twice'],
  ])('rejects a header with %s', async (_case, header, message) => {
    const path = await file(`${header}\nu1,i1,view,1\n`);
    await expect(readInteractions(path)).rejects.toThrow(`${path}:1: ${message}`);
  });

  it('rejects a file without a header', async () => {
    const path = await file('\n\n');
    await expect(readInteractions(path)).rejects.toThrow(`${path}: no header line`);
  });

  it('reads a user list: optional header, blanks, duplicates, quoted ids', async () => {
    const path = await file('user\r\nu2\n\n u1 \nu2\n"a,b"\n');
    expect(await readUserList(path)).toEqual(['u2', 'u1', 'a,b']);
    expect(await readUserList(await file('u1\nuser\n'))).toEqual(['u1', 'user']);
  });

  it('writes recommendations, quoting what needs it and rounding scores to 6 significant digits', async () => {
    const path = join(dir, 'recs.csv');
    await writeRecommendations(path, [
      { user: 'u1', item: 'a,b', rank: 1, score: 0.123456789 },
      { user: 'say "hi"', item: ' x', rank: 2, score: 2 },
      { user: 'u3', item: 'line\nbreak', rank: 3, score: 1234567.8 },
    ]);
    expect(await readFile(path, 'utf8')).toBe(
      'user,item,rank,score\nu1,"a,b",1,0.123457\n"say ""hi"""," x",2,2\nu3,"line\nbreak",3,1234570\n',
    );
  });

  it('converts MovieLens ratings into views, plus a like from 4 stars', async () => {
    const path = await file('userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,4.0,1260759179\n');
    expect(await movieLensInteractions(path)).toEqual([
      { user: '1', item: '31', event: 'view', ts: 1260759144, value: null },
      { user: '1', item: '1029', event: 'view', ts: 1260759179, value: null },
      { user: '1', item: '1029', event: 'like', ts: 1260759179, value: null },
    ]);
  });
});

describe('temporal holdout', () => {
  it('keeps a single-item user in train and holds out the later of two items with all its events', () => {
    const log = [at('solo', 'x', 5), at('u', 'early', 1), at('u', 'late', 2), at('u', 'late', 9, 'like'), at('u', 'early', 10, 'like')];
    const { train, test } = temporalHoldout(log);
    expect(test).toEqual([log[2], log[3]]);
    expect(train).toEqual([log[0], log[1], log[4]]);
  });

  it('orders items by first interaction, breaks ties by item id, and holds out floor(n × fraction)', () => {
    const log = [
      at('u', 'j', 1),
      at('u', 'b', 3),
      at('u', 'a', 3),
      at('u', 'j', 99),
      ...'cdefghi'.split('').map((item) => at('u', item, 2)),
    ];
    expect(new Set(temporalHoldout(log).test.map((x) => x.item))).toEqual(new Set(['a', 'b']));
    expect(new Set(temporalHoldout(log, 0.3).test.map((x) => x.item))).toEqual(new Set(['a', 'b', 'i']));
  });

  it('refuses a fraction outside (0, 1)', () => {
    expect(() => temporalHoldout([], 1)).toThrow(RangeError);
    expect(() => temporalHoldout([], 0)).toThrow(RangeError);
  });
});

describe('metrics', () => {
  const relevant = new Set(['a', 'b', 'c']);

  it('computes capped recall', () => {
    expect(recallAtK(['a', 'x', 'b'], relevant, 3)).toBeCloseTo(2 / 3);
    expect(recallAtK(['x', 'a'], relevant, 2)).toBeCloseTo(1 / 2);
    expect(recallAtK(['a', 'a', 'x'], relevant, 2)).toBeCloseTo(1 / 2);
    expect(recallAtK(['a'], new Set(), 5)).toBe(0);
  });

  it('computes binary NDCG with a log2 discount', () => {
    expect(ndcgAtK(['a', 'b'], relevant, 2)).toBeCloseTo(1);
    expect(ndcgAtK(['x', 'a', 'y', 'b'], relevant, 4)).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3) + 1 / 2));
    expect(ndcgAtK(['x', 'a'], new Set(['a']), 2)).toBeCloseTo(1 / Math.log2(3));
  });

  it('averages over users with relevant items, counting a missing ranking as zero', () => {
    const result = evaluateRankings(
      new Map([
        ['hit', ['a']],
        ['idle', ['a']],
      ]),
      new Map([
        ['hit', new Set(['a'])],
        ['missing', new Set(['a'])],
        ['idle', new Set<string>()],
      ]),
      10,
    );
    expect(result).toEqual({ users: 2, recall: 0.5, ndcg: 0.5 });
  });
});

describe('baselines', () => {
  // u1 and u2 share a and b, u3 has a and c, u4 only d, u5 only a; impressions and hides are not interest.
  const world = [
    at('u1', 'a', 1),
    at('u1', 'a', 2, 'like'),
    at('u1', 'b', 3, 'purchase'),
    at('u2', 'a', 1),
    at('u2', 'b', 2),
    at('u3', 'a', 1),
    at('u3', 'c', 2),
    at('u4', 'd', 1),
    at('u5', 'a', 1),
    at('u5', 'e', 2, 'impression'),
    at('u4', 'e', 3, 'hide'),
  ];

  it('ranks by distinct interested users, ties by id, skipping excluded items', () => {
    const popularity = popularityRecommender(world);
    expect(popularity.recommend('anyone', 10, new Set())).toEqual([
      { item: 'a', score: 4 },
      { item: 'b', score: 2 },
      { item: 'c', score: 1 },
      { item: 'd', score: 1 },
    ]);
    expect(ids(popularity.recommend('anyone', 2, new Set(['a'])))).toEqual(['b', 'c']);
    expect(ids(popularityRecommender(world, { view: 0, purchase: 5 }).recommend('anyone', 2, new Set()))).toEqual(['b', 'a']);
  });

  it('lists every item a user touched, impressions included', () => {
    expect(userHistories(world).get('u5')).toEqual(new Set(['a', 'e']));
  });

  it('recommends co-liked items by shrunk cosine similarity', () => {
    expect(itemKnnRecommender(world, { shrink: 0 }).recommend('u5', 2, new Set(['a']))).toEqual([
      { item: 'b', score: expect.closeTo(2 / Math.sqrt(4 * 2)) },
      { item: 'c', score: expect.closeTo(1 / Math.sqrt(4 * 1)) },
    ]);
    expect(itemKnnRecommender(world, { shrink: 10 }).recommend('u5', 1, new Set())[0]).toEqual({
      item: 'b',
      score: expect.closeTo(2 / (Math.sqrt(8) + 10)),
    });
  });

  it('tops up from popularity, falls back to it for strangers, and never returns an excluded item', () => {
    const knn = itemKnnRecommender(world, { neighbours: 1 });
    expect(knn.recommend('u5', 3, new Set(['a']))).toEqual([
      { item: 'b', score: expect.any(Number) },
      { item: 'c', score: 0 },
      { item: 'd', score: 0 },
    ]);
    expect(ids(knn.recommend('stranger', 3, new Set(['b'])))).toEqual(['a', 'c', 'd']);
    expect(knn.recommend('u5', 10, new Set(['a', 'b', 'c', 'd']))).toEqual([]);
  });

  it('stays deterministic and honours exclusions on a random world', () => {
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 16807) % 2147483647) % n;
    const log = Array.from({ length: 2000 }, (_, t) => at(`u${random(60)}`, `i${random(40)}`, t));
    const knn = itemKnnRecommender(log, { neighbours: 5 });
    const again = itemKnnRecommender([...log].reverse(), { neighbours: 5 });
    for (const [user, seen] of userHistories(log)) {
      const recs = knn.recommend(user, 10, seen);
      expect(recs.filter(({ item }) => seen.has(item))).toEqual([]);
      expect(recs).toHaveLength(Math.min(10, 40 - seen.size));
      expect(again.recommend(user, 10, seen)).toEqual(recs);
    }
  });
});
