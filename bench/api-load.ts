import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { AccessTokens } from '../accounts/tokens';
import { attributionWindows } from '../commerce/attribution';
import { loadConfig } from '../core/config';
import { MIGRATIONS_FOLDER } from '../boot';
import { createServerDatabase, openDatabase, rowsOf, type Database } from '../core/db';
import { terminalProgress } from '../core/progress';
import { seedDatabase } from '../seed/load';
import { spawnProduct, stopProduct, waitForReady } from './product-process';
import { percentile, round } from './stats';

// What the API benchmarks share: a seeded database on the PostgreSQL server, tokens for its viewers,
// and an autocannon load of one GraphQL query.
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const JWT_SECRET = 'bench-secret-0123456789abcdef';
const CONNECTIONS = 32;
const BENCH_TOKENS = new AccessTokens(JWT_SECRET, 3600);

export const FEED = `query Feed { feed(first: 20) { edges { node { id title kind likeCount collectCount viewerHasLiked
  author { id handle displayName avatarUrl } media { url width height }
  productTags { product { id title price { formatted } } } } } pageInfo { hasNextPage endCursor } } }`;

/** A fresh database `name` on the server, migrated and seeded at `scale`; returns its URL, the open database and the seeding time. */
export async function seededServerDatabase(name: string, scale: number): Promise<{ url: string; database: Database; seconds: number }> {
  const url = await createServerDatabase(ADMIN_URL, name);
  const database = await openDatabase({ url });
  await database.migrate(MIGRATIONS_FOLDER);
  const progress = terminalProgress();
  const seeded = await seedDatabase(database, { scale, windows: attributionWindows(loadConfig({})), onProgress: progress.report });
  progress.stop();
  console.log(`seeded scale ${scale} in ${seeded.seconds.total.toFixed(1)} s`);
  return { url, database, seconds: seeded.seconds.total };
}

/**
 * Bearer tokens of `count` random viewers, minted with the API's secret as logIn would issue them:
 * that many bcrypt checks would only measure bcrypt.
 */
export async function viewerTokens(database: Database, count: number): Promise<string[]> {
  return rowsOf<{ id: string }>(
    await database.db.execute(sql`SELECT id FROM users WHERE role = 'viewer' ORDER BY random() LIMIT ${count}`),
  ).map((r) => benchToken(r.id));
}

/** A bearer token for the user, minted with the benches' secret as logIn would issue it. */
export function benchToken(userId: string): string {
  // Seeded accounts have never logged out: they are in their first token generation.
  return BENCH_TOKENS.issue({ id: userId, tokenGeneration: 0 });
}

/** Posts one GraphQL body over `agent`; true when it is answered 200 without GraphQL errors. */
export function postGraphQL(port: number, agent: http.Agent, body: string, token: string | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (token) headers.authorization = `Bearer ${token}`;
    const request = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(response.statusCode === 200 && !Buffer.concat(chunks).includes('"errors"')));
    });
    request.on('error', () => resolve(false));
    request.end(body);
  });
}

/**
 * Loads one query over 32 connections for `seconds`, each connection sending its next request as soon
 * as the last is answered: the throughput the API saturates at, and the latency of a queue that never empties.
 */
export async function load(
  port: number,
  title: string,
  query: string,
  variables: () => Record<string, unknown>,
  seconds: number,
  token: () => string | undefined = () => undefined,
): Promise<LoadResult> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const bearer = token();
          const headers = bearer ? { ...req.headers, authorization: `Bearer ${bearer}` } : req.headers;
          return { ...req, headers, body: JSON.stringify({ query, variables: variables() }) };
        },
      },
    ],
  });
  const cpu = process.cpuUsage(cpuBefore);
  // The load generator shares the machine's two cores with what it measures: its own share is reported beside.
  const generatorCpuPct = round(((cpu.user + cpu.system) / 1000 / (performance.now() - started)) * 100, 1);
  console.log(
    `${title}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, non-2xx ${result.non2xx}, errors ${result.errors}, load generator ${generatorCpuPct}% of a core`,
  );
  return { ...result, generatorCpuPct };
}

