import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { readdir, rm, stat, statfs } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { MIGRATIONS_FOLDER } from '../../boot';
import { attributionWindows } from '../../commerce/attribution';
import { loadConfig } from '../../core/config';
import { createServerDatabase, openDatabase, rowsOf, toPgArray, type Database } from '../../core/db';
import { createRedisClient } from '../../core/redis';
import { JOB_POLICIES } from '../../jobs/definitions';
import { runFfmpeg, SYSTEM_BINARIES } from '../../media/ffmpeg';
import { seedDatabase } from '../../seed/load';
import { percentile, round } from '../stats';
import {
  createProduct,
  field,
  gql,
  httpGet,
  signUp,
  upload,
  uploadState,
  type Account,
  type Outcome,
  type UploadState,
} from './faults-client';
import { freePort } from '../../core/redis';
import { DRILL_JWT_SECRET, FaultWorld, sleep, waitForReady, type AppProcess } from './faults-env';

// The fault drills of `npm run drill`: what the product does when one of its parts dies under load.
// Each runs against a private PostgreSQL server and Redis (faults-env.ts) with two API processes on
// two ports and two workers (one of them also the trainer), is bounded in time, and reports flat figures.

export type Figures = Record<string, number | boolean | string>;
export type Report = (figures: Figures) => void;

const SEED_SCALE = Number(process.env.DRILL_SEED_SCALE ?? 0.05);
const REDIS_PREFIX = 'drill';
/** A dead worker's jobs go back to the queue after about this long (JOB_LOCK_MS), as in test/integration/media-crash.test.ts. */
const JOB_LOCK_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** How long after Redis is back the periodic jobs get to run again: the schedule watch's minute, and two rollup periods. */
const SCHEDULES_BOUND_MS = 90_000;
const BUYERS = 8;
/** The worker is killed once the video's progress reaches this percentage. */
const KILL_AT_PROGRESS = 15;

const log = (message: string): void => console.log(`[faults ${new Date().toISOString().slice(11, 19)}] ${message}`);

const RECORD_EVENTS = `mutation($events: [EventInput!]!) { recordEvents(events: $events) {
  accepted duplicates rejected { index eventId code message } error { code message } } }`;
const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id status } error { code message } } }`;
const PAY_ORDER = `mutation($input: PayOrderInput!) { payOrder(input: $input) { order { id status } error { code message } } }`;
const TRENDING = `query { feed(kind: TRENDING, first: 20) { edges { node { id title likeCount } } pageInfo { endCursor hasNextPage } } }`;
const FOR_YOU = `query($after: String) { feed(kind: FOR_YOU, first: 20, after: $after) {
  edges { node { id title reason } } pageInfo { endCursor hasNextPage } } }`;

/** What every drill works on: the world, the product's processes, a connection for checks, and accounts. */
interface Stage {
  world: FaultWorld;
  database: Database;
  databaseUrl: string;
  env: Record<string, string>;
  apis: [AppProcess, AppProcess];
  workers: [AppProcess, AppProcess];
  buyers: Account[];
  creator: Account;
  productId: string;
  noteIds: string[];
  files: string;
}

const apiPorts = (stage: Stage): [number, number] => [stage.apis[0].port ?? 0, stage.apis[1].port ?? 0];

/**
 * Runs the five fault drills one after another, calling `report` with each one's figures as soon as it
 * has them (a drill that fails reports `<drill>_error` and the next one still runs). Every process and
 * directory it made is gone when it returns or throws.
 */
export async function runFaultDrills(report: Report): Promise<void> {
  const started = Date.now();
  const world = await FaultWorld.create();
  let stage: Stage | null = null;
  try {
    stage = await setUp(world);
    const current = stage;
    const drills: [string, number, (s: Stage) => Promise<Figures>][] = [
      ['kill_api', 150_000, killApiDrill],
      ['pg_restart', 120_000, postgresRestartDrill],
      ['worker_kill', 240_000, workerKillDrill],
      ['redis_restart', 150_000, redisRestartDrill],
      ['disk_full', 150_000, diskFullDrill],
    ];
    for (const [name, boundMs, drill] of drills) {
      const drillStart = Date.now();
      log(`drill ${name}: starting (bound ${boundMs / 1000} s)`);
      try {
        const figures = await withDeadline(drill(current), boundMs, name);
        log(`drill ${name}: ${JSON.stringify(figures)}`);
        report(figures);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`drill ${name} failed: ${message}`);
        for (const app of [...current.apis, ...current.workers]) log(`  ${app.name} log tail:\n${current.world.tail(app, 8)}`);
        report({ [`${name}_error`]: message.slice(0, 300) });
      }
      log(`drill ${name}: ${round((Date.now() - drillStart) / 1000, 1)} s`);
      await ensureRunning(current);
    }
  } finally {
    await stage?.database.close().catch(() => undefined);
    await world.cleanup();
    report({ faults_total_s: round((Date.now() - started) / 1000, 1) });
  }
}

async function withDeadline<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// The stage

async function setUp(world: FaultWorld): Promise<Stage> {
  log(`world in ${world.dir}: PostgreSQL on ${world.pgPort}, Redis on ${world.redisPort}`);
  await world.startPostgres();
  await world.startRedis();
  const databaseUrl = await createServerDatabase(world.adminUrl, 'drill');
  const database = await openDatabase({ url: databaseUrl, poolMax: 4 });
  try {
    await database.migrate(MIGRATIONS_FOLDER);
    const seeded = await seedDatabase(database, { scale: SEED_SCALE, windows: attributionWindows(loadConfig({})) });
    log(`seeded scale ${SEED_SCALE} in ${seeded.seconds.total} s (${seeded.counts.notes} notes)`);

    const files = path.join(world.dir, 'files');
    mkdirSync(files, { recursive: true });
    const [portA, portB] = [await freePort(), await freePort()];
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      JWT_SECRET: DRILL_JWT_SECRET,
      PAYMENT_PROVIDER: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: world.redisUrl,
      REDIS_PREFIX,
      DATA_DIR: path.join(world.dir, 'data'),
      MEDIA_DIR: path.join(world.dir, 'media'),
      SEED_ON_START: '0',
      LOG_LEVEL: 'warn',
      BCRYPT_ROUNDS: '4',
      HOST: '127.0.0.1',
      JOB_LOCK_MS: String(JOB_LOCK_MS),
      // The drill's own load comes from one address and a few accounts: the faults are measured, not the limits.
      RATE_LIMIT_LOGINS: '1000000',
      RATE_LIMIT_SIGNUPS: '1000000',
      RATE_LIMIT_MUTATIONS: '100000000',
      RATE_LIMIT_EVENTS: '100000000',
      RATE_LIMIT_UPLOADS: '1000000',
      MEDIA_UNATTACHED_MAX: '1000000',
    };
    const apis: [AppProcess, AppProcess] = [
      world.spawnApp('api-a', { ...env, ROLES: 'api', PORT: String(portA) }),
      world.spawnApp('api-b', { ...env, ROLES: 'api', PORT: String(portB) }),
    ];
    const workers: [AppProcess, AppProcess] = [
      world.spawnApp('worker-a', { ...env, ROLES: 'worker,trainer' }),
      world.spawnApp('worker-b', { ...env, ROLES: 'worker' }),
    ];
    await Promise.all(apis.map((api) => waitForReady(`http://127.0.0.1:${api.port}/readyz`, 90_000, () => world.isAlive(api))));
    log(`api-a on ${portA}, api-b on ${portB}, worker pids ${workers.map((w) => w.child.pid).join(', ')}`);

    const buyers = await Promise.all(
      Array.from({ length: BUYERS }, (_, i) => signUp(i % 2 ? portB : portA, 'VIEWER', 'buyer', { interests: ['beauty', 'food'] })),
    );
    const brand = await signUp(portA, 'BRAND', 'brand');
    const creator = await signUp(portB, 'CREATOR', 'creator');
    const productId = await createProduct(portA, brand, 10_000_000);
    const noteIds = rowsOf<{ id: string }>(
      await database.db.execute(sql`SELECT id FROM notes WHERE status = 'published' ORDER BY id LIMIT 300`),
    ).map((r) => r.id);
    if (noteIds.length === 0) throw new Error('the seeded world has no published notes');
    // The trainer trains once on start; the drills begin after, so it does not share their CPU.
    await waitFor(async () => (await count(database, sql`SELECT count(*)::int AS n FROM model_versions`)) > 0, 60_000, 500).catch(() =>
      log('no model trained within 60 s: going on without one'),
    );
    return { world, database, databaseUrl, env, apis, workers, buyers, creator, productId, noteIds, files };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Restarts any product process that is not running (after a drill that failed midway), and waits until the APIs answer. */
