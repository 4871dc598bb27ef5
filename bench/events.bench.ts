import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { RollupService } from '../commerce/rollup.service';
import { toPgArray, rowsOf, type Database } from '../core/db';
import { terminalProgress } from '../core/progress';
import { RollupRepository } from '../models/repositories/rollup.repository';
import { RecommenderRepository } from '../models/repositories/recommender.repository';
import { PROFILE_HISTORY } from '../recommender/rank/affinity-profile';
import { ENGAGEMENT_EVENTS } from '../recommender/signals';
import { ensureEventMonths } from '../events/partitions';
import { uuidv7 } from '../core/ids';
import { postGraphQL, seededServerDatabase, startBenchApi, viewerTokens } from './api-load';
import { measureCeiling, ratio } from './ceiling';
import { stopProduct } from './product-process';
import { median, round } from './stats';

// The event log at 5M and then 50M events on the PostgreSQL server. The last 30 days stay those of the
// seeded scale-1 world, and the 90 before them (the profiles' history) hold the same daily rate, while
// older months pile up behind them, as a year of history does behind a steady present; at each size,
// what must not grow with the log is measured: ingest through recordEvents (500 events a call, 8 calls
// in flight to two API processes), the rollup's fold of what each round of it added, and the trainer's
// read of its 30-day window with the profile history before it. Figures go to bench/results/events.json.
const SIZES = (process.env.BENCH_EVENT_SIZES ?? '5000000,50000000').split(',').map(Number);
/** How far back the log reaches at its largest. */
const YEAR_DAYS = 365;
const WINDOW_DAYS = 30;
/** Events sent through recordEvents at each size, in rounds, each round followed by the fold of it. */
const INGEST_EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 300_000);
const ROUNDS = 3;
const BATCH = 500;
const IN_FLIGHT = 8;
const INSERT_CHUNK = 1_000_000;
const PORT = 4710;
const API_WORKERS = Number(process.env.BENCH_API_WORKERS ?? 2);
const DAY_MS = 24 * 3_600_000;

const RECORD = `mutation Record($events: [EventInput!]!) { recordEvents(events: $events) { accepted duplicates } }`;

interface World {
  notes: string[];
  users: string[];
}

async function count(database: Database): Promise<number> {
  return Number(rowsOf<{ n: string }>(await database.db.execute(sql`SELECT count(*) AS n FROM interaction_events`))[0]?.n ?? 0);
}

/**
 * Writes `rows` events between `from` and `to` in time order (as a log is written), a million rows a
 * statement, with a feed's mix of types; each is received when it occurred, behind the rollup's watermark.
 */
async function fill(database: Database, world: World, rows: number, from: number, to: number, stage: string): Promise<void> {
  await ensureEventMonths(database.db, new Date(from), new Date(to));
  const chunks = Math.ceil(rows / INSERT_CHUNK);
  const sliceMs = (to - from) / chunks;
  const progress = terminalProgress();
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    progress.report(chunk, chunks, stage);
    const n = Math.min(INSERT_CHUNK, rows - chunk * INSERT_CHUNK);
    const start = new Date(from + chunk * sliceMs).toISOString();
    await database.db.execute(sql`
      INSERT INTO interaction_events (event_id, type, user_id, note_id, value, occurred_at, received_at)
      SELECT gen_random_uuid(), t.type::event_type, u.id, nt.id, CASE WHEN t.type = 'view' THEN random() END, t.at, t.at
        FROM (SELECT CASE WHEN r < 0.40 THEN 'served' WHEN r < 0.70 THEN 'impression' WHEN r < 0.90 THEN 'view'
                          WHEN r < 0.96 THEN 'like' ELSE 'collect' END AS type,
                     ${start}::timestamptz + (${sliceMs}::float8 * i / ${n}::float8) * interval '1 millisecond' AS at,
                     1 + floor(random() * ${world.users.length})::int AS ui,
                     1 + floor(random() * ${world.notes.length})::int AS ni
                FROM (SELECT i, random() AS r FROM generate_series(0, ${n - 1}) AS i) g) t
        CROSS JOIN LATERAL (SELECT (${toPgArray(world.users)}::uuid[])[t.ui] AS id) u
        CROSS JOIN LATERAL (SELECT (${toPgArray(world.notes)}::uuid[])[t.ni] AS id) nt`);
  }
  progress.report(chunks, chunks, stage);
  progress.stop();
}

