import { parseArgs } from 'node:util';
import { terminalProgress } from '../../core/progress';
import { readInteractions, readUserList, writeRecommendations } from '../../events/interactions-csv';
import { replay, REPLAY_DEFAULTS } from '../training/replay';

// npm run replay -- --train FILE --users FILE --k N --out FILE
// Trains the interest model from scratch on an interaction log (user,item,event,ts[,value]) and writes
// user,item,rank,score: the top N items for each listed user, never one the user has an event for.
const USAGE = 'usage: npm run replay -- --train FILE --users FILE --k N --out FILE [--seed N] [--epochs N]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      train: { type: 'string' },
      users: { type: 'string' },
      k: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      epochs: { type: 'string' },
    },
  });
  const { train, users, out } = values;
  const k = Number(values.k);
  if (!train || !users || !out || !Number.isInteger(k) || k < 1) throw new UsageError(USAGE);
  const seed = values.seed === undefined ? REPLAY_DEFAULTS.seed : Number(values.seed);
  const epochs = values.epochs === undefined ? REPLAY_DEFAULTS.epochs : Number(values.epochs);
  if (!Number.isInteger(seed) || !Number.isInteger(epochs) || epochs < 1)
    throw new UsageError(`--seed and --epochs take integers\n${USAGE}`);

  const started = performance.now();
  const [log, listed] = await Promise.all([readInteractions(train), readUserList(users)]);
  console.error(`${log.length} events, ${listed.length} users to rank for`);
  const progress = terminalProgress();
  const result = await replay(log, listed, {
    ...REPLAY_DEFAULTS,
    k,
    seed,
    epochs,
    onProgress: (stage, done, total) => progress.report(done, total, stage),
  });
  progress.stop();
  await writeRecommendations(out, result.rows);
  console.error(
    `wrote ${result.rows.length} rows to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(${result.trainExamples} training examples at ${Math.round(result.trainExamples / result.trainSeconds)}/s; heads: ${result.trainedHeads.join(', ')})`,
  );
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