async function ensureRunning(stage: Stage): Promise<void> {
  for (const [i, api] of stage.apis.entries()) {
    if (!stage.world.isAlive(api)) {
      log(`${api.name} was not running: starting it again`);
      stage.apis[i] = stage.world.respawn(api);
    }
  }
  for (const [i, worker] of stage.workers.entries()) {
    if (!stage.world.isAlive(worker)) {
      log(`${worker.name} was not running: starting it again`);
      stage.workers[i] = stage.world.respawn(worker);
    }
  }
  if (!(await stage.world.redisAnswers())) await stage.world.startRedis().catch(() => undefined);
  await Promise.all(stage.apis.map((api) => waitForReady(`http://127.0.0.1:${api.port}/readyz`, 60_000).catch(() => undefined)));
}

async function count(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  return rowsOf<{ n: number }>(await database.db.execute(query))[0]?.n ?? 0;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------
// Clients that retry what was not acknowledged, and a ledger of what was

/** What clients were told was stored, and every attempt they made. */
class Ledger {
  readonly events = new Set<string>();
  /** Checkout idempotency key → the acknowledged order. */
  readonly orders = new Map<string, { orderId: string; buyerId: string }>();
  readonly paid = new Set<string>();
  readonly attempts: Outcome[] = [];
  /** Answers that refused the operation itself (a UserError, a rejected event): not retried. */
  readonly refusals = new Map<string, number>();
  failedAttempts = 0;
  /** Operations still not acknowledged when the retry deadline passed. */
  abandoned = 0;

  refuse(code: string): void {
    this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
  }
}

interface Attempt<T> {
  outcome: Outcome;
  acked: T | null;
  /** The server answered and refused: retrying would not change its mind. */
  final?: boolean;
}

/** Sends until acknowledged, on the other API process after each failure, until `deadline`. */
async function untilAcked<T>(
  ledger: Ledger,
  ports: readonly [number, number],
  first: number,
  deadline: () => number,
  attempt: (port: number) => Promise<Attempt<T>>,
): Promise<T | null> {
  let port = first;
  for (let wait = 100; ; wait = Math.min(1_000, wait * 2)) {
    const { outcome, acked, final } = await attempt(port);
    ledger.attempts.push(outcome);
    if (acked !== null) return acked;
    if (final) return null;
    ledger.failedAttempts += 1;
    if (Date.now() > deadline()) {
      ledger.abandoned += 1;
      return null;
    }
    port = port === ports[0] ? ports[1] : ports[0];
    await sleep(wait);
  }
}

interface RecordEventsPayload {
  accepted: number;
  duplicates: number;
  rejected: { index: number; eventId: string | null; code: string }[];
  error: { code: string } | null;
}

/** One batch of new impressions and views with client-made ids, sent until acknowledged. */
async function recordBatch(
  stage: Stage,
  ledger: Ledger,
  buyer: Account,
  size: number,
  port: number,
  deadline: () => number,
  agent: http.Agent,
): Promise<void> {
  const events = Array.from({ length: size }, () => {
    const view = Math.random() < 0.5;
    return {
      eventId: randomUUID(),
      type: view ? 'VIEW' : 'IMPRESSION',
      noteId: stage.noteIds[Math.floor(Math.random() * stage.noteIds.length)],
      ...(view ? { value: round(Math.random() * 12, 2) } : {}),
    };
  });
  await untilAcked(ledger, apiPorts(stage), port, deadline, async (p) => {
    const outcome = await gql(p, RECORD_EVENTS, { events }, { token: buyer.token, agent, timeoutMs: REQUEST_TIMEOUT_MS });
    const payload = field<RecordEventsPayload>(outcome, 'recordEvents');
    if (!outcome.ok || !payload) return { outcome, acked: null };
    if (payload.error) {
      ledger.refuse(`recordEvents:${payload.error.code}`);
      return { outcome, acked: null, final: true };
    }
    const rejected = new Set(payload.rejected.map((r) => r.index));
    for (const r of payload.rejected) ledger.refuse(`event:${r.code}`);
    if (payload.accepted + payload.duplicates + rejected.size !== size) return { outcome, acked: null };
    events.forEach((e, i) => {
      if (!rejected.has(i)) ledger.events.add(e.eventId);
    });
    return { outcome, acked: true };
  });
}

/** A checkout with an idempotency key, then its payment, each sent until acknowledged. */
async function checkoutAndPay(
  stage: Stage,
  ledger: Ledger,
  buyer: Account,
  port: number,
  deadline: () => number,
  agent: http.Agent,
): Promise<void> {
  const key = randomUUID();
  const ports = apiPorts(stage);
  const orderId = await untilAcked(ledger, ports, port, deadline, async (p) => {
    const outcome = await gql(
      p,
      CHECKOUT,
      { input: { productId: stage.productId, quantity: 1, idempotencyKey: key } },
      { token: buyer.token, agent, timeoutMs: REQUEST_TIMEOUT_MS },
    );
    const payload = field<{ order: { id: string } | null; error: { code: string } | null }>(outcome, 'checkout');
    if (!outcome.ok || !payload) return { outcome, acked: null };
    if (payload.error || !payload.order) {
      ledger.refuse(`checkout:${payload.error?.code ?? 'no order'}`);
      return { outcome, acked: null, final: true };
    }
    return { outcome, acked: payload.order.id };
  });
  if (orderId === null) return;
  ledger.orders.set(key, { orderId, buyerId: buyer.id });
  const paid = await untilAcked(ledger, ports, port === ports[0] ? ports[1] : ports[0], deadline, async (p) => {
    const outcome = await gql(
      p,
      PAY_ORDER,
      { input: { orderId, method: 'test_card' } },
      { token: buyer.token, agent, timeoutMs: REQUEST_TIMEOUT_MS },
    );
    const payload = field<{ order: { status: string } | null; error: { code: string } | null }>(outcome, 'payOrder');
    if (!outcome.ok || !payload) return { outcome, acked: null };
    if (payload.error) {
      ledger.refuse(`payOrder:${payload.error.code}`);
      return { outcome, acked: null, final: true };
    }
    return { outcome, acked: payload.order?.status === 'PAID' ? true : null };
  });
  if (paid) ledger.paid.add(orderId);
}

/** How many acknowledged events and orders the database does not hold, and how many logical ones it holds twice. */
async function audit(stage: Stage, ledger: Ledger): Promise<Figures> {
  const ids = [...ledger.events];
  const stored = rowsOf<{ n: number; uniq: number }>(
    await stage.database.db.execute(
      sql`SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS uniq FROM interaction_events WHERE event_id = ANY(${toPgArray(ids)}::uuid[])`,
    ),
  )[0] ?? { n: 0, uniq: 0 };
  const orders = rowsOf<{ id: string; external_id: string; status: string }>(
    await stage.database.db.execute(
      sql`SELECT id, external_id, status FROM orders WHERE product_id = ${stage.productId} AND source = 'checkout'`,
    ),
  );
  const byExternal = new Map<string, { id: string; status: string }[]>();
  for (const o of orders) byExternal.set(o.external_id, [...(byExternal.get(o.external_id) ?? []), o]);
  let lostOrders = 0;
  let lostPayments = 0;
  for (const [key, acked] of ledger.orders) {
    const rows = byExternal.get(`${acked.buyerId}:${key}`) ?? [];
    const row = rows.find((r) => r.id === acked.orderId);
    if (!row) lostOrders += 1;
    else if (ledger.paid.has(acked.orderId) && row.status !== 'paid') lostPayments += 1;
  }
  const paidRows = orders.filter((o) => o.status === 'paid').length;
  const purchases = await count(
    stage.database,
    sql`SELECT count(*)::int AS n FROM interaction_events WHERE type = 'purchase' AND product_id = ${stage.productId}`,
  );
  const duplicateOrders = orders.length - byExternal.size;
  const duplicateEvents = stored.n - stored.uniq;
  const duplicatePurchases = Math.max(0, purchases - paidRows);
  return {
    events_acked: ids.length,
    orders_acked: ledger.orders.size,
    payments_acked: ledger.paid.size,
    lost_events: ids.length - stored.uniq,
    lost_orders: lostOrders,
    lost_payments: lostPayments,
    duplicate_events: duplicateEvents,
    duplicate_orders: duplicateOrders,
    duplicate_purchase_events: duplicatePurchases,
    orders_stored: orders.length,
  };
}

// ---------------------------------------------------------------------------------------------
// 1. kill -9 of an API process during a burst of writes

async function killApiDrill(stage: Stage): Promise<Figures> {
  const ledger = new Ledger();
  const ports = apiPorts(stage);
  let stopping = false;
  let drainUntil = Number.POSITIVE_INFINITY;
  const deadline = (): number => drainUntil;
  const clients = stage.buyers.map(async (buyer, i) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    try {
      for (let k = 0; !stopping; k += 1) {
        const port = ports[(i + k) % 2] as number;
        // Batches and orders in turn, batches of up to the 500 events a call may carry.
        if (k % 2 === 1) await checkoutAndPay(stage, ledger, buyer, port, deadline, agent);
        else await recordBatch(stage, ledger, buyer, [100, 250, 500][(k / 2) % 3] as number, port, deadline, agent);
      }
    } finally {
      agent.destroy();
    }
  });

  const start = Date.now();
  await sleep(5_000);
  const [victim, worker] = [stage.apis[0], stage.workers[1]];
  const killedAt = Date.now();
  await Promise.all([stage.world.kill9(victim), stage.world.kill9(worker)]);
  const markAtKill = await rollupWatermark(stage.database);
  log(
    `kill -9 ${victim.name} (pid ${victim.child.pid}) and ${worker.name} (pid ${worker.child.pid}) with ${ledger.events.size} events and ${ledger.orders.size} orders acknowledged`,
  );
  const restarted = stage.world.respawn(victim);
  stage.apis[0] = restarted;
  await waitForReady(`http://127.0.0.1:${restarted.port}/readyz`, 90_000, () => stage.world.isAlive(restarted));
  const readyAt = Date.now();
  log(`${victim.name} restarted, ready after ${round((readyAt - killedAt) / 1000, 1)} s`);
  // The other worker carries on alone: the events taken meanwhile are folded into the rollups before the
  // killed one is back (two rollup periods and the stalled-job lock are ample).
  const jobsWentOn = await waitFor(async () => (await rollupWatermark(stage.database)) > markAtKill, 30_000).then(
    () => true,
    () => false,
  );
  const workerDownS = round((Date.now() - killedAt) / 1000, 1);
  stage.workers[1] = stage.world.respawn(worker);
  log(`${worker.name} restarted after ${workerDownS} s; the rollup ${jobsWentOn ? 'advanced' : 'did not advance'} without it`);
  await sleep(Math.max(5_000, start + 20_000 - Date.now()));
  stopping = true;
  drainUntil = Date.now() + 30_000;
  await Promise.all(clients);

  const audited = await audit(stage, ledger);
  const failedDuring = ledger.attempts.filter((o) => !o.ok && o.end >= killedAt).length;
  const ackedByRestarted = ledger.attempts.filter((o) => o.ok && o.port === restarted.port && o.start >= readyAt).length;
  return {
    acked_lost: Number(audited.lost_events) + Number(audited.lost_orders) + Number(audited.lost_payments),
    duplicates: Number(audited.duplicate_events) + Number(audited.duplicate_orders) + Number(audited.duplicate_purchase_events),
    kill_events_acked: audited.events_acked as number,
    kill_orders_acked: audited.orders_acked as number,
    kill_payments_acked: audited.payments_acked as number,
    kill_lost_events: audited.lost_events as number,
    kill_lost_orders: audited.lost_orders as number,
    kill_lost_payments: audited.lost_payments as number,
    kill_duplicate_orders: audited.duplicate_orders as number,
    kill_duplicate_purchase_events: audited.duplicate_purchase_events as number,
    kill_requests: ledger.attempts.length,
    kill_failed_attempts: ledger.failedAttempts,
    kill_failed_after_kill: failedDuring,
    kill_unacked_at_deadline: ledger.abandoned,
    kill_failures: failureSummary(ledger.attempts),
    kill_request_p50_ms: percentile(
      ledger.attempts.map((o) => o.end - o.start),
      0.5,
    ),
    kill_refusals: [...ledger.refusals].map(([code, n]) => `${code}×${n}`).join(' ') || 'none',
    kill_restart_ready_s: round((readyAt - killedAt) / 1000, 1),
    kill_acked_by_restarted: ackedByRestarted,
    kill_worker_jobs_went_on: jobsWentOn,
    kill_worker_down_s: workerDownS,
  };
}

