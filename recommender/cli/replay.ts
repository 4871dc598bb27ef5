import { parseArgs } from 'node:util';
import { terminalProgress } from '../../core/progress';
import { readInteractions, readUserList, writeRecommendations } from '../../events/interactions-csv';
import { replay, REPLAY_DEFAULTS } from '../training/replay';

// npm run replay -- --train FILE --users FILE --k N --out FILE
// Trains retrieval from scratch on an interaction log (user,item,event,ts[,value]) and writes
// user,item,rank,score: the top N items for each listed user, never one the user has an event for.
const USAGE = 'usage: npm run replay -- --train FILE --users FILE --k N --out FILE [--seed N] [--max-epochs N]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      train: { type: 'string' },
      users: { type: 'string' },
      k: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      'max-epochs': { type: 'string' },
    },
  });
  const { train, users, out } = values;
  const k = Number(values.k);
  if (!train || !users || !out || !Number.isInteger(k) || k < 1) throw new UsageError(USAGE);
  const seed = values.seed === undefined ? REPLAY_DEFAULTS.seed : Number(values.seed);
  const maxEpochs = values['max-epochs'] === undefined ? REPLAY_DEFAULTS.maxEpochs : Number(values['max-epochs']);
  if (!Number.isInteger(seed) || !Number.isInteger(maxEpochs) || maxEpochs < 1)
    throw new UsageError(`--seed and --max-epochs take integers\n${USAGE}`);

  const started = performance.now();
  const [log, listed] = await Promise.all([readInteractions(train), readUserList(users)]);
  console.error(`${log.length} events, ${listed.length} users to rank for`);
  const progress = terminalProgress();
  const result = await replay(log, listed, {
    ...REPLAY_DEFAULTS,
    k,
    seed,
    maxEpochs,
    onProgress: (stage, done, total) => progress.report(done, total, stage),
  });
  progress.stop();
  await writeRecommendations(out, result.rows);
  const { epochs, lambda, towerShare, validation } = result.choice;
  console.error(
    `wrote ${result.rows.length} rows to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s; chosen on the log's own ` +
      `holdout (${validation.users} users, NDCG@${k}): ${epochs} epochs, λ ${lambda}, tower share ${towerShare} ` +
      `(tower ${validation.tower.toFixed(4)}, autoencoder ${validation.autoencoder.toFixed(4)}, mixed ${validation.mixed.toFixed(4)})`,
  );
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
