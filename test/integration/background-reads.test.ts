import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { backgroundTransaction, rowsOf, type Db } from '../../core/db';
import { ensureEventMonths } from '../../events/partitions';
import { repositoriesFor } from '../../models/transaction';
import { startTestApp, type TestApp } from '../support/harness';

const settings = async (db: Db) =>
  rowsOf<{ workers: string; jit: string }>(
    await db.execute(sql`SELECT current_setting('max_parallel_workers_per_gather') AS workers, current_setting('jit') AS jit`),
  )[0];

// The trainer's reads of the event log go through backgroundTransaction so that PostgreSQL serves them
// on one core, leaving the other to the API's queries.
describe('backgroundTransaction', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('runs its queries without parallel workers or JIT, and leaves the connection’s settings as they were', async () => {
    const db = app.database.db;
    const before = await settings(db);
    await expect(backgroundTransaction(db, settings)).resolves.toEqual({ workers: '0', jit: 'off' });
    await expect(settings(db)).resolves.toEqual(before);
  });

  it('gives back what its work returns, and passes its failure on', async () => {
    await expect(backgroundTransaction(app.database.db, async () => 42)).resolves.toBe(42);
    await expect(
      backgroundTransaction(app.database.db, async () => {
        throw new Error('the read failed');
      }),
    ).rejects.toThrow('the read failed');
  });

  it('reads the trainer’s events a day at a time, losing none at a day’s edge or stamped ahead of the clock', async () => {
    const db = app.database.db;
    const user = randomUUID();
    const note = randomUUID();
    const now = Date.now();
    const since = new Date(now - 3 * 86_400_000);
    const at = (ms: number) => new Date(since.getTime() + ms);
    // Just before the window, on its first instant, either side of the first day's edge, now, and ahead of now.
    const times = [at(-1), at(0), at(86_400_000 - 1), at(86_400_000), new Date(now), new Date(now + 60_000)];
    await ensureEventMonths(db, times[0] as Date, times.at(-1) as Date);
    for (const occurredAt of times) {
      await db.execute(
        sql`INSERT INTO interaction_events (event_id, type, user_id, note_id, occurred_at) VALUES (${randomUUID()}, 'view', ${user}, ${note}, ${occurredAt.toISOString()})`,
      );
    }
    const events = await backgroundTransaction(db, (tx) => repositoriesFor(tx).recommender.trainingEvents(since));
    const ours = events.filter((e) => e.userId === user).map((e) => e.occurredAt.getTime());
    expect(ours).toEqual(times.slice(1).map((t) => t.getTime()));
  });
});