// ---------------------------------------------------------------------------------------------
// Feed load and how quickly it recovers

interface FeedOutcome extends Outcome {
  kind: 'trending' | 'for_you' | 'write';
}

/** Closed-loop feed readers (anonymous TRENDING, signed-in FOR_YOU following its cursors) until `stop()`. */
function feedLoad(stage: Stage, readers: { trending: number; forYou: number }, stop: () => boolean, out: FeedOutcome[]): Promise<void>[] {
  const ports = apiPorts(stage);
  const loops: Promise<void>[] = [];
  for (let i = 0; i < readers.trending; i += 1) {
    loops.push(
      (async () => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        for (let k = i; !stop(); k += 1) {
          out.push({ ...(await gql(ports[k % 2] as number, TRENDING, {}, { agent, timeoutMs: REQUEST_TIMEOUT_MS })), kind: 'trending' });
          await sleep(20);
        }
        agent.destroy();
      })(),
    );
  }
  for (let i = 0; i < readers.forYou; i += 1) {
    const viewer = stage.buyers[i % stage.buyers.length] as Account;
    loops.push(
      (async () => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        let after: string | null = null;
        for (let k = i; !stop(); k += 1) {
          const outcome = await gql(
            ports[k % 2] as number,
            FOR_YOU,
            { after },
            { token: viewer.token, agent, timeoutMs: REQUEST_TIMEOUT_MS },
          );
          out.push({ ...outcome, kind: 'for_you' });
          const page = field<{ pageInfo: { endCursor: string | null; hasNextPage: boolean } }>(outcome, 'feed');
          // A scroll of three pages, then a new session; a failure starts a new one too.
          after = outcome.ok && page?.pageInfo.hasNextPage && k % 3 !== 2 ? page.pageInfo.endCursor : null;
          await sleep(20);
        }
        agent.destroy();
      })(),
    );
  }
  return loops;
}

