import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { dropServerDatabase, rowsOf, type Database } from '../core/db';
import { RollupRepository } from '../models/repositories/rollup.repository';
import { ADMIN_URL, benchToken, postGraphQL, seededServerDatabase, startBenchApi } from './api-load';
import { stopProduct } from './product-process';
import { median, percentile, round } from './stats';

// The brand dashboard at the scale the issue names: the demo world at scale 5.1 (5.1M events over 30
// days, ~255 brands, ~5,200 orders) on the PostgreSQL server. Figures: how fast the rollup job folds
// newly arrived events in (and a full rebuild), and the latency of the dashboard's queries over HTTP
// with a few brand users at once.
const SCALE = 5.1;
const DB_NAME = 'bench_analytics';
const PORT = 4730;
/** Events that arrive between two folds in the measurement (far more than the job sees every 10 s), three times. */
const FRESH_EVENTS = 200_000;
const FOLD_ROUNDS = 3;
/** Brand users reading dashboards at once, each sending its next query when the last is answered. */
const CLIENTS = 4;
const WARMUP_REQUESTS = 200;
const REQUESTS = 3_000;

const FUNNEL = `impressions reads engagements productClicks ctr cvr engagementRate repeatPurchaseRate
  averageOrderValue { formatted } sales { orders gmv { formatted } refundAmount { formatted } netGmv { formatted } }
  viewThrough { orders gmv { formatted } } organic { orders } positionBasedOrders sponsored { cpm { formatted } roi }`;

interface Brand {
  token: string;
  brandId: string;
  productIds: string[];
  noteIds: string[];
}

/** The queries a brand's dashboard sends, with their variables. */
function dashboardQueries(brand: Brand, now: number): { name: string; query: string; variables: Record<string, unknown> }[] {
  const day = 24 * 3600_000;
  const today = Math.floor(now / day) * day;
  const month = { from: new Date(today - 29 * day).toISOString(), to: new Date(today + day).toISOString() };
  const twoDays = { from: new Date(now - 2 * day).toISOString(), to: new Date(now).toISOString() };
  const product = brand.productIds[Math.floor(Math.random() * brand.productIds.length)] ?? '';
  const note = brand.noteIds[Math.floor(Math.random() * brand.noteIds.length)] ?? '';
  const scope = { kind: 'BRAND', id: brand.brandId };
  return [
    {
      name: 'brand funnel, 30 days',
      query: `query($s: AnalyticsScope!, $r: DateRange!) { analyticsFunnel(scope: $s, range: $r) { ${FUNNEL} } }`,
      variables: { s: scope, r: month },
    },
    {
      name: 'brand series by day, 30 days',
      query: `query($s: AnalyticsScope!, $r: DateRange!) { analyticsSeries(scope: $s, range: $r) { at funnel { ${FUNNEL} } } }`,
      variables: { s: scope, r: month },
    },
    {
      name: 'brand series by hour, 48 h',
      query: `query($s: AnalyticsScope!, $r: DateRange!) { analyticsSeries(scope: $s, range: $r, interval: HOUR) { at funnel { impressions reads productClicks sales { orders gmv { formatted } } } } }`,
      variables: { s: scope, r: twoDays },
    },
    {
      name: 'product funnel, 30 days',
      query: `query($s: AnalyticsScope!, $r: DateRange!) { analyticsFunnel(scope: $s, range: $r) { ${FUNNEL} } }`,
      variables: { s: { kind: 'PRODUCT', id: product }, r: month },
    },
    {
      name: 'product top notes and creators, 30 days',
      query: `query($p: ID!, $r: DateRange!) {
        productTopNotes(productId: $p, range: $r) { note { id title author { handle } } funnel { impressions productClicks sales { orders gmv { formatted } } } }
        productTopCreators(productId: $p, range: $r) { creator { handle } funnel { sales { orders gmv { formatted } } } } }`,
      variables: { p: product, r: month },
    },
    {
      name: 'brand audience topics, 30 days',
      query: `query($s: AnalyticsScope!, $r: DateRange!) { audienceTopics(scope: $s, range: $r) { topic reads share } }`,
      variables: { s: scope, r: month },
    },
    {
      name: 'note funnel (a note tagging the brand), 30 days',
      query: `query($s: AnalyticsScope!, $r: DateRange!) { analyticsFunnel(scope: $s, range: $r) { ${FUNNEL} } }`,
      variables: { s: { kind: 'NOTE', id: note }, r: month },
    },
  ];
}

async function brands(database: Database): Promise<Brand[]> {
  const rows = rowsOf<{ owner_id: string; brand_id: string; products: string[]; notes: string[] }>(
    await database.db.execute(sql`
      SELECT b.owner_id, b.id AS brand_id,
             array(SELECT p.id::text FROM products p WHERE p.brand_id = b.id) AS products,
             array(SELECT DISTINCT np.note_id::text FROM note_products np JOIN products p ON p.id = np.product_id WHERE p.brand_id = b.id LIMIT 50) AS notes
        FROM brands b`),
  );
  return rows
    .filter((r) => r.products.length > 0 && r.notes.length > 0)
    .map((r) => ({
      token: benchToken(r.owner_id),
      brandId: r.brand_id,
      productIds: r.products,
      noteIds: r.notes,
    }));
}

