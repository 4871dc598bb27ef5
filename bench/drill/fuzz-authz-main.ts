import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startAppUnderTest, type AppUnderTest } from './app-under-test';
import { runAuthz } from './authz';
import type { Figures } from './drill-kit';
import { runFuzz } from './fuzz';

// npx tsx bench/drill/fuzz-authz-main.ts: the fuzz and authorization drills against a product of their own
// (its own database on the PostgreSQL server, its own Redis prefix), figures in bench/results/drills-fuzz-authz.json.
//   DRILL_ONLY=authz|fuzz   run one of the two
//   DRILL_SEED=<n>          the fuzz's seed (default 20261127); DRILL_FUZZ_CASES=<n> (default 10000)
//   DRILL_VERBOSE=1         print every authorization case
const RESULTS = path.join(__dirname, '..', 'results', 'drills-fuzz-authz.json');

async function main(): Promise<number> {
  const only = process.env.DRILL_ONLY;
  const figures: Figures = {};
  const report = (more: Figures) => Object.assign(figures, more);
  let app: AppUnderTest | null = null;
  const abort = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the product and dropping its database`);
    void (app?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  // A drill's own bug must not leave the product running and its database behind.
  const crash = (error: unknown) => {
    console.error('drill crashed:', error);
    void (app?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
  };
  process.once('uncaughtException', crash);
  process.once('unhandledRejection', crash);

  let failed = false;
  try {
    console.log('starting the product (production mode, its own database and Redis prefix)');
    app = await startAppUnderTest();
    console.log(`product ready at ${app.httpUrl} (database ${app.databaseName}, Redis prefix ${app.redisPrefix})`);
    if (only !== 'fuzz') {
      try {
        const authz = await runAuthz(app, report, { verbose: process.env.DRILL_VERBOSE === '1' });
        failed ||= authz.mismatches.length > 0 || authz.uncovered.length > 0 || authz.stale.length > 0;
      } catch (error) {
        failed = true;
        report({ authz_error: error instanceof Error ? error.message.slice(0, 500) : String(error) });
        console.error('authz drill failed:', error);
        printServerErrors(app);
      }
    }
    if (only !== 'authz') {
      try {
        const fuzz = await runFuzz(app, report, {
          seed: Number(process.env.DRILL_SEED ?? 20261127),
          cases: Number(process.env.DRILL_FUZZ_CASES ?? 10_000),
        });
        failed ||= fuzz.failing > 0 || fuzz.crashes > 0;
      } catch (error) {
        failed = true;
        report({ fuzz_error: error instanceof Error ? error.message.slice(0, 500) : String(error) });
        console.error('fuzz drill failed:', error);
        printServerErrors(app);
      }
    }
  } finally {
    if (app) {
      console.log('stopping the product, dropping its database and Redis keys');
      await app.stop();
    }
  }
  await mkdir(path.dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\n${JSON.stringify(figures, null, 2)}\nwritten to ${path.relative(process.cwd(), RESULTS)}`);
  return failed ? 1 : 0;
}

/** The last errors the product logged: why a set-up step failed. */
function printServerErrors(app: AppUnderTest): void {
  for (const entry of app.serverErrors().slice(-5)) console.error(`  server: ${entry.msg} ${entry.error ?? ''}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