/**
 * Seconds from `backAt` (the failed part answering again) until requests succeed again: the end of
 * the last failed request after it, when a success follows; `recovered` is false when failures go on
 * to the end of the window.
 */
function recovery(outcomes: readonly Outcome[], backAt: number, windowEnd: number): { seconds: number; recovered: boolean } {
  const late = outcomes.filter((o) => !o.ok && o.end > backAt);
  if (late.length === 0) return { seconds: 0, recovered: true };
  const lastFailure = Math.max(...late.map((o) => o.end));
  const recovered = lastFailure < windowEnd - 2_000 && outcomes.some((o) => o.ok && o.start >= lastFailure);
  return { seconds: round((lastFailure - backAt) / 1000, 2), recovered };
}

function failureSummary(outcomes: readonly Outcome[]): string {
  const byFailure = new Map<string, number>();
  for (const o of outcomes) if (!o.ok) byFailure.set(`${o.status}:${o.failure}`, (byFailure.get(`${o.status}:${o.failure}`) ?? 0) + 1);
  return [...byFailure].map(([k, n]) => `${k}×${n}`).join(' ') || 'none';
}

// ---------------------------------------------------------------------------------------------
// 2. Redis killed and started again empty during feed load

async function redisRestartDrill(stage: Stage): Promise<Figures> {
  const redisClient = createRedisClient(stage.world.redisUrl);
  redisClient.on('error', () => undefined);
  const schedulers = async (): Promise<number> => {
    let total = 0;
    for (const queue of new Set(Object.values(JOB_POLICIES).flatMap((p) => (p.everyMs ? [p.queue] : [])))) {
      total += await redisClient.zcard(`${REDIS_PREFIX}:${queue}:repeat`);
    }
    return total;
  };
  try {
    const outcomes: FeedOutcome[] = [];
    let stop = false;
    const loops = feedLoad(stage, { trending: 3, forYou: 3 }, () => stop, outcomes);
    await sleep(4_000);
    const schedulersBefore = await schedulers();
    const downAt = Date.now();
    await stage.world.killRedis();
    log('Redis killed (SIGKILL)');
    await sleep(4_000);
    await stage.world.startRedis();
    const backAt = Date.now();
    log(`Redis started again, empty, after ${round((backAt - downAt) / 1000, 1)} s`);

    // Are the periodic jobs running again? Each process re-registers vanished schedules within a minute
    // (jobs/runtime.ts), and the analytics rollup's watermark then moves on each run (every 10 s). One fold
    // already under way when Redis died may still commit after: periodic runs move it twice or more.
    const schedulesBack = (async () => {
      const advances: number[] = [];
      let registeredAt: number | null = null;
      let last = await rollupWatermark(stage.database);
      for (const end = backAt + SCHEDULES_BOUND_MS; Date.now() < end && advances.length < 2;) {
        await sleep(1_000);
        if (registeredAt === null && (await schedulers().catch(() => 0)) > 0) registeredAt = Date.now() - backAt;
        const now = await rollupWatermark(stage.database).catch(() => last);
        if (now > last) advances.push(Date.now() - backAt);
        last = now;
      }
      return { advances, registeredAt };
    })();
    // Do jobs sent after the restart still run? An image upload goes through the media queue.
    const mediaBack = (async () => {
      await sleep(2_000);
      const image = await makeImage(stage.files, 'after-redis.jpg', 800, 600);
      const answer = await upload(apiPorts(stage)[1], stage.creator.token, image);
      if (answer.status !== 201 || !answer.json?.id) return `upload answered ${answer.status}`;
      const state = await settled(stage, answer.json.id, 40_000);
      return state?.status ?? 'unknown';
    })();

    await sleep(15_000);
    stop = true;
    const windowEnd = Date.now();
    await Promise.all(loops);
    const [{ advances, registeredAt }, mediaAfter] = await Promise.all([schedulesBack, mediaBack]);
    const schedulersAfter = await schedulers();

    const during = outcomes.filter((o) => o.start >= downAt && o.start < backAt);
    const failedDuring = during.filter((o) => !o.ok);
    const afterBack = outcomes.filter((o) => o.start >= backAt);
    const { seconds, recovered } = recovery(outcomes, backAt, windowEnd);
    return {
      redis_recovery_s: seconds,
      redis_recovered: recovered,
      redis_5xx_during: failedDuring.length,
      redis_http_5xx_during: failedDuring.filter((o) => o.status >= 500).length,
      redis_requests_during: during.length,
      redis_failed_during_trending: failedDuring.filter((o) => o.kind === 'trending').length,
      redis_failed_during_for_you: failedDuring.filter((o) => o.kind === 'for_you').length,
      redis_requests_during_for_you: during.filter((o) => o.kind === 'for_you').length,
      redis_failures_during: failureSummary(during),
      redis_failed_after_back: afterBack.filter((o) => !o.ok).length,
      redis_requests_after_back: afterBack.length,
      redis_down_s: round((backAt - downAt) / 1000, 1),
      // Periodic: the watermark moved at least twice after Redis came back (a straggler moves it once at most).
      schedules_after_redis_restart: advances.length >= 2,
      redis_schedules_registered_after_s: registeredAt === null ? -1 : round(registeredAt / 1000, 1),
      redis_rollup_advances_s: advances.map((ms) => round(ms / 1000, 1)).join(' ') || 'none',
      redis_job_schedulers_before: schedulersBefore,
      redis_job_schedulers_after: schedulersAfter,
      redis_media_job_after_restart: mediaAfter,
    };
  } finally {
    redisClient.disconnect();
  }
}

