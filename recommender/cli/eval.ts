import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { terminalProgress } from '../../core/progress';
import { itemKnnRecommender, popularityRecommender, userHistories, type Recommender } from '../offline/baselines';
import { temporalHoldout } from '../offline/holdout';
import { movieLensInteractions } from '../../events/interactions-csv';
import { evaluateRankings } from '../offline/metrics';
import { replay, REPLAY_DEFAULTS } from '../training/replay';

// npm run eval: the replay on MovieLens (ml-latest-small) with each user's latest 20% of ratings held
// out (ratings ≥ 4 are likes, every rating a view), against a popularity and an item-KNN baseline
// computed in the same run. The relevant items of a user are the held-out ones they liked.
const K = 20;
const DEFAULT_RATINGS = path.join(__dirname, '..', '..', 'datasets', 'ml-latest-small', 'ratings.csv');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { ratings: { type: 'string', default: DEFAULT_RATINGS }, json: { type: 'string' } } });
  const ratings = values.ratings as string;
  if (!existsSync(ratings)) throw new Error(`no ratings file at ${ratings}; pass --ratings PATH to ml-latest-small/ratings.csv`);
  const { train, test } = temporalHoldout(await movieLensInteractions(ratings), 0.2);
  const relevant = new Map<string, Set<string>>();
  for (const e of test) {
    if (e.event !== 'like') continue;
    const items = relevant.get(e.user) ?? new Set<string>();
    relevant.set(e.user, items.add(e.item));
  }
  const users = [...relevant.keys()];
  const histories = userHistories(train);
  console.log(`${train.length} training events, ${test.length} held out, ${users.length} users with held-out likes`);

  const baseline = (name: string, recommender: Recommender) => {
    const started = performance.now();
    const rankings = new Map(users.map((u) => [u, recommender.recommend(u, K, histories.get(u) ?? new Set()).map((r) => r.item)]));
    return { name, ...evaluateRankings(rankings, relevant, K), seconds: (performance.now() - started) / 1000 };
  };
  const popularity = baseline('popularity', popularityRecommender(train));
  const knn = baseline('item-KNN', itemKnnRecommender(train));

  const progress = terminalProgress();
  const started = performance.now();
  const result = await replay(train, users, {
    ...REPLAY_DEFAULTS,
    k: K,
    onProgress: (stage, done, total) => progress.report(done, total, stage),
  });
  progress.stop();
  const rankings = new Map<string, string[]>();
  for (const row of result.rows) rankings.set(row.user, [...(rankings.get(row.user) ?? []), row.item]);
  const model = { name: 'interest model', ...evaluateRankings(rankings, relevant, K), seconds: (performance.now() - started) / 1000 };

  for (const r of [popularity, knn, model]) {
    console.log(`${r.name.padEnd(16)} Recall@${K} ${r.recall.toFixed(4)}  NDCG@${K} ${r.ndcg.toFixed(4)}  (${r.seconds.toFixed(1)} s)`);
  }
  const best = Math.max(popularity.ndcg, knn.ndcg);
  const ratio = model.ndcg / best;
  const trainRate = result.trainExamples / result.trainSeconds;
  console.log(`NDCG@${K} ratio to the better baseline: ${ratio.toFixed(3)} (target ≥ 1.10); training ${Math.round(trainRate)} examples/s`);
  if (values.json) {
    mkdirSync(path.dirname(values.json), { recursive: true });
    writeFileSync(
      values.json,
      `${JSON.stringify({ replay_ndcg20_ratio: round(ratio), replay_ndcg20: round(model.ndcg), popularity_ndcg20: round(popularity.ndcg), itemknn_ndcg20: round(knn.ndcg), replay_recall20: round(model.recall) }, null, 2)}\n`,
    );
  }
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
