import { sql } from 'drizzle-orm';
import { rowsOf } from '../../core/db';
import { isRead, isReadSql } from '../../models/read-rule';
import { startTestApp, type TestApp } from '../support/harness';

// The read rule is written twice, for TypeScript (training labels) and for SQL (funnel reads and
// view-through attribution): both must say the same of every view.
describe('the read rule', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const views: [number | null, 'image' | 'video'][] = [
    [null, 'image'],
    [null, 'video'],
    [0, 'video'],
    [0.49, 'video'],
    [0.5, 'video'],
    [1, 'video'],
    [0.9, 'image'],
    [4.9, 'image'],
    [5, 'image'],
    [120, 'image'],
  ];

  it.each(views)('agrees in TypeScript and SQL for a view of %p on an %s note', async (value, kind) => {
    const [row] = rowsOf<{ read: boolean }>(
      await app.database.db.execute(sql`SELECT ${isReadSql(sql`${value}::float8`, sql`${kind}::text`)} AS read`),
    );
    expect(row?.read).toBe(isRead(value, kind));
  });
});