async function rollupWatermark(database: Database): Promise<number> {
  const [row] = rowsOf<{ ms: number | string | null }>(
    await database.db.execute(sql`SELECT extract(epoch FROM max(upto)) * 1000 AS ms FROM rollup_watermarks WHERE source = 'events'`),
  );
  return Number(row?.ms ?? 0);
}

// ---------------------------------------------------------------------------------------------
// 3. PostgreSQL stopped (immediate) and started again during load with writes

async function postgresRestartDrill(stage: Stage): Promise<Figures> {
  const ledger = new Ledger();
  const ports = apiPorts(stage);
  const reads: FeedOutcome[] = [];
  let stop = false;
  let drainUntil = Number.POSITIVE_INFINITY;
  const deadline = (): number => drainUntil;
  const writers = stage.buyers.slice(0, 4).map(async (buyer, i) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    for (let k = 0; !stop; k += 1) {
      const port = ports[(i + k) % 2] as number;
      if (k % 5 === 4) await checkoutAndPay(stage, ledger, buyer, port, deadline, agent);
      else await recordBatch(stage, ledger, buyer, 100, port, deadline, agent);
      await sleep(20);
    }
    agent.destroy();
  });
  const readers = feedLoad(stage, { trending: 2, forYou: 0 }, () => stop, reads);
  const processes = [...stage.apis, ...stage.workers];

  await sleep(4_000);
  const downAt = Date.now();
  await stage.world.stopPostgresImmediately();
  log('PostgreSQL stopped (-m immediate)');
  await sleep(3_000);
  await stage.world.restartPostgres();
  const backAt = Date.now();
  log(`PostgreSQL accepting connections again after ${round((backAt - downAt) / 1000, 1)} s`);
  await sleep(12_000);
  stop = true;
  const windowEnd = Date.now();
  drainUntil = Date.now() + 30_000;
  await Promise.all([...writers, ...readers]);

  const all = [...ledger.attempts, ...reads];
  const { seconds, recovered } = recovery(all, backAt, windowEnd);
  const audited = await audit(stage, ledger);
  const alive = processes.every((p) => stage.world.isAlive(p));
  const ready = await Promise.all(ports.map((port) => httpGet(port, '/readyz').then((r) => r.status === 200)));
  const during = all.filter((o) => o.start >= downAt && o.start < backAt);
  return {
    pg_recovery_s: seconds,
    pg_recovered: recovered,
    pg_processes_alive: alive,
    pg_apis_ready_after: ready.every(Boolean),
    pg_acked_lost: Number(audited.lost_events) + Number(audited.lost_orders) + Number(audited.lost_payments),
    pg_duplicates: Number(audited.duplicate_events) + Number(audited.duplicate_orders) + Number(audited.duplicate_purchase_events),
    pg_events_acked: audited.events_acked as number,
    pg_orders_acked: audited.orders_acked as number,
    pg_failed_during: during.filter((o) => !o.ok).length,
    pg_requests_during: during.length,
    pg_failures_during: failureSummary(during),
    pg_failed_after_back: all.filter((o) => o.start >= backAt && !o.ok).length,
    pg_unacked_at_deadline: ledger.abandoned,
    pg_down_s: round((backAt - downAt) / 1000, 1),
  };
}