/** An autocannon result, and the CPU the load generator itself used, in % of one core. */
export type LoadResult = autocannon.Result & { generatorCpuPct: number };

export interface OfferedLoadResult {
  p50: number;
  p99: number;
  /** Requests answered per second. */
  rps: number;
  /** Requests that failed, were not answered 200, or were answered with GraphQL errors. */
  errors: number;
  /** Each answered request's latency in ms, to pool with other windows'. */
  latencies: number[];
}

/**
 * One query offered at `rate` requests per second for `seconds`, evenly spaced whatever the pace of
 * the answers (an open loop). Each latency counts from when its request was due, so a wait for a free
 * connection counts too.
 *
 * autocannon's own rate option does not measure this: each of its connections sends its share of a
 * second back to back and then pauses until the next second, so the load arrives as one burst at
 * saturation every second, and its latencies are those of the burst.
 *
 * The requests go over 32 keep-alive connections, opened one after another as a proxy's upstream pool
 * fills, so the API's workers take them in turn; each request takes an idle connection, the longest
 * idle first, or the least busy when none is idle.
 */
export async function offeredLoad(
  port: number,
  title: string,
  query: string,
  seconds: number,
  rate: number,
  token: () => string | undefined = () => undefined,
): Promise<OfferedLoadResult> {
  const body = JSON.stringify({ query, variables: {} });
  const pool = Array.from({ length: CONNECTIONS }, () => ({
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    busy: 0,
    idleSince: 0,
  }));
  type Connection = (typeof pool)[number];
  const send = async (connection: Connection): Promise<boolean> => {
    connection.busy += 1;
    const ok = await postGraphQL(port, connection.agent, body, token());
    connection.busy -= 1;
    connection.idleSince = performance.now();
    return ok;
  };
  for (const connection of pool) await send(connection);
  const pick = (): Connection =>
    pool.reduce((best, c) => (c.busy < best.busy || (c.busy === best.busy && c.idleSince < best.idleSince) ? c : best));

  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = Math.floor(seconds * rate);
  for (let i = 0; i < total;) {
    // Whatever is due by now goes out, so a late timer does not thin the load.
    for (; i < total && start + (i * 1000) / rate <= performance.now(); i += 1) {
      const due = start + (i * 1000) / rate;
      pending.push(
        send(pick()).then((ok) => {
          if (ok) latencies.push(performance.now() - due);
          else errors += 1;
        }),
      );
    }
    if (i < total) await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + (i * 1000) / rate - performance.now())));
  }
  await Promise.all(pending);
  for (const connection of pool) connection.agent.destroy();
  const result = {
    p50: round(percentile(latencies, 0.5), 1),
    p99: round(percentile(latencies, 0.99), 1),
    rps: round(latencies.length / ((performance.now() - start) / 1000), 1),
    errors,
    latencies,
  };
  console.log(`${title}: p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.rps} req/s answered, errors ${errors}`);
  return result;
}

/** The api role alone on `url`, as `workers` processes on `port`, in production mode with the benches' JWT secret; resolves once ready. */
export async function startBenchApi(url: string, port: number, workers: number): Promise<ChildProcess> {
  const api = spawnProduct({
    DATABASE_URL: url,
    ROLES: 'api',
    API_WORKERS: String(workers),
    PORT: String(port),
    SEED_ON_START: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET,
    // Its own keys: nothing drains a bench's served-page log, which must not land in a demo database later.
    REDIS_PREFIX: 'bench',
    // Thousands of requests a second from one address and a few accounts: the load, not the limits, is measured.
    RATE_LIMIT_MUTATIONS: '100000000',
    RATE_LIMIT_EVENTS: '100000000',
  });
  try {
    await waitForReady(`http://127.0.0.1:${port}/readyz`);
  } catch (error) {
    await stopProduct(api);
    throw error;
  }
  return api;
}
