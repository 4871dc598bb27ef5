import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Database } from '../../core/db';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pglite-durable-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

type Rows = { rows: Record<string, unknown>[] };
const rows = async (database: Database, query: SQL): Promise<Record<string, unknown>[]> =>
  ((await database.db.execute(query)) as Rows).rows;
const setting = async (database: Database, name: string): Promise<unknown> => (await rows(database, sql.raw(`SHOW ${name}`)))[0]?.[name];

describe('the embedded database in a data directory', () => {
  it('syncs each commit to disk: fsync on, and the WAL synced with fsync() (PGlite makes fdatasync a no-op)', async () => {
    const database = await openDatabase({ dataDir: dir });
    try {
      expect(await setting(database, 'fsync')).toBe('on');
      expect(await setting(database, 'wal_sync_method')).toBe('fsync');
      await database.db.execute(sql`CREATE TABLE kept (id int)`);
      await database.db.execute(sql`INSERT INTO kept VALUES (7)`);
    } finally {
      await database.close();
    }
    const reopened = await openDatabase({ dataDir: dir });
    try {
      expect(await rows(reopened, sql`SELECT id FROM kept`)).toEqual([{ id: 7 }]);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
