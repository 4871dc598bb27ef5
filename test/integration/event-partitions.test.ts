import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER } from '../../boot';
import { readTestEnv } from '../../core/config';
import { createServerDatabase, dropServerDatabase, openDatabase, rowsOf, type Db } from '../../core/db';
import { uuidv7 } from '../../core/ids';
import { EventLogMaintenance } from '../../events/partitions';
import { EventsRepository } from '../../models/repositories/events.repository';
import { startTestApp, type TestApp } from '../support/harness';
import { createNote, signUp, type Account } from '../support/factories';

const RECORD = `mutation($events: [EventInput!]!) { recordEvents(events: $events) { accepted duplicates rejected { index code message } } }`;
const DAY_MS = 24 * 3_600_000;

let app: TestApp;
let viewer: Account;
let noteId: string;
let events: EventsRepository;

beforeAll(async () => {
  app = await startTestApp();
  const creator = await signUp(app, 'CREATOR');
  viewer = await signUp(app);
  noteId = await createNote(app, creator);
  events = new EventsRepository(app.database.db);
});
afterAll(() => app.close());

function monthName(at: Date): string {
  return `interaction_events_${at.getUTCFullYear()}_${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function partitionOf(db: Db, eventId: string): Promise<string[]> {
  const rows = rowsOf<{ part: string }>(
    await db.execute(sql`SELECT tableoid::regclass::text AS part FROM interaction_events WHERE event_id = ${eventId}`),
  );
  return rows.map((r) => r.part);
}

async function months(db: Db): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'interaction_events'::regclass ORDER BY 1`),
  );
  return rows.map((r) => r.name);
}

function event(occurredAt: Date) {
  return { eventId: uuidv7(), type: 'impression' as const, userId: viewer.id, noteId, occurredAt };
}

describe('the partitioned event log', () => {
  it('has this month and the next two made, and files an event under its month', async () => {
    const now = new Date();
    const made = await months(app.database.db);
    for (const offset of [0, 1, 2]) {
      expect(made).toContain(monthName(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1))));
    }
    const res = await app.gql(RECORD, { events: [{ eventId: uuidv7(), type: 'IMPRESSION', noteId }] }, viewer.token);
    expect(res.body.data?.recordEvents).toMatchObject({ accepted: 1 });
    const [latest] = rowsOf<{ id: string }>(
      await app.database.db.execute(sql`SELECT event_id AS id FROM interaction_events ORDER BY received_at DESC LIMIT 1`),
    );
    expect(await partitionOf(app.database.db, latest!.id)).toEqual([monthName(now)]);
  });

  it('keeps an event of a month not made yet, and moves it into the month once made', async () => {
    const far = new Date(Date.UTC(new Date().getUTCFullYear() + 3, 4, 10));
    const stray = event(far);
    expect((await events.append([stray])).size).toBe(1);
    expect(await partitionOf(app.database.db, stray.eventId)).toEqual(['interaction_events_default']);

    expect(await events.ensurePartition(far)).toBe(monthName(far));
    expect(await partitionOf(app.database.db, stray.eventId)).toEqual([monthName(far)]);
    expect(await events.ensurePartition(far)).toBeNull();
  });

  it('takes a resent id as a duplicate even when the resend carries another time', async () => {
    const eventId = uuidv7();
    const first = await app.gql(RECORD, { events: [{ eventId, type: 'IMPRESSION', noteId }] }, viewer.token);
    expect(first.body.data?.recordEvents).toMatchObject({ accepted: 1, duplicates: 0 });
    const occurredAt = new Date(Date.now() - 5 * DAY_MS).toISOString();
    const again = await app.gql(RECORD, { events: [{ eventId, type: 'IMPRESSION', noteId, occurredAt }] }, viewer.token);
    expect(again.body.data?.recordEvents).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await partitionOf(app.database.db, eventId)).toHaveLength(1);
  });

  it('drops months past retention and forgets old ids, keeping what is recent', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 500 * DAY_MS);
    await events.ensurePartition(old);
    const [ancient, recent] = [event(old), event(new Date(now.getTime() - DAY_MS))];
    await events.append([ancient, recent]);
    // The default partition's rows past retention go too (a month dropped earlier, written to since).
    const stray = event(new Date(now.getTime() - 450 * DAY_MS));
    await app.database.db.execute(sql`
      INSERT INTO interaction_events_default (event_id, type, user_id, note_id, occurred_at)
      VALUES (${stray.eventId}, 'impression', ${viewer.id}, ${noteId}, ${stray.occurredAt.toISOString()})`);
    await app.database.db.execute(sql`UPDATE event_ids SET received_at = ${old.toISOString()} WHERE event_id = ${ancient.eventId}`);

    const done = await new EventLogMaintenance(events, { EVENT_RETENTION_DAYS: 400, ATTRIBUTION_CLICK_WINDOW_DAYS: 7 }).run(now);
    expect(done.dropped).toBeGreaterThanOrEqual(1);
    expect(done.forgotten).toBeGreaterThanOrEqual(1);
    expect(await months(app.database.db)).not.toContain(monthName(old));
    expect(await partitionOf(app.database.db, ancient.eventId)).toEqual([]);
    expect(await partitionOf(app.database.db, stray.eventId)).toEqual([]);
    expect(await partitionOf(app.database.db, recent.eventId)).toEqual([monthName(recent.occurredAt)]);
    const remembered = rowsOf<{ id: string }>(
      await app.database.db.execute(sql`SELECT event_id AS id FROM event_ids WHERE event_id IN (${ancient.eventId}, ${recent.eventId})`),
    ).map((r) => r.id);
    expect(remembered).toEqual([recent.eventId]);
  });
});

describe('migration 0016', () => {
  it('moves an existing log into its months and remembers its recent ids', async () => {
    const env = readTestEnv();
    const name = `migrate_0016_${process.pid}`;
    const before = await mkdtemp(path.join(tmpdir(), 'seedfeed-migrations-'));
    const database = await openDatabase({ url: env.backend === 'pg' ? await createServerDatabase(env.adminDatabaseUrl, name) : undefined });
    try {
      await cp(MIGRATIONS_FOLDER, before, { recursive: true });
      const journalPath = path.join(before, 'meta', '_journal.json');
      const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { idx: number }[] };
      await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx < 16) }));
      await database.migrate(before);

      const now = Date.now();
      const rows = [now - 200 * DAY_MS, now - 45 * DAY_MS, now].map((at) => ({ id: uuidv7(at), at: new Date(at).toISOString() }));
      for (const row of rows) {
        await database.db.execute(sql`
          INSERT INTO interaction_events (event_id, type, occurred_at, received_at) VALUES (${row.id}, 'view', ${row.at}, ${row.at})`);
      }
      await database.migrate(MIGRATIONS_FOLDER);

      for (const row of rows) expect(await partitionOf(database.db, row.id)).toEqual([monthName(new Date(row.at))]);
      const remembered = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT event_id AS id FROM event_ids ORDER BY 1`));
      expect(remembered.map((r) => r.id)).toEqual(rows.slice(1).map((r) => r.id));
    } finally {
      await database.close();
      if (env.backend === 'pg') await dropServerDatabase(env.adminDatabaseUrl, name);
      await rm(before, { recursive: true, force: true });
    }
  });
});
