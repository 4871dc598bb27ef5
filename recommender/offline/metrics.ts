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
