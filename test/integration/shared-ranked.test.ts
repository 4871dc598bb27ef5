import { randomUUID } from 'node:crypto';
import { readTestEnv } from '../../core/config';
import { createRedisClient, type Redis } from '../../core/redis';
import type { CandidateRow } from '../../models/repositories/notes.repository';
import type { Candidate } from '../../recommender/recall/source';
import { RankedLists } from '../../recommender/serving/ranked-lists';
import { SharedRankedLists } from '../../recommender/serving/shared-ranked';

let redis: Redis;
beforeAll(() => {
  redis = createRedisClient(readTestEnv().redisUrl, { keyPrefix: `test:shared-ranked:${randomUUID()}:` });
});
afterAll(() => redis.disconnect());

const notes = Array.from({ length: 40 }, () => ({ id: randomUUID() }) as CandidateRow);
const candidates: Candidate[] = notes.map((note, i) => ({ note, sources: new Set(i % 2 ? ['trending'] : ['tower', 'fresh']) }));
const scores = Float32Array.from(notes, (_, i) => 1 - i / 100);

/** An API process's lists: its own memory, the shared Redis, and a row cache that knows `known` notes. */
function apiProcess(known = notes) {
  const rows = new Map(known.map((n) => [n.id, n]));
  const reads: string[][] = [];
  const lists = new RankedLists(
    new SharedRankedLists(redis),
    async (ids) => {
      reads.push([...ids]);
      return ids.map((id) => rows.get(id));
    },
    null,
  );
  return { lists, reads };
}

describe('ranked lists shared between API processes', () => {
  it('serves a viewer in a second process from the list the first ranked, with its sources and scores', async () => {
    const viewer = randomUUID();
    await apiProcess().lists.set(viewer, 'v1', candidates, scores);
    const other = apiProcess();
    const kept = await other.lists.get(viewer, 'v1', new Set([notes[0]?.id ?? '']), 10);
    expect(kept?.candidates.map((c) => c.note.id)).toEqual(notes.slice(1).map((n) => n.id));
    expect(kept?.candidates[0]?.sources).toEqual(new Set(['trending']));
    expect(kept?.candidates[1]?.sources).toEqual(new Set(['tower', 'fresh']));
    expect(Array.from(kept?.scores ?? [])).toEqual(Array.from(scores.slice(1)));
    // Kept in the second process from then on: Redis is read once.
    await other.lists.get(viewer, 'v1', new Set(), 10);
    expect(other.reads).toHaveLength(1);
  });

  it('is ranked afresh for another version, and drops notes that are no longer candidates', async () => {
    const viewer = randomUUID();
    await apiProcess().lists.set(viewer, 'v1', candidates, scores);
    expect(await apiProcess().lists.get(viewer, 'v2', new Set(), 10)).toBeUndefined();
    const withoutFirst = await apiProcess(notes.slice(1)).lists.get(viewer, 'v1', new Set(), 10);
    expect(withoutFirst?.candidates.map((c) => c.note.id)).toEqual(notes.slice(1).map((n) => n.id));
    expect(withoutFirst?.scores?.[0]).toBe(scores[1]);
  });

  it('takes the newer list another process ranked once its own is used up', async () => {
    const viewer = randomUUID();
    const newer = Array.from({ length: 25 }, () => ({ id: randomUUID() }) as CandidateRow);
    const first = apiProcess([...notes, ...newer]);
    await first.lists.set(viewer, 'v1', candidates, scores);
    const servedHalf = new Set(notes.slice(0, 25).map((n) => n.id));
    expect(await first.lists.get(viewer, 'v1', servedHalf, 10)).toBeUndefined();
    // Found used up, the same list in Redis is not read again as if it were new.
    expect(first.reads).toHaveLength(0);
    const reranked = [...newer, ...notes.slice(25)].map((note) => ({ note, sources: new Set(['fresh' as const]) }));
    await apiProcess([...notes, ...newer]).lists.set(viewer, 'v1', reranked, null);
    const kept = await first.lists.get(viewer, 'v1', servedHalf, 10);
    expect(kept?.candidates.map((c) => c.note.id)).toEqual(reranked.map((c) => c.note.id));
  });

  it('ranks in each process when Redis is unreachable', async () => {
    const down = createRedisClient('redis://127.0.0.1:1', { keyPrefix: 'down:' });
    down.on('error', () => undefined);
    const lists = new RankedLists(new SharedRankedLists(down), async (ids) => ids.map(() => undefined), null);
    try {
      await lists.set('viewer', 'v1', candidates, scores);
      expect((await lists.get('viewer', 'v1', new Set(), 10))?.candidates).toHaveLength(40);
      expect(await lists.get('someone else', 'v1', new Set(), 10)).toBeUndefined();
    } finally {
      down.disconnect();
    }
  });
});
