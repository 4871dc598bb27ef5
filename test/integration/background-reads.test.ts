import { sql } from 'drizzle-orm';
import { backgroundTransaction, rowsOf, type Db } from '../../core/db';
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
});
