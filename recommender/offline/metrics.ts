/**
 * Top-k accuracy with binary relevance. Recall is capped at min(k, |relevant|), as is usual in RecSys
 * evaluation, so a user with more relevant items than k can still reach 1. An item repeated in a ranking
 * counts once, at its first position.
 */
export function recallAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  return hitPositions(ranked, relevant, k).length / Math.min(k, relevant.size);
}

/** NDCG with a 1 / log2(position + 1) discount (positions from 1); the ideal puts min(k, |relevant|) hits on top. */
export function ndcgAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  for (const position of hitPositions(ranked, relevant, k)) dcg += discount(position);
  let ideal = 0;
  for (let position = 0; position < Math.min(k, relevant.size); position++) ideal += discount(position);
  return dcg / ideal;
}

/**
 * Mean Recall@k and NDCG@k over the users with at least one relevant item; such a user without a ranking
 * scores 0 rather than being left out, so a recommender cannot gain by skipping hard users.
 */
export function evaluateRankings(
  rankings: ReadonlyMap<string, readonly string[]>,
  relevantByUser: ReadonlyMap<string, ReadonlySet<string>>,
  k: number,
): { users: number; recall: number; ndcg: number } {
  let users = 0;
  let recall = 0;
  let ndcg = 0;
  for (const [user, relevant] of relevantByUser) {
    if (relevant.size === 0) continue;
    const ranked = rankings.get(user) ?? [];
    users++;
    recall += recallAtK(ranked, relevant, k);
    ndcg += ndcgAtK(ranked, relevant, k);
  }
  return users === 0 ? { users, recall: 0, ndcg: 0 } : { users, recall: recall / users, ndcg: ndcg / users };
}

/** 0-based positions, within the top k, of the first occurrence of each relevant item. */
function hitPositions(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const hit = new Set<string>();
  const positions: number[] = [];
  ranked.slice(0, k).forEach((item, position) => {
    if (!relevant.has(item) || hit.has(item)) return;
    hit.add(item);
    positions.push(position);
  });
  return positions;
}

function discount(position: number): number {
  return 1 / Math.log2(position + 2);
}

/**
 * Area under the ROC curve: the chance that a random positive scores above a random negative (ties count
 * half). NaN when either class is empty, since no ordering is then measured.
 */
export function auc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1] as number] === scores[order[start] as number]) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let at = start; at <= end; at += 1) {
      if (positive[order[at] as number]) {
        positives += 1;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Share of the catalogue that appears in at least one ranking's top k. */
export function catalogueCoverage(rankings: ReadonlyMap<string, readonly string[]>, catalogueSize: number, k: number): number {
  const shown = new Set<string>();
  for (const ranked of rankings.values()) for (const item of ranked.slice(0, k)) shown.add(item);
  return catalogueSize === 0 ? 0 : shown.size / catalogueSize;
}

/**
 * Mean self-information of the recommended items, −log2 of the share of users who engaged with each in
 * training: higher means less obvious picks. An item nobody engaged with counts as engaged by one.
 */
export function novelty(
  rankings: ReadonlyMap<string, readonly string[]>,
  engagedUsers: ReadonlyMap<string, number>,
  users: number,
  k: number,
): number {
  let sum = 0;
  let count = 0;
  for (const ranked of rankings.values())
    for (const item of ranked.slice(0, k)) {
      sum += -Math.log2(Math.max(1, engagedUsers.get(item) ?? 0) / users);
      count += 1;
    }
  return count === 0 ? 0 : sum / count;
}

/**
 * Mean over rankings of the mean pairwise distance of their top k, with distance 1 − the cosine of the two
 * items' sets of engaged users: without content features, how unlike each other the users who chose them are.
 */
export function intraListDiversity(
  rankings: ReadonlyMap<string, readonly string[]>,
  engagedBy: ReadonlyMap<string, ReadonlySet<string>>,
  k: number,
): number {
  let sum = 0;
  let lists = 0;
  for (const ranked of rankings.values()) {
    const top = ranked.slice(0, k);
    if (top.length < 2) continue;
    let distance = 0;
    let pairs = 0;
    for (let a = 0; a < top.length; a += 1)
      for (let b = a + 1; b < top.length; b += 1) {
        distance += 1 - cosine(engagedBy.get(top[a] as string), engagedBy.get(top[b] as string));
        pairs += 1;
      }
    sum += distance / pairs;
    lists += 1;
  }
  return lists === 0 ? 0 : sum / lists;
}

function cosine(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): number {
  if (!a || !b || a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const user of small) if (large.has(user)) shared += 1;
  return shared / Math.sqrt(a.size * b.size);
}

/**
 * Expected calibration error: predictions binned by value into `bins` equal-width bins, the mean gap
 * between predicted and observed rates weighted by each bin's share of predictions.
 */
export function expectedCalibrationError(predicted: ArrayLike<number>, observed: ArrayLike<boolean>, bins = 10): number {
  const sums = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const counts = new Float64Array(bins);
  for (let n = 0; n < predicted.length; n += 1) {
    const p = predicted[n] as number;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    sums[bin] = (sums[bin] as number) + p;
    positives[bin] = (positives[bin] as number) + (observed[n] ? 1 : 0);
    counts[bin] = (counts[bin] as number) + 1;
  }
  let error = 0;
  for (let bin = 0; bin < bins; bin += 1) {
    const count = counts[bin] as number;
    if (count > 0) error += (count / predicted.length) * Math.abs((sums[bin] as number) / count - (positives[bin] as number) / count);
  }
  return error;
}
