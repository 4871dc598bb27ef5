import { sql } from 'drizzle-orm';
import { rowsOf } from '../../core/db';
import { NotesRepository } from '../../models/repositories/notes.repository';
import { TrendingService } from '../../recommender/trending.service';
import { VIEWER_RECENT } from '../../recommender/serving/freshness';
import { createNote, createProduct, signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

const FEED = `query($first: Int, $after: String) {
  feed(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
}`;

const NOTES = 40;

let app: TestApp;
let creators: Account[];
let soldOutNote: string;
const everyNote: string[] = [];
let inStockNote: string;

beforeAll(async () => {
  app = await startTestApp({ FEED_HIDE_SOLD_OUT: '1' });
  const brand = await signUp(app, 'BRAND');
  const soldOut = await createProduct(app, brand, { stock: 0 });
  const inStock = await createProduct(app, brand, { stock: 5 });
  creators = await Promise.all(Array.from({ length: 4 }, () => signUp(app, 'CREATOR')));
  for (let i = 0; i < NOTES; i += 1) {
    everyNote.push(await createNote(app, creators[i % creators.length] as Account, { title: `note ${i}`, topics: ['food'] }));
  }
  soldOutNote = await createNote(app, creators[0] as Account, { title: 'sold out', productTags: [{ productId: soldOut }] });
  everyNote.push(soldOutNote);
  // Tagging one sold-out and one available product still sells something.
  inStockNote = await createNote(app, creators[1] as Account, {
    title: 'still selling',
    productTags: [{ productId: soldOut }, { productId: inStock }],
  });
  everyNote.push(inStockNote);
  await new TrendingService(new NotesRepository(app.database.db)).refresh();
});
afterAll(() => app.close());

async function page(token: string | undefined, first: number, after: string | null = null) {
  const res = await app.gql(FEED, { first, after }, token);
  const feed = res.body.data?.feed as { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } };
  return { ids: feed.edges.map((e) => e.node.id), cursor: feed.pageInfo.endCursor };
}

/** Every note served over `pages` pages of ten in one scroll session. */
async function scroll(token: string, pages: number): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  for (let i = 0; i < pages; i += 1) {
    const p = await page(token, 10, cursor);
    p.ids.forEach((id) => ids.add(id));
    cursor = p.cursor;
  }
  return ids;
}

async function servedRows(userId: string | null) {
  return rowsOf<{ note_id: string; session_id: string; value: number }>(
    await app.database.db.execute(sql`
      SELECT note_id, session_id, value FROM interaction_events
       WHERE type = 'served' AND user_id IS NOT DISTINCT FROM ${userId} ORDER BY occurred_at, value`),
  );
}

describe('served notes', () => {
  it('are logged once each, by viewer, session and position, however often the log is flushed or a page re-asked', async () => {
    const viewer = await signUp(app, 'VIEWER');
    const one = await page(viewer.token, 5);
    const two = await page(viewer.token, 5, one.cursor);
    await page(viewer.token, 5, one.cursor);
    expect(await app.services.servedLog.flush()).toBe(10);
    expect(await app.services.servedLog.flush()).toBe(0);
    const rows = await servedRows(viewer.id);
    expect(rows.map((r) => r.note_id)).toEqual([...one.ids, ...two.ids]);
    expect(rows.map((r) => r.value)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    expect(new Set(rows.map((r) => r.session_id)).size).toBe(1);
  });

  it('are not logged for anonymous visitors: training has no use for them', async () => {
    const before = (await servedRows(null)).length;
    await page(undefined, 3);
    await app.services.servedLog.flush();
    expect((await servedRows(null)).length).toBe(before);
    expect(before).toBe(0);
  });

  it('drops a log entry it cannot read instead of failing every later round', async () => {
    await app.redis.xadd('feed:served-log', '*', 'v', 'not-a-user', 'n', 'garbage');
    const viewer = await signUp(app, 'VIEWER');
    await page(viewer.token, 2);
    expect(await app.services.servedLog.flush()).toBe(2);
    expect(await app.redis.xlen('feed:served-log')).toBe(0);
  });

  it('are not served again in the viewer’s next session while there are other notes', async () => {
    const viewer = await signUp(app, 'VIEWER');
    const first = await page(viewer.token, 15);
    const next = await page(viewer.token, 15);
    expect(next.ids).toHaveLength(15);
    expect(next.ids.filter((id) => first.ids.includes(id))).toEqual([]);
  });

  it('come back once the viewer has been served everything, so the feed never runs dry', async () => {
    const viewer = await signUp(app, 'VIEWER');
    // Every note the feed can show (all but the sold-out one), fewer than the viewer's recent list holds.
    expect(await scroll(viewer.token, 10)).toEqual(new Set(everyNote.filter((id) => id !== soldOutNote)));
    expect(NOTES + 1).toBeLessThan(VIEWER_RECENT);
    expect((await page(viewer.token, 10)).ids).toHaveLength(10);
  });
});

describe('the sold-out filter (FEED_HIDE_SOLD_OUT=1)', () => {
  it('leaves out a note whose products are all sold out, and keeps one that still sells something', async () => {
    const ids = await scroll((await signUp(app, 'VIEWER')).token, 6);
    expect(ids.size).toBe(NOTES + 1);
    expect(ids.has(inStockNote)).toBe(true);
    expect(ids.has(soldOutNote)).toBe(false);
  });
});
