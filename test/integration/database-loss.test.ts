import { sql } from 'drizzle-orm';
import { readTestEnv } from '../../core/config';
import { openDatabase, type Database } from '../../core/db';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/harness';

// Only the PostgreSQL server can be lost under a process; PGlite lives inside it.
const onServer = readTestEnv().backend === 'pg' ? describe : describe.skip;

onServer('losing the PostgreSQL server', () => {
  let app: TestApp;
  let database: Database;
  let admin: Database;
  beforeAll(async () => {
    app = await startTestApp();
    database = await openDatabase({ url: app.databaseUrl, poolMax: 2 });
    admin = await openDatabase({ url: app.databaseUrl, poolMax: 1 });
  });
  afterAll(async () => {
    await database?.close();
    await admin?.close();
    await app?.close();
  });

  /** Ends the server sessions of this test's database other than the caller's, as a server restart would. */
  const dropSessions = () =>
    admin.db.execute(
      sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );

  it('fails the transaction it was in, does not crash the process, and serves again', async () => {
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    try {
      const lost = database.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT 1`);
        await dropSessions();
        // Give the terminated connection's 'error' event time to fire while the transaction still holds the client.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.execute(sql`SELECT 1`);
      });
      await expect(lost).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(crashes).toEqual([]);
      await expect(database.ping()).resolves.toBeUndefined();
    } finally {
      process.off('uncaughtException', onCrash);
    }
  });

  it('is ready and serving again, without a restart, after every connection was cut', async () => {
    expect((await app.http.get('/readyz')).status).toBe(200);
    await dropSessions();
    // The first check after the cut may meet a dead pooled connection; readiness must recover without a restart.
    await eventually(async () => (await app.http.get('/readyz')).status === 200, 5_000);
    const res = await app.gql('{ ping }');
    expect(res.body.data).toEqual({ ping: true });
  });
});