/**
 * The 90 days before the window, which the trainer reads for profiles, at the window's own daily rate:
 * written once, so both sizes read the same rows.
 */
async function fillProfileHistory(database: Database, world: World, windowEvents: number): Promise<void> {
  const end = Date.now() - WINDOW_DAYS * DAY_MS;
  const rows = Math.round((windowEvents / WINDOW_DAYS) * PROFILE_HISTORY.days);
  await fill(database, world, rows, end - PROFILE_HISTORY.days * DAY_MS, end, 'profile history');
}

/**
 * Adds events older than what the trainer reads until the log holds `target`, over the year's remaining
 * days; then vacuums, as autovacuum would have over the months it took. Returns the seconds it took.
 */
async function growTo(database: Database, world: World, target: number): Promise<number> {
  const started = performance.now();
  const newest = Date.now() - (WINDOW_DAYS + PROFILE_HISTORY.days) * DAY_MS;
  const missing = target - (await count(database));
  if (missing > 0) await fill(database, world, missing, Date.now() - YEAR_DAYS * DAY_MS, newest, `history to ${target / 1e6}M`);
  await database.db.execute(sql`VACUUM (ANALYZE) interaction_events`);
  return (performance.now() - started) / 1000;
}

/** The trainer's reads (trainer.ts): the 30-day window, and the engagements of the profile history before it. */
async function trainerRead(database: Database): Promise<{ ms: number; rows: number }> {
  const repo = new RecommenderRepository(database.db);
  const runs: number[] = [];
  let rows = 0;
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    const since = new Date(Date.now() - WINDOW_DAYS * DAY_MS);
    const [events, earlier] = await Promise.all([
      repo.trainingEvents(since),
      repo.trainingEngagements(ENGAGEMENT_EVENTS, new Date(since.getTime() - PROFILE_HISTORY.days * DAY_MS), since),
    ]);
    runs.push(performance.now() - started);
    rows = events.length + earlier.length;
  }
  return { ms: Math.round(median(runs)), rows };
}

/**
 * ROUNDS rounds of impressions and views from signed-in viewers through recordEvents (500 a call, IN_FLIGHT
 * calls at once), after one more that warms the API processes up, each followed by the rollup's fold of it:
 * events stored a second over the measured rounds, and the median fold. The events are then taken out again,
 * so every size's window holds the same rows.
 */
