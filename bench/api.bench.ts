import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../core/db';
import { FEED, load, seededServerDatabase, startBenchApi, viewerTokens } from './api-load';
import { measureCeiling, ratio } from './ceiling';
import { stopProduct } from './product-process';

// Seeds the default scale on the PostgreSQL server, starts the API as its own process, and loads it
// from this one, 32 connections, 20 s each: feed(first: 20) for anonymous visitors, the same for
// signed-in viewers (personal recall, hidden notes, viewer state), and note(id). First, with the same
// load, the ceiling (bench/ceiling.ts) that each figure is also given as a ratio to.
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const PORT = 4700;
const SIGNED_IN_VIEWERS = 500;
// One API process per core, as a 2-core API host would run it.
const API_WORKERS = Number(process.env.BENCH_API_WORKERS ?? 2);

const NOTE = `query Note($id: ID!) { note(id: $id) { id title body topics likeCount commentCount
  author { id handle followerCount } media { url width height } productTags { product { id title price { formatted } brand { name } } } } }`;

async function main(): Promise<void> {
  const { url, database, seconds: seedSeconds } = await seededServerDatabase('bench_api', SCALE);
  const ids = rowsOf<{ id: string }>(
    await database.db.execute(sql`SELECT id FROM notes WHERE status = 'published' ORDER BY random() LIMIT 2000`),
  ).map((r) => r.id);
  const tokens = await viewerTokens(database, SIGNED_IN_VIEWERS);
  await database.close();

  const ceiling = await measureCeiling(API_WORKERS, DURATION_S);
  const api = await startBenchApi(url, PORT, API_WORKERS);
  try {
    await load(PORT, 'warm-up', FEED, () => ({}), 5);
    const feed = await load(PORT, 'feed(first: 20)', FEED, () => ({}), DURATION_S);
    let t = 0;
    const signedIn = await load(
      PORT,
      'feed(first: 20), signed in',
      FEED,
      () => ({}),
      DURATION_S,
      () => tokens[t++ % tokens.length],
    );
    let i = 0;
    const note = await load(PORT, 'note(id)', NOTE, () => ({ id: ids[i++ % ids.length] }), DURATION_S);
    const figures = {
      graphql_ceiling_rps: ceiling.rps,
      graphql_ceiling_p99_ms: ceiling.p99Ms,
      feed_anon_vs_ceiling: ratio(feed.requests.average, ceiling),
      feed_signed_in_vs_ceiling: ratio(signedIn.requests.average, ceiling),
      note_vs_ceiling: ratio(note.requests.average, ceiling),
      feed_p50_ms: feed.latency.p50,
      feed_p99_ms: feed.latency.p99,
      feed_rps: Math.round(feed.requests.average),
      feed_signed_in_p50_ms: signedIn.latency.p50,
      feed_signed_in_p99_ms: signedIn.latency.p99,
      feed_signed_in_rps: Math.round(signedIn.requests.average),
      note_p50_ms: note.latency.p50,
      note_p99_ms: note.latency.p99,
      note_rps: Math.round(note.requests.average),
      load_generator_cpu_pct_max: Math.max(ceiling.generatorCpuPct, feed.generatorCpuPct, signedIn.generatorCpuPct, note.generatorCpuPct),
      seed_seconds: Math.round(seedSeconds * 10) / 10,
    };
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'api.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(figures);
    if ([feed, signedIn, note].some((r) => r.non2xx + r.errors > 0)) console.warn('some requests failed: see above');
  } finally {
    await stopProduct(api);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
