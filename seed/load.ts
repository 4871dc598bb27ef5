import { getTableColumns, getTableName, sql, type InferSelectModel, type Table } from 'drizzle-orm';
import { indexUnindexed } from '../catalog/search-index';
import type { Database } from '../core/db';
import type { AttributionWindows } from '../commerce/attribution';
import { ShopOnlyPayments } from '../commerce/payments';
import { OrdersService } from '../commerce/orders.service';
import { RollupService } from '../commerce/rollup.service';
import { ensureEventMonths } from '../events/partitions';
import { NotesRepository } from '../models/repositories/notes.repository';
import { repositoriesFor, transactor } from '../models/transaction';
import { TrendingService } from '../recommender/trending.service';
import * as schema from '../models/schema';
import { DAY_MS, WINDOW_DAYS } from './model';
import { seedOrders } from './orders';
import { DEFAULT_SEED, generateWorld, type World } from './world';

export interface SeedOptions {
  scale: number;
  seed?: number;
  /** End of the generated 30 days of activity; defaults to the current time. */
  now?: Date | number;
  /** How orders are attributed to notes (see attributionWindows). */
  windows: AttributionWindows;
  /** Called as each stage advances: 'generate', one stage per table, 'search', 'analyze', 'trending', 'orders', 'rollups', 'vacuum'. */
  onProgress?: (done: number, total: number, stage: string) => void;
}

export interface SeedSummary {
  seed: number;
  scale: number;
  /** Rows written, by table name. */
  counts: Record<string, number>;
  seconds: {
    generate: number;
    copy: number;
    search: number;
    analyze: number;
    trending: number;
    orders: number;
    vacuum: number;
    total: number;
  };
}

/** A row of a table as the seeder writes it: every column but the search document, which is indexed after the copy. */
type SeedRow<T extends Table> = Omit<InferSelectModel<T>, 'search'>;

interface LoadStep {
  table: Table;
  total: number;
  rows: Iterable<object>;
}

const PROGRESS_EVERY = 10_000;

/** Tables the seeder fills, in foreign-key order. */
const SEEDED_TABLES: readonly Table[] = [
  schema.users,
  schema.brands,
  schema.products,
  schema.notes,
  schema.noteMedia,
  schema.noteProducts,
  schema.follows,
  schema.boards,
  schema.likes,
  schema.collects,
  schema.comments,
  schema.hiddenNotes,
  schema.hiddenCreators,
  schema.interactionEvents,
];

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const result = await database.db.execute(sql`select exists(select 1 from users) as x`);
  const rows = (result as { rows?: { x?: unknown }[] }).rows;
  return rows?.[0]?.x !== true;
}

/** Empties every seeded table, and whatever references them. */
export async function truncateSeededTables(database: Database): Promise<void> {
  const names = SEEDED_TABLES.map((t) => sql.identifier(getTableName(t)));
  await database.db.execute(sql`TRUNCATE TABLE ${sql.join(names, sql`, `)} CASCADE`);
}

/**
 * Generates the demo world and bulk-loads it with COPY, outside any transaction because COPY into
 * empty tables is fast and a failed seed is simply truncated and rerun. Refuses a database that
 * already has accounts, so real data is never mixed with demo data.
 */
