import path from 'node:path';
import { parseArgs } from 'node:util';
import { attributionWindows } from '../commerce/attribution';
import { embeddedDatabaseDir, loadConfig } from '../core/config';
import { openDatabase } from '../core/db';
import { terminalProgress } from '../core/progress';
import { isDatabaseEmpty, seedDatabase, truncateSeededTables, type SeedSummary } from './load';
import { DEFAULT_SEED } from './world';

const USAGE = 'usage: npx tsx seed/cli.ts [--scale 1] [--seed 42] [--force]';
const HELP = `${USAGE}
  Seeds the server at DATABASE_URL, or PGlite in $DATA_DIR/pglite (default ./data/pglite) when it is unset.
  --force truncates the seeded tables first; without it a database that has users is left alone.`;

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.help) {
    console.log(HELP);
    return;
  }
  const scale = Number(options.scale);
  const seed = Number(options.seed);
  if (!(scale > 0) || !Number.isInteger(seed)) throw new Error(`--scale must be a positive number and --seed an integer\n${USAGE}`);

  const config = loadConfig();
  const dataDir = embeddedDatabaseDir(config);
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir });
  try {
    await database.migrate(path.resolve(__dirname, '../models/migrations'));
    if (options.force) await truncateSeededTables(database);
    else if (!(await isDatabaseEmpty(database))) throw new Error('The database already has users; rerun with --force to replace them.');
    const progress = terminalProgress();
    const summary = await seedDatabase(database, { scale, seed, windows: attributionWindows(config), onProgress: progress.report });
    progress.stop();
    console.log(describe(summary, config.DATABASE_URL ? 'postgres' : dataDir));
  } finally {
    await database.close();
  }
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        scale: { type: 'string', default: '1' },
        seed: { type: 'string', default: String(DEFAULT_SEED) },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, { cause: error });
  }
}

function describe(summary: SeedSummary, target: string): string {
  const counts = Object.entries(summary.counts)
    .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
    .join(', ');
  const s = summary.seconds;
  return (
    `Seeded ${target} at scale ${summary.scale} (seed ${summary.seed}) in ${s.total}s ` +
    `(generate ${s.generate}s, copy ${s.copy}s, analyze ${s.analyze}s, trending ${s.trending}s, orders and rollups ${s.orders}s, vacuum ${s.vacuum}s): ${counts}`
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