// ---------------------------------------------------------------------------------------------
// 4. kill -9 of the worker in the middle of a transcode

async function workerKillDrill(stage: Stage): Promise<Figures> {
  const video = path.join(stage.files, 'drill-720p.mp4');
  await runFfmpeg(
    [
      ...['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=1280x720:rate=30', '-f', 'lavfi', '-i', 'sine'],
      ...['-t', '20', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', video],
    ],
    { bin: SYSTEM_BINARIES, timeoutMs: 120_000 },
  );
  const port = apiPorts(stage)[1];
  const answer = await upload(port, stage.creator.token, video);
  if (answer.status !== 201 || !answer.json?.id)
    throw new Error(`the video upload answered ${answer.status} ${JSON.stringify(answer.json)}`);
  const id = answer.json.id;
  const uploadedAt = Date.now();

  let done = false;
  const watch = watchPlaylists(stage, port, id, () => done);
  try {
    let state: UploadState | null = null;
    await waitFor(
      async () => {
        state = await uploadState(port, stage.creator.token, id);
        // Well into the transcode: the first rungs are being encoded.
        return state !== null && (state.status !== 'PROCESSING' || state.progress >= KILL_AT_PROGRESS);
      },
      120_000,
      200,
    );
    const before = state as UploadState | null;
    if (before?.status !== 'PROCESSING') throw new Error(`the video was ${before?.status} before the worker could be killed`);
    // Both workers, each encoding a rung by now: the jobs must come back from Redis, not from a survivor.
    const killedAt = Date.now();
    await Promise.all(stage.workers.map((worker) => stage.world.kill9(worker)));
    log(
      `kill -9 both workers (pids ${stage.workers.map((w) => w.child.pid).join(', ')}) at ${before.progress}% of the transcode, ${round((killedAt - uploadedAt) / 1000, 1)} s in`,
    );
    const interrupted = await uploadState(port, stage.creator.token, id);
    stage.workers = [stage.world.respawn(stage.workers[0]), stage.world.respawn(stage.workers[1])];
    const final = await settled(stage, id, 180_000);
    const readyAt = Date.now();
    done = true;
    const watched = await watch;
    const complete = final?.status === 'READY' ? await playlistComplete(port, final.playlistUrl) : false;
    return {
      transcode_recovered: final?.status === 'READY',
      transcode_final_status: final?.status ?? 'unknown',
      half_playlist_served: watched.halfServed,
      master_playlist_before_ready: watched.masterBeforeReady,
      rung_playlists_before_ready: watched.rungsBeforeReady,
      transcode_progress_at_kill: before.progress,
      transcode_status_after_kill: interrupted?.status ?? 'unknown',
      transcode_recovery_s: round((readyAt - killedAt) / 1000, 1),
      transcode_ready_playlist_complete: complete,
      transcode_renditions: final?.renditions.length ?? 0,
    };
  } finally {
    done = true;
    await watch.catch(() => undefined);
  }
}

/**
 * Polls the master playlist and every rung's playlist of a video until `done()`: whether any was
 * served incomplete (a rung without its end tag, a segment or rung it names missing) and whether
 * any was served while the upload was still processing.
 */
async function watchPlaylists(
  stage: Stage,
  port: number,
  id: string,
  done: () => boolean,
): Promise<{ halfServed: boolean; masterBeforeReady: boolean; rungsBeforeReady: number }> {
  let halfServed = false;
  let masterBeforeReady = false;
  const rungsBeforeReady = new Set<string>();
  const base = `/media/videos/${id}`;
  while (!done()) {
    const master = await httpGet(port, `${base}/master.m3u8`);
    if (master.status === 200) {
      const state = await uploadState(port, stage.creator.token, id);
      if (state?.status !== 'READY') masterBeforeReady = true;
      for (const line of master.text.split('\n').filter((l) => l.endsWith('.m3u8'))) {
        if (!(await rungComplete(port, `${base}/${line.trim()}`))) halfServed = true;
      }
    }
    for (const rung of ['1080p', '720p', '480p', '360p']) {
      const playlist = await httpGet(port, `${base}/${rung}/index.m3u8`, 'HEAD');
      if (playlist.status !== 200) continue;
      const state = await uploadState(port, stage.creator.token, id);
      if (state?.status !== 'READY') rungsBeforeReady.add(rung);
      if (!(await rungComplete(port, `${base}/${rung}/index.m3u8`))) halfServed = true;
    }
    await sleep(300);
  }
  return { halfServed, masterBeforeReady, rungsBeforeReady: rungsBeforeReady.size };
}

/** A rung's playlist is served whole: it ends with #EXT-X-ENDLIST and every segment it names is served. */
async function rungComplete(port: number, playlistPath: string): Promise<boolean> {
  const playlist = await httpGet(port, playlistPath);
  if (playlist.status !== 200 || !playlist.text.includes('#EXT-X-ENDLIST')) return false;
  const dir = playlistPath.slice(0, playlistPath.lastIndexOf('/'));
  for (const segment of playlist.text.split('\n').filter((l) => l.trim().endsWith('.ts'))) {
    if ((await httpGet(port, `${dir}/${segment.trim()}`, 'HEAD')).status !== 200) return false;
  }
  return true;
}

async function playlistComplete(port: number, masterUrl: string | null): Promise<boolean> {
  if (!masterUrl) return false;
  const masterPath = new URL(masterUrl, 'http://localhost').pathname;
  const master = await httpGet(port, masterPath);
  if (master.status !== 200) return false;
  const dir = masterPath.slice(0, masterPath.lastIndexOf('/'));
  const rungs = master.text.split('\n').filter((l) => l.trim().endsWith('.m3u8'));
  if (rungs.length === 0) return false;
  for (const rung of rungs) if (!(await rungComplete(port, `${dir}/${rung.trim()}`))) return false;
  return true;
}

/** Polls an upload until it is no longer processing, or `timeoutMs` passes; its last known state. */
async function settled(stage: Stage, id: string, timeoutMs: number, port = apiPorts(stage)[1]): Promise<UploadState | null> {
  let last: UploadState | null = null;
  await waitFor(
    async () => {
      last = (await uploadState(port, stage.creator.token, id)) ?? last;
      return last !== null && last.status !== 'PROCESSING';
    },
    timeoutMs,
    500,
  ).catch(() => undefined);
  return last;
}

// ---------------------------------------------------------------------------------------------
// 5. The media disk full

async function diskFullDrill(stage: Stage): Promise<Figures> {
  let mediaDir: string;
  try {
    mediaDir = stage.world.mountTmpfs('media-full', 30);
  } catch (error) {
    return { disk_full: `not possible here: ${(error as Error).message}` };
  }
  // Its own api+worker process on the small disk, with its own queues, so the main worker never takes its jobs.
  const port = await freePort();
  const app = stage.world.spawnApp('disk', {
    ...stage.env,
    ROLES: 'api,worker',
    PORT: String(port),
    MEDIA_DIR: mediaDir,
    DATA_DIR: path.join(stage.world.dir, 'data-disk'),
    REDIS_PREFIX: `${REDIS_PREFIX}-disk`,
  });
  try {
    await waitForReady(`http://127.0.0.1:${port}/readyz`, 90_000, () => stage.world.isAlive(app));
    const image = await makeImage(stage.files, 'disk-full.jpg', 2400, 1800);
    const imageBytes = (await stat(image)).size;
    const filler = path.join(mediaDir, 'filler.bin');

    // a) Not a byte left: the upload itself cannot be written.
    await fill(filler, 0);
    const full = await upload(port, stage.creator.token, image, 60_000);
    log(`disk full: upload answered ${full.status} ${JSON.stringify(full.json)} in ${full.ms} ms`);
    const incomingLeft = await countFiles(path.join(mediaDir, '.incoming'));

    // b) Room for the upload, not for what the worker makes of it.
    await rm(filler, { force: true });
    await fill(filler, imageBytes + 128 * 1024);
    const tight = await upload(port, stage.creator.token, image, 60_000);
    const tightState = tight.status === 201 && tight.json?.id ? await settled(stage, tight.json.id, 60_000, port) : null;
    log(
      `disk nearly full: upload answered ${tight.status}, then ${tightState?.status ?? 'nothing'} ${JSON.stringify(tightState?.failure)}`,
    );
    const halfServed = await unreadyObjectsServed(stage, port, mediaDir, imageBytes);

    // c) Space again: the same upload goes through.
    await rm(filler, { force: true });
    const after = await upload(port, stage.creator.token, image, 60_000);
    const afterState = after.status === 201 && after.json?.id ? await settled(stage, after.json.id, 60_000, port) : null;

    const clear = (answer: typeof full): boolean =>
      answer.status >= 400 &&
      answer.status !== 500 &&
      answer.status < 600 &&
      typeof answer.json?.error?.code === 'string' &&
      answer.ms < 30_000;
    return {
      disk_full_refused_clearly: clear(full),
      disk_full_status: full.status,
      disk_full_code: full.json?.error ? `${full.json.error.code ?? ''} ${full.json.error.reason ?? ''}`.trim() : (full.failure ?? 'none'),
      disk_full_message: full.json?.error?.message ?? '',
      disk_full_answer_ms: full.ms,
      disk_full_incoming_left: incomingLeft,
      disk_tight_upload_status: tight.status,
      disk_tight_outcome: tightState ? `${tightState.status}${tightState.failure ? `: ${tightState.failure.reason}` : ''}` : 'none',
      disk_full_half_written_served: halfServed,
      disk_full_recovered: after.status === 201 && afterState?.status === 'READY',
    };
  } finally {
    await stage.world.stopApp(app);
  }
}

/** Writes zeros to `file` until the filesystem has at most `leaveBytes` free (0: until it refuses a byte more). */
async function fill(file: string, leaveBytes: number): Promise<void> {
  const info = await statfs(path.dirname(file));
  const free = info.bavail * info.bsize;
  const target = leaveBytes === 0 ? Number.POSITIVE_INFINITY : Math.max(0, free - leaveBytes);
  const out = createWriteStream(file, { flags: 'a' });
  const chunk = Buffer.alloc(1024 * 1024);
  let written = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      out.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOSPC' ? resolve() : reject(error)));
      const next = (): void => {
        if (written >= target) {
          out.end(() => resolve());
          return;
        }
        const piece = target === Number.POSITIVE_INFINITY ? chunk : chunk.subarray(0, Math.min(chunk.length, target - written));
        written += piece.length;
        if (out.write(piece)) setImmediate(next);
        else out.once('drain', next);
      };
      next();
    });
  } finally {
    out.destroy();
  }
  if (leaveBytes === 0) {
    // The last megabyte did not fit whole: top up with small pieces until not one more fits.
    const small = createWriteStream(file, { flags: 'a' });
    await new Promise<void>((resolve) => {
      small.on('error', () => resolve());
      const more = (): void => {
        if (small.write(Buffer.alloc(4096))) setImmediate(more);
        else small.once('drain', more);
      };
      more();
    });
    small.destroy();
  }
}

