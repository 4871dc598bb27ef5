import { sql } from 'drizzle-orm';
import { rowsOf, toPgArray } from '../../core/db';
import { uuidv7 } from '../../core/ids';
import { startTestApp, type TestApp } from '../support/harness';
import { createNote, signUp } from '../support/factories';

const NOTES = 30;
const CALLERS = 12;
const ROUNDS = 4;

let app: TestApp;
let noteIds: string[];

beforeAll(async () => {
  app = await startTestApp({ EVENTS_MAX_PER_CALL: '10000' });
  const creator = await signUp(app, 'CREATOR');
  noteIds = [];
  for (let i = 0; i < NOTES; i += 1) noteIds.push(await createNote(app, creator));
});
afterAll(() => app.close());

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('recordEvents under concurrency', () => {
  it('stores and counts every view of batches that name the same notes in different orders at once', async () => {
    const sent: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const results = await Promise.allSettled(
        Array.from({ length: CALLERS }, (_, caller) => {
          // Views of every note, in an order of their own: while batches added to the notes' view counts
          // themselves, their row locks crossed here.
          const events = shuffled(noteIds).map((noteId) => ({ eventId: uuidv7(), type: 'view', noteId, value: 0.9 }));
          sent.push(...events.map((e) => e.eventId));
          // A client of its own per call, so no view is a repeat and every batch updates every note.
          return app.services.events.record(null, events, `client-${round}-${caller}`);
        }),
      );
      // A deadlock (40P01) shows as its SQLSTATE.
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).cause ?? r.reason] : []));
      expect(failures).toEqual([]);
      for (const r of results) if (r.status === 'fulfilled') expect(r.value).toEqual({ accepted: NOTES, duplicates: 0, rejected: [] });
    }

    const [stored] = rowsOf<{ n: number; uniq: number }>(
      await app.database.db.execute(
        sql`SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS uniq FROM interaction_events WHERE event_id = ANY(${toPgArray(sent)}::uuid[])`,
      ),
    );
    expect(stored).toEqual({ n: sent.length, uniq: sent.length });
    await app.services.events.applyQueuedViews();
    const views = rowsOf<{ view_count: number }>(
      await app.database.db.execute(sql`SELECT view_count FROM notes WHERE id = ANY(${toPgArray(noteIds)}::uuid[])`),
    );
    expect(views.map((v) => v.view_count)).toEqual(noteIds.map(() => CALLERS * ROUNDS));
  });
});
