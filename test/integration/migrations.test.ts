import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER } from '../../boot';
import { readTestEnv } from '../../core/config';
import { createServerDatabase, dropServerDatabase, openDatabase, rowsOf } from '../../core/db';

const env = readTestEnv();
const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
// Only a server has several processes starting at once; PGlite serves one.
const onServer = env.backend === 'pg' ? describe : describe.skip;

onServer('migrations on a PostgreSQL server', () => {
  const name = `migrate_race_${process.pid}`;
  afterAll(() => dropServerDatabase(env.adminDatabaseUrl, name));

  it('are applied once when several processes start together', async () => {
    const url = await createServerDatabase(env.adminDatabaseUrl, name);
    const databases = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ url, poolMax: 3 })));
    try {
      await Promise.all(databases.map((d) => d.migrate(MIGRATIONS_FOLDER)));
      const [first] = databases;
      const applied = rowsOf<{ n: number }>(await first!.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`));
      expect(applied[0]?.n).toBe(journal.entries.length);
      const tables = rowsOf<{ n: number }>(
        await first!.db.execute(sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'notes'`),
      );
      expect(tables[0]?.n).toBe(1);
    } finally {
      await Promise.all(databases.map((d) => d.close()));
    }
  });
});
