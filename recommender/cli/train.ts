// First: the process moves into the idle scheduling class before the rest loads.
import { trainsWhenIdle } from './idle-process';
import path from 'node:path';
import { embeddedDatabaseDir, loadConfig } from '../../core/config';
import { openDatabase } from '../../core/db';
import { yieldCpuToApi } from '../../core/priority';
import { createLogger } from '../../core/logger';
import { terminalProgress } from '../../core/progress';
import { backgroundReader, repositoriesFor, transactor } from '../../models/transaction';
import { describeComparison } from '../offline/promotion';
import { databaseTrainerStore, Trainer } from '../training/trainer';

// npm run train: one training run now, as the trainer role's scheduled job does, with a progress bar.
async function main(): Promise<void> {
  const config = loadConfig();
  // A training run beside a serving API must not queue its requests: it takes only idle CPU, or where
  // the idle class is out of reach, what its niceness leaves it.
  if (!trainsWhenIdle) yieldCpuToApi(config.BACKGROUND_NICE);
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: embeddedDatabaseDir(config) });
  const progress = terminalProgress();
  try {
    await database.migrate(path.resolve(__dirname, '../../models/migrations'));
    const trainer = new Trainer(
      databaseTrainerStore(repositoriesFor(database.db).recommender, transactor(database.db), backgroundReader(database.db)),
      createLogger('warn'),
    );
    const outcome = await trainer.run(undefined, (stage, done, total) => progress.report(done, total, stage));
    progress.stop();
    if (!outcome) {
      console.log('Too few events to train on: the feed keeps its current order.');
      return;
    }
    const against = outcome.servingAuc === null ? 'no model was serving' : `serving model ${outcome.servingAuc.toFixed(4)}`;
    console.log(
      `${outcome.promoted ? 'Promoted' : 'Not promoted'} ${outcome.versionId}: ${describeComparison(outcome.comparison, outcome.overHeuristic)}; ` +
        `holdout AUC ${outcome.holdoutAuc.toFixed(4)} (${against}); ` +
        `${outcome.trainExamples} training examples, ${outcome.holdoutPairs} held-out pairs, ${outcome.seconds.toFixed(1)} s; ` +
        `calibration error (ECE) per head: ${Object.entries(outcome.calibration)
          .map(([head, ece]) => `${head} ${ece.toFixed(3)}`)
          .join(', ')}`,
    );
  } finally {
    progress.stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
