import { seededRandom } from '../training/random';
import { ndcgAtK } from './metrics';

/**
 * Whether a newly trained model may replace the serving one, judged per viewer rather than on pooled
 * pairs: pooled AUC lets a few heavy viewers decide and says nothing about any one viewer's feed.
 *
 * Each viewer's holdout notes are ranked by each model and scored by NDCG (engaged notes are relevant);
 * the paired differences are resampled by viewer (bootstrap) for a 95% interval of the mean difference.
 * The new model is promoted unless it may be worse by more than `margin`: the interval's lower end must
 * lie above −margin. Promoting a model that is as good within noise is what keeps new notes and viewers
 * in the served embeddings; a model that is clearly worse stays out.
 */
export interface PromotionRule {
  margin: number;
  rounds: number;
  seed: number;
}

export const PROMOTION_RULE: PromotionRule = { margin: 0.01, rounds: 1000, seed: 7 };

export interface Comparison {
  promoted: boolean;
  users: number;
  candidate: number;
  serving: number | null;
  /** Mean of candidate − serving over viewers, with its 95% bootstrap interval; null without a serving model. */
  difference: { mean: number; low: number; high: number } | null;
}

/** NDCG per viewer of their holdout pairs ranked by `scores`; viewers with no engaged pair, or only engaged ones, rank nothing and are left out. */
export function perUserNdcg(users: readonly string[], positive: readonly boolean[], scores: ArrayLike<number>): Map<string, number> {
  const byUser = new Map<string, number[]>();
  users.forEach((user, n) => {
    const rows = byUser.get(user);
    if (rows) rows.push(n);
    else byUser.set(user, [n]);
  });
  const out = new Map<string, number>();
  for (const [user, rows] of byUser) {
    const relevant = new Set(rows.filter((n) => positive[n]).map(String));
    if (relevant.size === 0 || relevant.size === rows.length) continue;
    // Ties keep holdout order, the same for both models.
    const ranked = [...rows].sort((a, b) => (scores[b] as number) - (scores[a] as number)).map(String);
    out.set(user, ndcgAtK(ranked, relevant, ranked.length));
  }
  return out;
}

export function compareModels(
  candidate: ReadonlyMap<string, number>,
  serving: ReadonlyMap<string, number> | null,
  rule: PromotionRule = PROMOTION_RULE,
): Comparison {
  const users = [...candidate.keys()];
  const candidateMean = mean(users.map((u) => candidate.get(u) as number));
  if (serving === null)
    return { promoted: users.length > 0, users: users.length, candidate: candidateMean, serving: null, difference: null };
  const shared = users.filter((u) => serving.has(u));
  const differences = shared.map((u) => (candidate.get(u) as number) - (serving.get(u) as number));
  if (differences.length === 0) return { promoted: false, users: 0, candidate: candidateMean, serving: null, difference: null };
  const random = seededRandom(rule.seed);
  const means = new Float64Array(rule.rounds);
  for (let round = 0; round < rule.rounds; round += 1) {
    let sum = 0;
    for (let n = 0; n < differences.length; n += 1) sum += differences[Math.floor(random() * differences.length)] as number;
    means[round] = sum / differences.length;
  }
  means.sort();
  const low = means[Math.floor(0.025 * (rule.rounds - 1))] as number;
  const high = means[Math.ceil(0.975 * (rule.rounds - 1))] as number;
  return {
    promoted: low > -rule.margin,
    users: shared.length,
    candidate: mean(shared.map((u) => candidate.get(u) as number)),
    serving: mean(shared.map((u) => serving.get(u) as number)),
    difference: { mean: mean(differences), low, high },
  };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * One line for logs and job details: the per-viewer NDCG of both, the interval of their difference, and
 * the new model's margin over the heuristic order when measured.
 */
export function describeComparison(c: Comparison, overHeuristic: Comparison['difference'] = null): string {
  const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
  const interval = ({ mean: d, low, high }: NonNullable<Comparison['difference']>) =>
    `${signed(d)}, 95% CI ${signed(low)} to ${signed(high)}`;
  const heuristic = overHeuristic ? `; over the heuristic order ${interval(overHeuristic)}` : '';
  if (c.serving === null || c.difference === null)
    return `per-viewer NDCG ${c.candidate.toFixed(4)} over ${c.users} viewers, none serving${heuristic}`;
  return `per-viewer NDCG ${c.candidate.toFixed(4)} vs serving ${c.serving.toFixed(4)} (${interval(c.difference)}, ${c.users} viewers)${heuristic}`;
}