/** Copies of existing events under new ids, received now: what the job finds waiting at its next run. */
async function arriveFresh(database: Database, count: number): Promise<void> {
  await database.db.execute(sql`
    INSERT INTO interaction_events (event_id, type, user_id, note_id, product_id, target_user_id, value, session_id, occurred_at, received_at)
    SELECT gen_random_uuid(), type, user_id, note_id, product_id, target_user_id, value, session_id, occurred_at + interval '1 hour', now()
      FROM interaction_events ORDER BY occurred_at DESC LIMIT ${count}`);
}

async function measureDashboard(
  brandList: Brand[],
): Promise<{ p50: number; p99: number; rps: number; errors: number; byQuery: Record<string, number> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const all: number[] = [];
  const byName = new Map<string, number[]>();
  let errors = 0;
  let sent = 0;
  const total = WARMUP_REQUESTS + REQUESTS;
  const started = { at: 0 };
  const client = async () => {
    while (sent < total) {
      const index = sent;
      sent += 1;
      if (index === WARMUP_REQUESTS) started.at = performance.now();
      const brand = brandList[Math.floor(Math.random() * brandList.length)];
      if (!brand) return;
      const queries = dashboardQueries(brand, Date.now());
      const pick = queries[index % queries.length];
      if (!pick) return;
      const t0 = performance.now();
      const ok = await postGraphQL(PORT, agent, JSON.stringify({ query: pick.query, variables: pick.variables }), brand.token);
      const ms = performance.now() - t0;
      if (index < WARMUP_REQUESTS) continue;
      if (!ok) {
        errors += 1;
        continue;
      }
      all.push(ms);
      byName.set(pick.name, [...(byName.get(pick.name) ?? []), ms]);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started.at) / 1000;
  agent.destroy();
  const byQuery: Record<string, number> = {};
  for (const [name, values] of byName) {
    byQuery[name] = round(percentile(values, 0.99), 1);
    console.log(`  ${name}: p50 ${round(percentile(values, 0.5), 1)} ms, p99 ${round(percentile(values, 0.99), 1)} ms`);
  }
  return {
    p50: round(percentile(all, 0.5), 1),
    p99: round(percentile(all, 0.99), 1),
    rps: round(all.length / seconds, 1),
    errors,
    byQuery,
  };
}

async function main(): Promise<void> {
  await dropServerDatabase(ADMIN_URL, DB_NAME);
  const { url, database } = await seededServerDatabase(DB_NAME, SCALE);
  try {
    const rollups = new RollupRepository(database.db);
    const events = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM interaction_events`))[0]?.n ?? 0;
    const orders = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM orders`))[0]?.n ?? 0;
    console.log(`${events.toLocaleString('en')} events, ${orders.toLocaleString('en')} orders`);

    let started = performance.now();
    await rollups.rebuild(0);
    const rebuildSeconds = (performance.now() - started) / 1000;
    const rebuildRate = events / rebuildSeconds;
    console.log(`full rebuild: ${rebuildSeconds.toFixed(1)} s, ${Math.round(rebuildRate).toLocaleString('en')} events/s`);

    const foldRates: number[] = [];
    for (let pass = 0; pass < FOLD_ROUNDS; pass += 1) {
      await arriveFresh(database, FRESH_EVENTS);
      await database.db.execute(sql`ANALYZE interaction_events`);
      started = performance.now();
      const folded = await rollups.fold(0);
      const foldSeconds = (performance.now() - started) / 1000;
      foldRates.push(folded.events / foldSeconds);
      console.log(`incremental fold: ${folded.events.toLocaleString('en')} new events in ${foldSeconds.toFixed(1)} s`);
    }
    const foldRate = median(foldRates);
    console.log(`incremental fold: median ${Math.round(foldRate).toLocaleString('en')} events/s`);
    await database.db.execute(sql`VACUUM ANALYZE note_stats, product_note_stats, note_audience_topics`);

    const brandList = await brands(database);
    const api = await startBenchApi(url, PORT, 2);
    let dashboard;
    try {
      console.log(`dashboard: ${CLIENTS} brand users at once, ${REQUESTS} queries after ${WARMUP_REQUESTS} of warm-up`);
      dashboard = await measureDashboard(brandList);
    } finally {
      await stopProduct(api);
    }
    console.log(`dashboard: p50 ${dashboard.p50} ms, p99 ${dashboard.p99} ms, ${dashboard.rps} req/s, errors ${dashboard.errors}`);

    const results = {
      events: events + FOLD_ROUNDS * FRESH_EVENTS,
      rollup_events_per_s: Math.round(foldRate),
      rebuild_events_per_s: Math.round(rebuildRate),
      dashboard_p50_ms: dashboard.p50,
      dashboard_p99_ms: dashboard.p99,
      dashboard_rps: dashboard.rps,
      dashboard_errors: dashboard.errors,
    };
    const dir = path.join(__dirname, 'results');
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'analytics.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(results);
  } finally {
    await database.close();
    await dropServerDatabase(ADMIN_URL, DB_NAME);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
