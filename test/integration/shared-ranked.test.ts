import { randomUUID } from 'node:crypto';
import { readTestEnv } from '../../core/config';
import { createRedisClient, type Redis } from '../../core/redis';
import type { CandidateRow } from '../../models/repositories/notes.repository';
import type { Candidate } from '../../recommender/recall/source';
import { RankedLists, type Ranking } from '../../recommender/serving/ranked-lists';
import { SharedRankedLists } from '../../recommender/serving/shared-ranked';
import { eventually } from '../support/eventually';

let redis: Redis;
beforeAll(() => {
  redis = createRedisClient(readTestEnv().redisUrl, { keyPrefix: `test:shared-ranked:${randomUUID()}:` });
});
afterAll(() => redis.disconnect());

const row = () => ({ id: randomUUID() }) as CandidateRow;
const notes = Array.from({ length: 40 }, row);
const candidates: Candidate[] = notes.map((note, i) => ({ note, sources: new Set(i % 2 ? ['trending'] : ['tower', 'fresh']) }));
const scores = Float32Array.from(notes, (_, i) => 1 - i / 100);
const ids = (page: { candidates: Candidate[] } | undefined) => page?.candidates.map((c) => c.note.id);

/** An API process's lists: its own memory, the shared Redis, and a row cache that knows `known` notes. */
function apiProcess(known: CandidateRow[] = notes) {
  const rows = new Map(known.map((n) => [n.id, n]));
  const reads: string[][] = [];
  const lists = new RankedLists(
    new SharedRankedLists(redis),
    async (wanted) => {
      reads.push([...wanted]);
      return wanted.map((id) => rows.get(id));
    },
    null,
  );
  return { lists, reads };
}

/** A ranking that counts how often it ran. */
function ranker(ranking: Ranking = { candidates, scores, keep: true }) {
  const ranker = { runs: 0, rank: async () => ((ranker.runs += 1), ranking) };
  return ranker;
}

describe('ranked lists shared between API processes', () => {
  it('serves a viewer in a second process from the list the first ranked, with its sources and scores', async () => {
    const viewer = randomUUID();
    const first = ranker();
    await apiProcess().lists.serve(viewer, 'v1', new Set(), 10, first.rank);
    const other = apiProcess();
    const second = ranker();
    const kept = await other.lists.serve(viewer, 'v1', new Set([notes[0]?.id ?? '']), 10, second.rank);
    expect(ids(kept)).toEqual(notes.slice(1).map((n) => n.id));
    expect(kept.candidates[0]?.sources).toEqual(new Set(['trending']));
    expect(kept.candidates[1]?.sources).toEqual(new Set(['tower', 'fresh']));
    expect(Array.from(kept.scores ?? [])).toEqual(Array.from(scores.slice(1)));
    // Kept in the second process from then on: Redis is read once, and nothing was ranked there.
    await other.lists.serve(viewer, 'v1', new Set(), 10, second.rank);
    expect(other.reads).toHaveLength(1);
    expect([first.runs, second.runs]).toEqual([1, 0]);
  });

  it('is ranked afresh for another version, and drops notes that are no longer candidates', async () => {
    const viewer = randomUUID();
    await apiProcess().lists.serve(viewer, 'v1', new Set(), 10, ranker().rank);
    const withoutFirst = await apiProcess(notes.slice(1)).lists.serve(viewer, 'v1', new Set(), 10, ranker().rank);
    expect(ids(withoutFirst)).toEqual(notes.slice(1).map((n) => n.id));
    expect(withoutFirst.scores?.[0]).toBe(scores[1]);
    const otherVersion = ranker();
    await apiProcess().lists.serve(viewer, 'v2', new Set(), 10, otherVersion.rank);
    expect(otherVersion.runs).toBe(1);
  });

  it('keeps no list a ranking says not to keep', async () => {
    const viewer = randomUUID();
    const unscored = ranker({ candidates, scores: null, keep: false });
    const { lists } = apiProcess();
    await lists.serve(viewer, 'v1', new Set(), 10, unscored.rank);
    await lists.serve(viewer, 'v1', new Set(), 10, unscored.rank);
    expect(unscored.runs).toBe(2);
  });

  it('serves a list more than half served while it is ranked again in the background, once', async () => {
    const viewer = randomUUID();
    const { lists } = apiProcess([...notes, ...fresher]);
    await lists.serve(viewer, 'v1', new Set(), 10, ranker().rank);
    const served = new Set(notes.slice(0, 25).map((n) => n.id));
    const again = ranker({ candidates: fresher.map((note) => ({ note, sources: new Set(['fresh']) })), scores: null, keep: true });
    const stale = await Promise.all([1, 2, 3].map(() => lists.serve(viewer, 'v1', served, 10, again.rank)));
    for (const page of stale) expect(ids(page)).toEqual(notes.slice(25).map((n) => n.id));
    await eventually(async () => ids(await lists.serve(viewer, 'v1', served, 10, again.rank))?.[0] === fresher[0]?.id);
    expect(again.runs).toBe(1);
  });

  it('takes the fresher list another process ranked instead of ranking its own', async () => {
    const viewer = randomUUID();
    const first = apiProcess([...notes, ...fresher]);
    await first.lists.serve(viewer, 'v1', new Set(), 10, ranker().rank);
    // More than three quarters served: no longer served, even stale.
    const served = new Set(notes.slice(0, 31).map((n) => n.id));
    const reranked = ranker({ candidates: fresher.map((note) => ({ note, sources: new Set(['fresh']) })), scores: null, keep: true });
    // The other process found the shared list used up and ranked it again.
    await apiProcess([...notes, ...fresher]).lists.serve(viewer, 'v1', served, 10, reranked.rank);
    const mine = ranker();
    expect(ids(await first.lists.serve(viewer, 'v1', served, 10, mine.rank))).toEqual(fresher.map((n) => n.id));
    expect([reranked.runs, mine.runs]).toEqual([1, 0]);
  });

  it('turns a stored list down by its header, before its candidates are read', async () => {
    const viewer = randomUUID();
    await apiProcess().lists.serve(viewer, 'v1', new Set(), 10, ranker().rank);
    const shared = new SharedRankedLists(redis);
    const headers: string[] = [];
    const refused = await shared.load(viewer, (header) => (headers.push(header.key), false));
    expect([refused, headers]).toEqual([null, ['v1']]);
    expect((await shared.load(viewer, (header) => header.key === 'v1'))?.ids).toEqual(notes.map((n) => n.id));
  });

  it('ranks in each process when Redis is unreachable', async () => {
    const down = createRedisClient('redis://127.0.0.1:1', { keyPrefix: 'down:' });
    down.on('error', () => undefined);
    const lists = new RankedLists(new SharedRankedLists(down), async (wanted) => wanted.map(() => undefined), null);
    try {
      const rank = ranker();
      await lists.serve('viewer', 'v1', new Set(), 10, rank.rank);
      expect(ids(await lists.serve('viewer', 'v1', new Set(), 10, rank.rank))).toHaveLength(40);
      expect(rank.runs).toBe(1);
    } finally {
      down.disconnect();
    }
  });
});

const fresher = Array.from({ length: 25 }, row);
