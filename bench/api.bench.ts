import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import jwt from 'jsonwebtoken';
import { MIGRATIONS_FOLDER } from '../boot';
import { createServerDatabase, openDatabase, rowsOf } from '../core/db';
import { terminalProgress } from '../core/progress';
import { seedDatabase } from '../seed/load';
import { spawnProduct } from './product-process';

// Seeds the default scale on the PostgreSQL server, starts the API as its own process, and loads it
// from this one, 32 connections, 20 s each: feed(first: 20) for anonymous visitors (the issue's
// figure), the same for signed-in viewers (personal recall, hidden notes, viewer state), and note(id).
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const CONNECTIONS = 32;
const PORT = 4700;
const JWT_SECRET = 'bench-secret-0123456789abcdef';
const SIGNED_IN_VIEWERS = 500;
// One API process per core, as a 2-core API host would run it.
const API_WORKERS = Number(process.env.BENCH_API_WORKERS ?? 2);

const FEED = `query Feed { feed(first: 20) { edges { node { id title kind likeCount collectCount viewerHasLiked
  author { id handle displayName avatarUrl } media { url width height }
  productTags { product { id title price { formatted } } } } } pageInfo { hasNextPage endCursor } } }`;
const NOTE = `query Note($id: ID!) { note(id: $id) { id title body topics likeCount commentCount
  author { id handle followerCount } media { url width height } productTags { product { id title price { formatted } brand { name } } } } }`;

async function main(): Promise<void> {
  const url = await createServerDatabase(ADMIN_URL, 'bench_api');
  const database = await openDatabase({ url });
  await database.migrate(MIGRATIONS_FOLDER);
  const progress = terminalProgress();
  const seeded = await seedDatabase(database, { scale: SCALE, onProgress: progress.report });
  progress.stop();
  const seedSeconds = seeded.seconds.total;
  const ids = rowsOf<{ id: string }>(
    await database.db.execute(sql`SELECT id FROM notes WHERE status = 'published' ORDER BY random() LIMIT 2000`),
  ).map((r) => r.id);
  // Tokens are minted with the API's secret, as logIn would issue them: 500 bcrypt checks would
  // only measure bcrypt.
  const tokens = rowsOf<{ id: string }>(
    await database.db.execute(sql`SELECT id FROM users WHERE role = 'viewer' ORDER BY random() LIMIT ${SIGNED_IN_VIEWERS}`),
  ).map((r) => jwt.sign({}, JWT_SECRET, { algorithm: 'HS256', subject: r.id, expiresIn: 3600 }));
  await database.close();
  console.log(`seeded scale ${SCALE} in ${seedSeconds.toFixed(1)} s`);

  const api = spawnProduct({
    DATABASE_URL: url,
    ROLES: 'api',
    API_WORKERS: String(API_WORKERS),
    PORT: String(PORT),
    SEED_ON_START: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET,
  });
  try {
    await waitForReady(`http://127.0.0.1:${PORT}/readyz`);
    await load('warm-up', FEED, () => ({}), 5);
    const feed = await load('feed(first: 20)', FEED, () => ({}), DURATION_S);
    let t = 0;
    const signedIn = await load(
      'feed(first: 20), signed in',
      FEED,
      () => ({}),
      DURATION_S,
      () => tokens[t++ % tokens.length],
    );
    let i = 0;
    const note = await load('note(id)', NOTE, () => ({ id: ids[i++ % ids.length] }), DURATION_S);
    const figures = {
      feed_p50_ms: feed.latency.p50,
      feed_p99_ms: feed.latency.p99,
      feed_rps: Math.round(feed.requests.average),
      feed_signed_in_p50_ms: signedIn.latency.p50,
      feed_signed_in_p99_ms: signedIn.latency.p99,
      feed_signed_in_rps: Math.round(signedIn.requests.average),
      note_p50_ms: note.latency.p50,
      note_p99_ms: note.latency.p99,
      note_rps: Math.round(note.requests.average),
      seed_seconds: Math.round(seedSeconds * 10) / 10,
    };
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'api.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(figures);
    if ([feed, signedIn, note].some((r) => r.non2xx + r.errors > 0)) console.warn('some requests failed: see above');
  } finally {
    api.kill('SIGTERM');
  }
}

async function load(
  title: string,
  query: string,
  variables: () => Record<string, unknown>,
  seconds: number,
  token: () => string | undefined = () => undefined,
): Promise<autocannon.Result> {
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}/graphql`,
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
  console.log(
    `${title}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
  return result;
}

async function waitForReady(url: string): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`API did not become ready at ${url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
