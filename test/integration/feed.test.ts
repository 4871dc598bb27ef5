import { startTestApp, type TestApp } from '../support/harness';
import { createNote, createProduct, errorCode, signUp, type Account } from '../support/factories';
import { TrendingService } from '../../recommender/trending.service';
import { randomUUID } from 'node:crypto';
import { EventsRepository } from '../../models/repositories/events.repository';
import { NotesRepository } from '../../models/repositories/notes.repository';
import { SHARED_RECALL_TTL_MS } from '../../recommender/serving/freshness';
import { decodeSessionCursor } from '../../recommender/serving/session-cursor';
import { SharedRecall } from '../../recommender/serving/shared-recall';

const FEED = `query($kind: FeedKind, $first: Int, $after: String) {
  feed(kind: $kind, first: $first, after: $after) {
    edges { cursor node { id title reason viewerHasLiked viewerHasCollected likeCount
      author { id handle viewerIsFollowing } media { url width height }
      productTags { product { id title price { formatted } brand { name } } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Edge = { node: { id: string; author: { id: string }; reason: string | null } };

let app: TestApp;
let creators: Account[];
let brand: Account;
let viewer: Account;

beforeAll(async () => {
  app = await startTestApp();
  brand = await signUp(app, 'BRAND');
  const product = await createProduct(app, brand);
  creators = await Promise.all(Array.from({ length: 6 }, () => signUp(app, 'CREATOR')));
  viewer = await signUp(app, 'VIEWER', { interests: ['food'] });
  for (let i = 0; i < 60; i += 1) {
    const author = creators[i % creators.length] as Account;
    await createNote(app, author, {
      title: i % 2 ? `火锅探店 hotpot ${i}` : `口红试色 lipstick ${i}`,
      topics: [i % 2 ? 'food' : 'beauty'],
      productTags: i % 3 === 0 ? [{ productId: product }] : [],
    });
  }
  await new TrendingService(new NotesRepository(app.database.db)).refresh();
});
afterAll(() => app.close());

async function scroll(token: string | undefined, pages: number, first = 10): Promise<string[][]> {
  const result: string[][] = [];
  let after: string | null = null;
  for (let i = 0; i < pages; i += 1) {
    const res = await app.gql(FEED, { first, after }, token);
    const conn = res.body.data?.feed;
    result.push(conn.edges.map((e: Edge) => e.node.id));
    after = conn.pageInfo.endCursor;
    if (!conn.pageInfo.hasNextPage) break;
  }
  return result;
}

describe('For-You feed', () => {
  it('never repeats a note within one scroll session and serves every note eventually', async () => {
    const pages = await scroll(viewer.token, 10);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(60);
  });

  it('replays a page when the same cursor is asked twice', async () => {
    const first = await app.gql(FEED, { first: 5 }, viewer.token);
    const cursor = first.body.data?.feed.pageInfo.endCursor;
    const a = await app.gql(FEED, { first: 5, after: cursor }, viewer.token);
    const b = await app.gql(FEED, { first: 5, after: cursor }, viewer.token);
    expect(b.body.data?.feed.edges.map((e: Edge) => e.node.id)).toEqual(a.body.data?.feed.edges.map((e: Edge) => e.node.id));
  });

  it('refuses another viewer’s session cursor and garbage cursors', async () => {
    const mine = await app.gql(FEED, { first: 5 }, viewer.token);
    const cursor = mine.body.data?.feed.pageInfo.endCursor;
    expect(errorCode(await app.gql(FEED, { first: 5, after: cursor }, creators[0]?.token))).toBe('BAD_CURSOR');
    expect(errorCode(await app.gql(FEED, { first: 5, after: 'bm9wZQ' }, viewer.token))).toBe('BAD_CURSOR');
  });

  it('goes on scrolling when Redis has lost the session, without repeating what the viewer was just served', async () => {
    const reader = await signUp(app, 'VIEWER');
    const first = await app.gql(FEED, { first: 10 }, reader.token);
    const cursor = first.body.data?.feed.pageInfo.endCursor;
    const { sessionId } = decodeSessionCursor(cursor);
    expect(await app.redis.del(`feed:${sessionId}:owner`, `feed:${sessionId}:served`, `feed:${sessionId}:page:0`)).toBe(3);

    const next = await app.gql(FEED, { first: 10, after: cursor }, reader.token);
    const seen = new Set(first.body.data?.feed.edges.map((e: Edge) => e.node.id));
    const ids: string[] = next.body.data?.feed.edges.map((e: Edge) => e.node.id);
    expect(ids).toHaveLength(10);
    expect(ids.filter((id) => seen.has(id))).toEqual([]);
    // The session is the reader's again: nobody else can continue it.
    const after = next.body.data?.feed.pageInfo.endCursor;
    expect(errorCode(await app.gql(FEED, { first: 10, after }, viewer.token))).toBe('BAD_CURSOR');
  });

  it('puts the viewer’s interests first and says why', async () => {
    const [page] = await scroll(viewer.token, 1, 10);
    const res = await app.gql(`query($id: ID!) { note(id: $id) { topics } }`, { id: page?.[0] });
    expect(res.body.data?.note.topics).toContain('food');
    const reasons = (await app.gql(FEED, { first: 3 }, viewer.token)).body.data?.feed.edges.map((e: Edge) => e.node.reason);
    for (const reason of reasons) expect(reason).toMatch(/trending|interests|fresh|following/);
  });

  it('never shows hidden creators, hidden notes or the viewer’s own notes', async () => {
    const picky = await signUp(app, 'CREATOR');
    const own = await createNote(app, picky, { title: 'my own note' });
    const hiddenCreator = creators[0] as Account;
    await app.gql(`mutation($id: ID!) { hideCreator(userId: $id) }`, { id: hiddenCreator.id }, picky.token);
    const firstPage = await app.gql(FEED, { first: 5 }, picky.token);
    const hiddenNote = firstPage.body.data?.feed.edges.find((e: Edge) => e.node.author.id !== hiddenCreator.id)?.node.id;
    await app.gql(`mutation($id: ID!) { hideNote(noteId: $id, reason: "not for me") }`, { id: hiddenNote }, picky.token);
    const ids = (await scroll(picky.token, 10)).flat();
    expect(ids).not.toContain(own);
    expect(ids).not.toContain(hiddenNote);
    const byHidden = await app.gql(`query($id: ID!) { notesByUser(userId: $id, first: 50) { edges { node { id } } } }`, {
      id: hiddenCreator.id,
    });
    for (const edge of byHidden.body.data?.notesByUser.edges ?? []) expect(ids).not.toContain(edge.node.id);
  });

  it('never serves a note the viewer read in the last 30 days, in any session; an older read may return', async () => {
    const reader = await signUp(app, 'VIEWER');
    const world = (await scroll(undefined, 10, 20)).flat();
    const [old, ...recentlyRead] = world.slice(0, 5) as [string, ...string[]];
    const events = new EventsRepository(app.database.db);
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);
    const read = (noteId: string, days: number) => ({
      eventId: randomUUID(),
      type: 'view' as const,
      userId: reader.id,
      noteId,
      occurredAt: daysAgo(days),
    });
    for (const days of [40, 29, 10]) await events.ensurePartition(daysAgo(days));
    await events.append([read(old, 40), read(recentlyRead[0] as string, 29), ...recentlyRead.slice(1).map((id) => read(id, 10))]);

    for (let session = 0; session < 2; session += 1) {
      const ids = (await scroll(reader.token, 20, 10)).flat();
      expect(ids.filter((id) => recentlyRead.includes(id))).toEqual([]);
      if (session === 0) expect(ids).toContain(old);
    }
  });

  it('serves anonymous viewers too, keeping a first page in its cursor rather than in Redis', async () => {
    const sessionKeys = () => app.redis.keys(`test:${app.config.REDIS_PREFIX.slice('test-'.length)}:feed:*`);
    const before = (await sessionKeys()).length;
    const first = await app.gql(FEED, { first: 10 });
    expect(await sessionKeys()).toHaveLength(before);

    const cursor = first.body.data?.feed.pageInfo.endCursor;
    const second = await app.gql(FEED, { first: 10, after: cursor });
    const third = await app.gql(FEED, { first: 10, after: second.body.data?.feed.pageInfo.endCursor });
    const ids = [first, second, third].flatMap((res) => res.body.data?.feed.edges.map((e: Edge) => e.node.id));
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    const again = await app.gql(FEED, { first: 10, after: cursor });
    const idsOf = (res: typeof again) => res.body.data?.feed.edges.map((e: Edge) => e.node.id);
    expect(idsOf(again)).toEqual(idsOf(second));
    // A first page's cursor is anonymous: a signed-in viewer cannot take the session over.
    expect(errorCode(await app.gql(FEED, { first: 10, after: cursor }, viewer.token))).toBe('BAD_CURSOR');
  });

  it('costs the same bounded number of SQL queries for 5 or 20 notes with authors, products and viewer state', async () => {
    // The first page in a process also fills the shared candidate pools; measure steady state.
    await app.gql(FEED, { first: 5 }, viewer.token);
    const five = await app.gql(FEED, { first: 5 }, viewer.token);
    const twenty = await app.gql(FEED, { first: 20 }, viewer.token);
    expect(twenty.body.data?.feed.edges).toHaveLength(20);
    expect(twenty.sqlQueries).toBeLessThanOrEqual(16);
    expect(twenty.sqlQueries).toBe(five.sqlQueries);
  });
});

describe('Following and Trending feeds', () => {
  it('shows the newest notes of followed creators only, and needs sign-in', async () => {
    const fan = await signUp(app);
    const followed = creators[1] as Account;
    await app.gql(`mutation($id: ID!) { follow(userId: $id) { id } }`, { id: followed.id }, fan.token);
    const res = await app.gql(FEED, { kind: 'FOLLOWING', first: 50 }, fan.token);
    const edges: Edge[] = res.body.data?.feed.edges;
    expect(edges).toHaveLength(10);
    expect(new Set(edges.map((e) => e.node.author.id))).toEqual(new Set([followed.id]));
    expect(errorCode(await app.gql(FEED, { kind: 'FOLLOWING' }))).toBe('UNAUTHENTICATED');
  });

  it('orders trending by engagement and pages without repeats', async () => {
    const fans = await Promise.all(Array.from({ length: 3 }, () => signUp(app)));
    const target = (await app.gql(FEED, { kind: 'TRENDING', first: 50 })).body.data?.feed.edges.at(-1).node.id;
    for (const fan of fans) await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id: target }, fan.token);
    await new TrendingService(new NotesRepository(app.database.db)).refresh();
    const first = await app.gql(FEED, { kind: 'TRENDING', first: 30 });
    expect(first.body.data?.feed.edges[0].node.id).toBe(target);
    const second = await app.gql(FEED, { kind: 'TRENDING', first: 50, after: first.body.data?.feed.pageInfo.endCursor });
    const all = [...first.body.data?.feed.edges, ...second.body.data?.feed.edges].map((e: Edge) => e.node.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(60);
  });
});

describe('search', () => {
  const SEARCH = `query($q: String!, $first: Int, $after: String) { search(query: $q, first: $first, after: $after) {
    edges { node { __typename ... on Note { id title } ... on Product { id title } } } pageInfo { hasNextPage endCursor } } }`;

  it('finds Chinese and English by words, and a single Chinese character, across notes and products', async () => {
    const hotpot = await app.gql(SEARCH, { q: '火锅', first: 50 });
    const titles = hotpot.body.data?.search.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(titles).toHaveLength(30);
    for (const t of titles) expect(t).toContain('火锅');
    const lipstick = await app.gql(SEARCH, { q: 'LIPSTICK', first: 50 });
    const kinds = new Set(lipstick.body.data?.search.edges.map((e: { node: { __typename: string } }) => e.node.__typename));
    expect(kinds).toEqual(new Set(['Note', 'Product']));
    const single = await app.gql(SEARCH, { q: '锅', first: 5 });
    expect(single.body.data?.search.edges).toHaveLength(5);
  });

  it('pages through results and treats SQL-looking text as text', async () => {
    const first = await app.gql(SEARCH, { q: '口红', first: 20 });
    const second = await app.gql(SEARCH, { q: '口红', first: 20, after: first.body.data?.search.pageInfo.endCursor });
    const ids = [...first.body.data?.search.edges, ...second.body.data?.search.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    const hostile = await app.gql(SEARCH, { q: "'; DROP TABLE notes; -- & | !" });
    expect(hostile.body.errors).toBeUndefined();
    // Matched as the words drop, table and notes, any of which may find something.
    for (const e of hostile.body.data?.search.edges ?? []) expect(e.node.title).toMatch(/drop|table|note/i);
    expect(errorCode(await app.gql(SEARCH, { q: '   ' }))).toBe('BAD_USER_INPUT');
  });
});

describe('shared candidate pools', () => {
  it('reuse one read within the TTL, refresh in the background, drop served notes, and fall back to the database once a pool is used up', async () => {
    let clock = 0;
    const shared = new SharedRecall(new NotesRepository(app.database.db), () => clock);
    const first = await shared.candidates({ kind: 'fresh' }, 5, new Set());
    expect(first).toHaveLength(5);

    // A quota of 5 pools the 20 freshest notes; a session served all of them needs the database.
    const pool = await new NotesRepository(app.database.db).recallFresh(20, []);
    const servedAll = new Set(pool.map((n) => n.id));
    const fallback = await shared.candidates({ kind: 'fresh' }, 5, servedAll);
    expect(fallback).toHaveLength(5);
    for (const row of fallback) expect(servedAll.has(row.id)).toBe(false);

    const newcomer = await createNote(app, creators[2] as Account, { title: 'brand new' });
    expect((await shared.candidates({ kind: 'fresh' }, 5, new Set())).map((n) => n.id)).not.toContain(newcomer);
    clock += SHARED_RECALL_TTL_MS + 1;
    // Past its TTL the old pool still answers at once while one background read replaces it.
    expect((await shared.candidates({ kind: 'fresh' }, 5, new Set())).map((n) => n.id)).not.toContain(newcomer);
    await shared.settled();
    expect((await shared.candidates({ kind: 'fresh' }, 5, new Set())).map((n) => n.id)).toContain(newcomer);
  });
});

// Last: it removes one of the notes the tests above count.
describe('cached feed cards', () => {
  it('shows changes made through this API at once, although feed cards are cached', async () => {
    const first = await app.gql(FEED, { first: 5 }, viewer.token);
    const cursor = first.body.data?.feed.pageInfo.endCursor;
    const page = async () => (await app.gql(FEED, { first: 5, after: cursor }, viewer.token)).body.data?.feed.edges as Edge[];
    const before = await page();
    const liked = before[0] as Edge & { node: { likeCount: number } };
    const removed = before[1] as Edge;
    await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id: liked.node.id }, viewer.token);
    const author = creators.find((c) => c.id === removed.node.author.id) as Account;
    await app.gql(`mutation($id: ID!) { deleteNote(id: $id) { deletedId } }`, { id: removed.node.id }, author.token);

    const after = (await page()) as (Edge & { node: { likeCount: number; viewerHasLiked: boolean } })[];
    expect(after.find((e) => e.node.id === liked.node.id)?.node).toMatchObject({
      likeCount: liked.node.likeCount + 1,
      viewerHasLiked: true,
    });
    expect(after.map((e) => e.node.id)).not.toContain(removed.node.id);
    const fresh = (await scroll(viewer.token, 10)).flat();
    expect(fresh).not.toContain(removed.node.id);
  });
});