export async function seedDatabase(database: Database, options: SeedOptions): Promise<SeedSummary> {
  const report = options.onProgress ?? (() => undefined);
  const started = performance.now();
  if (!(await isDatabaseEmpty(database))) {
    throw new Error('Refusing to seed: the database already has users (truncate the tables first, e.g. seed/cli.ts --force).');
  }
  const seed = options.seed ?? DEFAULT_SEED;

  report(0, 1, 'generate');
  const world = generateWorld({ scale: options.scale, seed, now: options.now });
  report(1, 1, 'generate');
  const generated = performance.now();
  const now = options.now === undefined ? Date.now() : Number(options.now);
  await ensureEventMonths(database.db, new Date(now - WINDOW_DAYS * DAY_MS), new Date(now));

  const counts: Record<string, number> = {};
  for (const step of loadPlan(world)) {
    const stage = getTableName(step.table);
    counts[stage] = await copyTable(database, step, (done) => report(done, step.total, stage));
  }
  const copied = performance.now();

  report(0, 1, 'search');
  await indexUnindexed(transactor(database.db));
  report(1, 1, 'search');
  const indexed = performance.now();

  report(0, 1, 'analyze');
  await database.db.execute(sql`ANALYZE`);
  report(1, 1, 'analyze');
  const analyzed = performance.now();

  report(0, 1, 'trending');
  await new TrendingService(new NotesRepository(database.db)).refresh();
  report(1, 1, 'trending');
  const trended = performance.now();

  const repos = repositoriesFor(database.db);
  // The seed only imports shop orders, which arrive paid: no payment is taken here.
  const payment = { provider: new ShopOnlyPayments(), ttlMs: 0 };
  const orders = new OrdersService({ repos, transact: transactor(database.db), windows: options.windows, payment });
  counts.orders = await seedOrders(repos.commerce, orders, { seed, now, onProgress: (done, total) => report(done, total, 'orders') });
  report(0, 1, 'rollups');
  await new RollupService(repos.rollup, 0).rebuild();
  report(1, 1, 'rollups');
  const rolledUp = performance.now();

  // What autovacuum would do, which PGlite does not have: without statistics the planner takes the rollups (written
  // after the ANALYZE above) for empty and walks all of note_stats for a brand's funnel, and until VACUUM summarises
  // the log's BRIN ranges each fold of the rollups reads the whole log. Both cost a quarter of a second or more of a
  // PGlite process's only thread, every ten seconds for the fold.
  report(0, 1, 'vacuum');
  await database.db.execute(sql`VACUUM (ANALYZE)`);
  report(1, 1, 'vacuum');
  const finished = performance.now();

  const seconds = (from: number, to: number): number => Math.round((to - from) / 100) / 10;
  return {
    seed,
    scale: options.scale,
    counts,
    seconds: {
      generate: seconds(started, generated),
      copy: seconds(generated, copied),
      search: seconds(copied, indexed),
      analyze: seconds(indexed, analyzed),
      trending: seconds(analyzed, trended),
      orders: seconds(trended, rolledUp),
      vacuum: seconds(rolledUp, finished),
      total: seconds(started, finished),
    },
  };
}

function loadPlan(world: World): LoadStep[] {
  return [
    step(schema.users, world.users),
    step(schema.brands, world.brands),
    step(schema.products, world.products),
    step(schema.notes, world.notes),
    step(schema.noteMedia, world.noteMedia),
    step(schema.noteProducts, world.noteProducts),
    step(schema.follows, world.follows),
    step(schema.boards, world.boards),
    step(schema.likes, world.likes),
    step(schema.collects, world.collects),
    step(schema.comments, world.comments),
    step(schema.hiddenNotes, world.hiddenNotes),
    step(schema.hiddenCreators, world.hiddenCreators),
    step(schema.interactionEvents, world.events(), world.eventCount),
  ];
}

/** Ties rows to their table at compile time; the loader itself only sees column names. */
function step<T extends Table>(table: T, rows: Iterable<SeedRow<T>>, total = Array.isArray(rows) ? rows.length : 0): LoadStep {
  return { table, rows, total };
}

async function copyTable(database: Database, step: LoadStep, onRows: (done: number) => void): Promise<number> {
  // Columns come from the Drizzle table, so property and SQL column names cannot drift apart.
  const columns = Object.entries(getTableColumns(step.table)).filter(([, column]) => !column.generated);
  const keys = columns.map(([key]) => key);
  onRows(0);
  const tuples = function* (): Generator<unknown[]> {
    let done = 0;
    for (const row of step.rows) {
      const values = row as Record<string, unknown>;
      yield keys.map((key) => values[key]);
      done += 1;
      if (done % PROGRESS_EVERY === 0) onRows(done);
    }
  };
  const count = await database.copyRows(
    getTableName(step.table),
    columns.map(([, column]) => column.name),
    tuples(),
  );
  onRows(count);
  return count;
}
