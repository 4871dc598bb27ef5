import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import jwt from 'jsonwebtoken';
import { MIGRATIONS_FOLDER } from '../boot';
import { createServerDatabase, openDatabase, rowsOf, type Database } from '../core/db';
import { terminalProgress } from '../core/progress';
import { seedDatabase } from '../seed/load';
import { spawnProduct, stopProduct, waitForReady } from './product-process';

// What the API benchmarks share: a seeded database on the PostgreSQL server, tokens for its viewers,
// and an autocannon load of one GraphQL query.
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const JWT_SECRET = 'bench-secret-0123456789abcdef';
const CONNECTIONS = 32;

export const FEED = `query Feed { feed(first: 20) { edges { node { id title kind likeCount collectCount viewerHasLiked
  author { id handle displayName avatarUrl } media { url width height }
  productTags { product { id title price { formatted } } } } } pageInfo { hasNextPage endCursor } } }`;

/** A fresh database `name` on the server, migrated and seeded at `scale`; returns its URL, the open database and the seeding time. */
export async function seededServerDatabase(name: string, scale: number): Promise<{ url: string; database: Database; seconds: number }> {
  const url = await createServerDatabase(ADMIN_URL, name);
  const database = await openDatabase({ url });
  await database.migrate(MIGRATIONS_FOLDER);
  const progress = terminalProgress();
  const seeded = await seedDatabase(database, { scale, onProgress: progress.report });
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
  ).map((r) => jwt.sign({}, JWT_SECRET, { algorithm: 'HS256', subject: r.id, expiresIn: 3600 }));
}

/**
 * Loads one query over 32 connections for `seconds`. Without `rate` each connection sends its next
 * request as soon as the last is answered, which finds the throughput the API saturates at (and the
 * latency of a queue that never empties); with `rate`, requests are offered at that many per second
 * overall, which measures the latency at that load.
 */
export async function load(
  port: number,
  title: string,
  query: string,
  variables: () => Record<string, unknown>,
  seconds: number,
  token: () => string | undefined = () => undefined,
  rate?: number,
): Promise<autocannon.Result> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections: CONNECTIONS,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
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
  console.log(
    `${title}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
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
  });
  try {
    await waitForReady(`http://127.0.0.1:${port}/readyz`);
  } catch (error) {
    await stopProduct(api);
    throw error;
  }
  return api;
}