async function ingestAndFold(
  url: string,
  database: Database,
  world: World,
  tokens: string[],
): Promise<{ eventsPerS: number; callsPerS: number; foldMs: number; foldEvents: number }> {
  const since = new Date().toISOString();
  const api = await startBenchApi(url, PORT, API_WORKERS);
  const agents = Array.from({ length: IN_FLIGHT }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const body = () => {
    const events = Array.from({ length: BATCH }, (_, i) => ({
      // Time-ordered, as the web app's tracker sends them.
      eventId: uuidv7(),
      type: i % 3 === 0 ? 'VIEW' : 'IMPRESSION',
      noteId: world.notes[Math.floor(Math.random() * world.notes.length)],
      ...(i % 3 === 0 ? { value: Math.random() } : {}),
    }));
    return JSON.stringify({ query: RECORD, variables: { events } });
  };
  const calls = Math.ceil(INGEST_EVENTS / ROUNDS / BATCH);
  const send = async (): Promise<number> => {
    let next = 0;
    let failed = 0;
    const started = performance.now();
    await Promise.all(
      agents.map(async (agent) => {
        for (let call = next++; call < calls; call = next++) {
          if (!(await postGraphQL(PORT, agent, body(), tokens[call % tokens.length]))) failed += 1;
        }
      }),
    );
    if (failed > 0) throw new Error(`${failed} recordEvents calls failed`);
    return (performance.now() - started) / 1000;
  };
  let seconds = 0;
  const folds: { ms: number; events: number }[] = [];
  try {
    // Fresh processes compile as they go: the first round, unmeasured, is theirs, and the fold after it too.
    await send();
    await fold(database);
    for (let round = 0; round < ROUNDS; round += 1) {
      seconds += await send();
      folds.push(await fold(database));
    }
  } finally {
    for (const agent of agents) agent.destroy();
    await stopProduct(api);
  }
  await database.db.execute(sql`DELETE FROM interaction_events WHERE received_at >= ${since}::timestamptz`);
  await database.db.execute(sql`DELETE FROM event_ids WHERE received_at >= ${since}::timestamptz`);
  const foldMs = median(folds.map((f) => f.ms));
  return {
    eventsPerS: Math.round((ROUNDS * calls * BATCH) / seconds),
    callsPerS: round((ROUNDS * calls) / seconds, 1),
    foldMs: Math.round(foldMs),
    foldEvents: folds[0]?.events ?? 0,
  };
}

async function fold(database: Database): Promise<{ ms: number; events: number }> {
  const started = performance.now();
  const result = await new RollupService(new RollupRepository(database.db), 0).fold();
  return { ms: Math.round(performance.now() - started), events: result.events };
}

async function main(): Promise<void> {
  const { url, database } = await seededServerDatabase('bench_events', 1);
  const world: World = {
    notes: rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM notes WHERE status = 'published'`)).map((r) => r.id),
    users: rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM users`)).map((r) => r.id),
  };
  const tokens = await viewerTokens(database, 500);
  // Whatever the seed left for the fold goes now, so each fold below folds the ingest before it.
  await fold(database);
  const ceiling = await measureCeiling(API_WORKERS, 20);
  const windowEvents = await count(database);
  await fillProfileHistory(database, world, windowEvents);
  const figures: Record<string, number> = { graphql_ceiling_rps: ceiling.rps, window_events: windowEvents };

  for (const size of SIZES) {
    const label = size >= 1e6 ? `${size / 1e6}m` : String(size);
    const grown = await growTo(database, world, size);
    const read = await trainerRead(database);
    console.log(`${label}: trainer read ${read.ms} ms (${read.rows} rows)`);
    const fed = await ingestAndFold(url, database, world, tokens);
    console.log(`${label}: ingest ${fed.eventsPerS} events/s (${fed.callsPerS} calls/s); fold ${fed.foldMs} ms (${fed.foldEvents} events)`);
    const bytes = Number(
      rowsOf<{ b: string }>(
        await database.db.execute(sql`
          SELECT sum(pg_total_relation_size(inhrelid)) AS b FROM pg_inherits WHERE inhparent = 'interaction_events'::regclass`),
      )[0]?.b ?? 0,
    );
    Object.assign(figures, {
      [`log_events_${label}`]: await count(database),
      [`log_gb_${label}`]: round(bytes / 1e9, 2),
      [`grow_seconds_${label}`]: Math.round(grown),
      [`ingest_events_per_s_${label}`]: fed.eventsPerS,
      [`ingest_calls_vs_ceiling_${label}`]: ratio(fed.callsPerS, ceiling),
      [`rollup_fold_ms_${label}`]: fed.foldMs,
      [`rollup_fold_events_${label}`]: fed.foldEvents,
      [`trainer_read_ms_${label}`]: read.ms,
      [`trainer_read_rows_${label}`]: read.rows,
    });
  }
  if (SIZES.length >= 2) {
    const [small, large] = [SIZES[0]!, SIZES.at(-1)!].map((s) => (s >= 1e6 ? `${s / 1e6}m` : String(s)));
    const growth = (figure: string) => round(figures[`${figure}_${large}`]! / figures[`${figure}_${small}`]!, 2);
    Object.assign(figures, {
      ingest_growth: growth('ingest_events_per_s'),
      rollup_fold_growth: growth('rollup_fold_ms'),
      trainer_read_growth: growth('trainer_read_ms'),
    });
  }
  await database.close();
  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  writeFileSync(path.join(__dirname, 'results', 'events.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
