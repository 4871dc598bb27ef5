import { sql } from 'drizzle-orm';
import { rowsOf } from '../../core/db';
import { uuidv7 } from '../../core/ids';
import { ViewDedupe } from '../../events/view-dedupe';
import { startTestApp, type TestApp } from '../support/harness';
import { createNote, signUp, type Account } from '../support/factories';

// The audit raised a note's views from 41 to 5,041 and into TRENDING's top 2 with one anonymous call.
const RECORD = `mutation($events: [EventInput!]!) { recordEvents(events: $events) { accepted duplicates rejected { index code } error { code } } }`;

let app: TestApp;
let creator: Account;
let viewer: Account;

beforeAll(async () => {
  app = await startTestApp({ ANALYTICS_ROLLUP_LAG_MS: '0' });
  [creator, viewer] = await Promise.all([signUp(app, 'CREATOR'), signUp(app)]);
});
afterAll(() => app.close());

const view = (noteId: string, value: number) => ({ eventId: uuidv7(), type: 'VIEW', noteId, value });

/** The note's view count once the views.apply job has run. */
async function viewCount(noteId: string): Promise<number> {
  await app.services.events.applyQueuedViews();
  return (await app.gql(`query($id: ID!) { note(id: $id) { viewCount } }`, { id: noteId })).body.data?.note.viewCount;
}

async function trendingScore(noteId: string): Promise<number> {
  await app.services.trending.refresh();
  return Number(
    rowsOf<{ s: number }>(await app.database.db.execute(sql`SELECT trending_score AS s FROM notes WHERE id = ${noteId}`))[0]?.s,
  );
}

async function repeats(noteId: string): Promise<boolean[]> {
  const rows = rowsOf<{ is_repeat: boolean }>(
    await app.database.db.execute(
      sql`SELECT is_repeat FROM interaction_events WHERE note_id = ${noteId} AND type = 'view' ORDER BY event_id`,
    ),
  );
  return rows.map((r) => r.is_repeat);
}

describe('counting views', () => {
  it("one viewer's views of a note count once per window, and a read after a skim counts too", async () => {
    const noteId = await createNote(app, creator);
    const send = async (value: number) => (await app.gql(RECORD, { events: [view(noteId, value)] }, viewer.token)).body.data?.recordEvents;
    // An image note: 2 s is a skim, 8 s a read.
    expect(await send(2)).toMatchObject({ accepted: 1, rejected: [] });
    expect(await send(2)).toMatchObject({ accepted: 1, rejected: [] });
    expect(await viewCount(noteId)).toBe(1);
    await send(8);
    expect(await viewCount(noteId)).toBe(2);
    await send(9);
    expect(await viewCount(noteId)).toBe(2);
    // Every view is kept for the interest model; the repeats are only flagged.
    expect(await repeats(noteId)).toEqual([false, true, false, true]);

    await app.services.rollup.fold();
    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const funnel = await app.gql(
      `query($scope: AnalyticsScope!, $range: DateRange!) { analyticsFunnel(scope: $scope, range: $range) { reads anonymousReads } }`,
      { scope: { kind: 'NOTE', id: noteId }, range },
      creator.token,
    );
    expect(funnel.body.data?.analyticsFunnel).toEqual({ reads: 1, anonymousReads: 0 });
  });

  it('a flood of anonymous views adds one view, no trending score, and reads counted apart; a bigger batch is refused', async () => {
    const flooded = await createNote(app, creator);
    const honest = await createNote(app, creator);
    const flood = Array.from({ length: 500 }, () => view(flooded, 30));
    expect((await app.gql(RECORD, { events: flood })).body.data?.recordEvents).toMatchObject({ accepted: 500, rejected: [] });
    expect(await viewCount(flooded)).toBe(1);
    const tooMany = await app.gql(RECORD, { events: [...flood, view(flooded, 30)].map((e) => ({ ...e, eventId: uuidv7() })) });
    expect(tooMany.body.data?.recordEvents.error.code).toBe('BATCH_TOO_LARGE');

    // Signed-out traffic alone carries no note up TRENDING; it can add to what signed-in viewers gave.
    expect(await trendingScore(flooded)).toBe(0);
    await app.gql(RECORD, { events: [view(honest, 30)] }, viewer.token);
    const signedIn = await trendingScore(honest);
    expect(signedIn).toBeGreaterThan(0);
    await app.gql(RECORD, { events: Array.from({ length: 400 }, () => view(honest, 30)) });
    const boosted = await trendingScore(honest);
    expect(boosted).toBeGreaterThan(signedIn);
    expect(boosted).toBeLessThanOrEqual(2 * signedIn + 1e-6);

    await app.services.rollup.fold();
    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const funnel = await app.gql(
      `query($scope: AnalyticsScope!, $range: DateRange!) { analyticsFunnel(scope: $scope, range: $range) { impressions reads anonymousReads } }`,
      { scope: { kind: 'NOTE', id: flooded }, range },
      creator.token,
    );
    expect(funnel.body.data?.analyticsFunnel).toEqual({ impressions: 0, reads: 0, anonymousReads: 1 });
  });

  it('forgets a judgement whose views were not stored, so that the retry counts them', async () => {
    const dedupe = new ViewDedupe(app.redis, 60_000);
    const first = await dedupe.judge('user:retry', [{ noteId: 'n1', read: false }]);
    expect(first.counted).toEqual([true]);
    await first.forget();
    expect((await dedupe.judge('user:retry', [{ noteId: 'n1', read: false }])).counted).toEqual([true]);
    expect((await dedupe.judge('user:retry', [{ noteId: 'n1', read: false }])).counted).toEqual([false]);
  });
});