async function countFiles(dir: string): Promise<number> {
  return (await readdir(dir).catch(() => [] as string[])).length;
}

/**
 * Whether the API serves any object of a media item that is not ready (a variant written before the
 * disk ran out). An original of the upload's exact size is whole, and is not counted.
 */
async function unreadyObjectsServed(stage: Stage, port: number, mediaDir: string, originalBytes: number): Promise<boolean> {
  const keys: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.name.startsWith('.') || entry.name === 'filler.bin') continue;
      const key = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), key);
      else keys.push(key);
    }
  };
  await walk(mediaDir, '');
  const ids = [...new Set(keys.map((k) => k.split('/')[1]).filter((id): id is string => id !== undefined))];
  const statuses = new Map(
    rowsOf<{ id: string; status: string }>(
      await stage.database.db.execute(sql`SELECT id, status FROM media WHERE id = ANY(${toPgArray(ids)}::uuid[])`),
    ).map((r) => [r.id, r.status]),
  );
  for (const key of keys) {
    const id = key.split('/')[1] ?? '';
    if (statuses.get(id) === 'ready') continue;
    const served = await httpGet(port, `/media/${key}`, 'HEAD');
    if (served.status !== 200) continue;
    if (key.startsWith('originals/') && (await stat(path.join(mediaDir, key))).size === originalBytes) continue;
    log(`served while its media is ${statuses.get(id) ?? 'unknown'}: /media/${key}`);
    return true;
  }
  return false;
}

/** A noisy JPEG (no cache or encoder shortcut helps), `width`×`height`. */
async function makeImage(dir: string, name: string, width: number, height: number): Promise<string> {
  const file = path.join(dir, name);
  const noise = await sharp({
    create: {
      width: Math.ceil(width / 4),
      height: Math.ceil(height / 4),
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 50 },
    },
  })
    .png()
    .toBuffer();
  await sharp(noise).resize(width, height, { kernel: 'cubic' }).jpeg({ quality: 92 }).toFile(file);
  return file;
}
