import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../core/db';
import { uuidv7 } from '../../core/ids';
import { startTestApp, type TestApp } from '../support/harness';
import { createNote, createProduct, errorCode, signUp, type Account } from '../support/factories';

const RECORD = `mutation($events: [EventInput!]!) { recordEvents(events: $events) { accepted duplicates rejected { index code message } error { code message } } }`;

let app: TestApp;
let viewer: Account;
let noteId: string;
let productId: string;

beforeAll(async () => {
  app = await startTestApp({ EVENTS_MAX_PER_CALL: '10000' });
  const [creator, brand] = await Promise.all([signUp(app, 'CREATOR'), signUp(app, 'BRAND')]);
  viewer = await signUp(app);
  productId = await createProduct(app, brand);
  noteId = await createNote(app, creator, { productTags: [{ productId }] });
});
afterAll(() => app.close());

async function storedEvents(): Promise<number> {
  return (
    rowsOf<{ n: number }>(
      await app.database.db.execute(
        sql`SELECT count(*)::int AS n FROM interaction_events WHERE type IN ('impression', 'view', 'product_click')`,
      ),
    )[0]?.n ?? 0
  );
}

describe('recordEvents', () => {
  it('stores a batch once: resending it and repeating ids inside it are duplicates', async () => {
    const before = await storedEvents();
    const events = [
      { eventId: uuidv7(), type: 'IMPRESSION', noteId },
      { eventId: uuidv7(), type: 'VIEW', noteId, value: 0.85 },
      { eventId: uuidv7(), type: 'PRODUCT_CLICK', noteId, productId },
    ];
    const first = await app.gql(RECORD, { events: [...events, events[0]] }, viewer.token);
    expect(first.body.data?.recordEvents).toEqual({ accepted: 3, duplicates: 1, rejected: [], error: null });
    const again = await app.gql(RECORD, { events }, viewer.token);
    expect(again.body.data?.recordEvents).toMatchObject({ accepted: 0, duplicates: 3 });
    expect((await storedEvents()) - before).toBe(3);
    await app.services.events.applyQueuedViews();
    const note = await app.gql(`query($id: ID!) { note(id: $id) { viewCount } }`, { id: noteId });
    expect(note.body.data?.note.viewCount).toBe(1);
  });

  it('rejects bad events one by one and keeps the good ones', async () => {
    const before = await storedEvents();
    const res = await app.gql(
      RECORD,
      {
        events: [
          { eventId: uuidv7(), type: 'IMPRESSION', noteId },
          { eventId: 'not-a-uuid', type: 'IMPRESSION', noteId },
          { eventId: uuidv7(), type: 'VIEW', noteId: randomUUID() },
          { eventId: uuidv7(), type: 'VIEW', noteId, value: -3 },
          { eventId: uuidv7(), type: 'PRODUCT_CLICK', noteId },
          { eventId: uuidv7(), type: 'VIEW', noteId, occurredAt: '2020-01-01T00:00:00Z' },
          { eventId: uuidv7(), type: 'VIEW' },
        ],
      },
      viewer.token,
    );
    const payload = res.body.data?.recordEvents;
    expect(payload.accepted).toBe(1);
    expect(payload.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [1, 'BAD_USER_INPUT'],
      [2, 'NOT_FOUND'],
      [3, 'BAD_USER_INPUT'],
      [4, 'BAD_USER_INPUT'],
      [5, 'BAD_USER_INPUT'],
      [6, 'BAD_USER_INPUT'],
    ]);
    expect((await storedEvents()) - before).toBe(1);
  });

  it('takes a burst of 10,000 events in one call and refuses a larger one whole', async () => {
    const before = await storedEvents();
    const burst = Array.from({ length: 10_000 }, () => ({ eventId: uuidv7(), type: 'IMPRESSION', noteId }));
    const res = await app.gql(RECORD, { events: burst });
    expect(res.body.data?.recordEvents).toMatchObject({ accepted: 10_000, duplicates: 0, rejected: [] });
    const tooMany = await app.gql(RECORD, { events: [...burst, { eventId: uuidv7(), type: 'IMPRESSION', noteId }] });
    expect(tooMany.body.data?.recordEvents.error.code).toBe('BATCH_TOO_LARGE');
    expect((await storedEvents()) - before).toBe(10_000);
  });

  it('takes events for a note while it is published and refuses them once it is deleted, though the check is cached', async () => {
    const author = await signUp(app, 'CREATOR');
    const note = await createNote(app, author);
    const record = async () =>
      (await app.gql(RECORD, { events: [{ eventId: uuidv7(), type: 'IMPRESSION', noteId: note }] }, viewer.token)).body.data?.recordEvents;
    expect(await record()).toMatchObject({ accepted: 1, rejected: [] });
    expect(await record()).toMatchObject({ accepted: 1, rejected: [] });
    const deleted = await app.gql(`mutation($id: ID!) { deleteNote(id: $id) { deletedId } }`, { id: note }, author.token);
    expect(deleted.body.data?.deleteNote.deletedId).toBe(note);
    expect(await record()).toMatchObject({ accepted: 0, rejected: [{ index: 0, code: 'NOT_FOUND' }] });
  });

  it('refuses event kinds that only mutations may log', async () => {
    const res = await app.gql(RECORD, { events: [{ eventId: uuidv7(), type: 'PURCHASE', noteId }] });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('refuses a long batch with one event of a kind only mutations may log, storing none of it', async () => {
    const before = await storedEvents();
    const batch = Array.from({ length: 500 }, () => ({ eventId: uuidv7(), type: 'IMPRESSION', noteId }));
    batch[321] = { eventId: uuidv7(), type: 'PURCHASE', noteId };
    const res = await app.gql(RECORD, { events: batch });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.body.errors)).toContain('PURCHASE');
    expect(await storedEvents()).toBe(before);
  });
});
