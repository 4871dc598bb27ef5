import { compareIds, EVENT_NAMES, type EventName, type Interaction } from '../../events/interactions-csv';
import { TopK } from '../top-k';

export interface Recommender {
  recommend(user: string, k: number, exclude: ReadonlySet<string>): { item: string; score: number }[];
}

/** Every event but impression, served and hide shows interest: being shown a note is no choice, a hide the opposite of one. */
const POSITIVE: Readonly<Record<EventName, number>> = {
  impression: 0,
  view: 1,
  like: 1,
  collect: 1,
  comment: 1,
  share: 1,
  follow: 1,
  product_click: 1,
  purchase: 1,
  hide: 0,
  served: 0,
};
/**
 * Best Recall@20 and NDCG@20 of the grid neighbours ∈ {50, 100, 200} × shrink ∈ {0, 10, 50} on ml-latest-small
 * (temporal 20% holdout, liked test items). Most of the grid was within noise of it; only large neighbourhoods
 * without shrinkage were clearly worse.
 */
const DEFAULT_NEIGHBOURS = 50;
const DEFAULT_SHRINK = 10;
/**
 * Only a user's most recent positive items (by last positive event) count towards item co-occurrence: the
 * cost of a user is quadratic in their items, and a few heavy users (crawlers, testers) would dominate it.
 */
const MAX_ITEMS_PER_USER = 500;

/** The items each user has any event for, impressions and hides included: what evaluation must not recommend. */
export function userHistories(train: readonly Interaction[]): Map<string, Set<string>> {
  const histories = new Map<string, Set<string>>();
  for (const { user, item } of train) {
    const items = histories.get(user);
    if (items === undefined) histories.set(user, new Set([item]));
    else items.add(item);
  }
  return histories;
}

/**
 * Ranks items by how many distinct users showed interest in them, the same for everyone. `weights` overrides
 * the per-event weight (positive events 1, impression and hide 0); a user–item pair counts once, with the
 * largest weight among its events, so a view followed by a like and a purchase is still one user.
 */
export function popularityRecommender(train: readonly Interaction[], weights: Partial<Record<EventName, number>> = {}): Recommender {
  const weightOf = { ...POSITIVE };
  for (const event of EVENT_NAMES) {
    const weight = weights[event] ?? POSITIVE[event];
    if (!(weight >= 0 && Number.isFinite(weight))) throw new RangeError(`weight of ${event} must be finite and ≥ 0, got ${weight}`);
    weightOf[event] = weight;
  }
  const best = new Map<string, Map<string, number>>();
  for (const { user, item, event } of train) {
    const weight = weightOf[event];
    if (weight === 0) continue;
    let users = best.get(item);
    if (users === undefined) best.set(item, (users = new Map()));
    users.set(user, Math.max(weight, users.get(user) ?? 0));
  }
  const ranked = [...best]
    .map(([item, users]) => ({ item, score: [...users.values()].reduce((sum, weight) => sum + weight, 0) }))
    .sort((a, b) => b.score - a.score || compareIds(a.item, b.item));

  return {
    recommend(_user, k, exclude) {
      checkK(k);
      const picked: { item: string; score: number }[] = [];
      for (const entry of ranked) {
        if (picked.length === k) break;
        if (!exclude.has(entry.item)) picked.push({ ...entry });
      }
      return picked;
    },
  };
}

/**
 * Item-based collaborative filtering on the binary user × item matrix of positive events:
 * sim(i, j) = co(i, j) / (sqrt(n_i) · sqrt(n_j) + shrink), where co counts users with both items and n_i users
 * with i (both over each user's MAX_ITEMS_PER_USER most recent items). Each item keeps its `neighbours` most
 * similar items, and score(u, j) is the sum of sim(i, j) over the items i in u's whole positive history that
 * have j as a neighbour. A user without positive history gets the popularity recommender's list; a user whose
 * neighbours run out before k is topped up in popularity order with score 0. Equal scores go to the smaller id.
 */
export interface ItemKnnRecommender extends Recommender {
  /** The same scoring from only the user's `recent` latest positive items: what they are into now rather than ever. */
  recommendFromRecent(user: string, k: number, exclude: ReadonlySet<string>, recent: number): { item: string; score: number }[];
}

export function itemKnnRecommender(
  train: readonly Interaction[],
  options: { neighbours?: number; shrink?: number } = {},
): ItemKnnRecommender {
  const neighbours = options.neighbours ?? DEFAULT_NEIGHBOURS;
  const shrink = options.shrink ?? DEFAULT_SHRINK;
  if (!Number.isInteger(neighbours) || neighbours < 1) throw new RangeError(`neighbours must be a positive integer, got ${neighbours}`);
  if (!(shrink >= 0 && Number.isFinite(shrink))) throw new RangeError(`shrink must be finite and ≥ 0, got ${shrink}`);

  const popularity = popularityRecommender(train);
  const { itemIds, histories } = positiveHistories(train);
  const graph = neighbourGraph(
    itemIds.length,
    [...histories.values()].map((items) => items.subarray(0, MAX_ITEMS_PER_USER)),
    neighbours,
    shrink,
  );
  const scores = new Float64Array(itemIds.length);
  const touched = new Int32Array(itemIds.length);

  const recommendFrom = (user: string, k: number, exclude: ReadonlySet<string>, recent: number): { item: string; score: number }[] => {
    checkK(k);
    const whole = histories.get(user);
    if (whole === undefined) return popularity.recommend(user, k, exclude);
    const history = whole.subarray(0, recent);
    let count = 0;
    for (const i of history) {
      for (let edge = graph.start[i]!; edge < graph.start[i + 1]!; edge++) {
        const j = graph.item[edge]!;
        if (scores[j] === 0) touched[count++] = j;
        scores[j]! += graph.sim[edge]!;
      }
    }
    const best = new TopK(k);
    for (const j of touched.subarray(0, count)) {
      if (!exclude.has(itemIds[j]!)) best.offer(scores[j]!, j);
      scores[j] = 0;
    }
    const picked = best.drain().map(({ index, score }) => ({ item: itemIds[index]!, score }));
    if (picked.length === k) return picked;
    const taken = new Set(picked.map(({ item }) => item));
    for (const { item } of popularity.recommend(user, k + taken.size, exclude)) {
      if (picked.length === k) break;
      if (!taken.has(item)) picked.push({ item, score: 0 });
    }
    return picked;
  };

  return {
    recommend: (user, k, exclude) => recommendFrom(user, k, exclude, Infinity),
    recommendFromRecent: (user, k, exclude, recent) => recommendFrom(user, k, exclude, recent),
  };
}

/**
 * Each user's positive items as dense indices, most recent (by last positive event) first, ties by id. Items
 * are indexed in id order, so comparing indices compares ids.
 */
function positiveHistories(train: readonly Interaction[]): { itemIds: string[]; histories: Map<string, Int32Array> } {
  const latest = new Map<string, Map<string, number>>();
  for (const { user, item, event, ts } of train) {
    if (POSITIVE[event] === 0) continue;
    let items = latest.get(user);
    if (items === undefined) latest.set(user, (items = new Map()));
    items.set(item, Math.max(ts, items.get(item) ?? -Infinity));
  }
  const itemIds = [...new Set([...latest.values()].flatMap((items) => [...items.keys()]))].sort(compareIds);
  const index = new Map(itemIds.map((item, i) => [item, i]));
  const histories = new Map<string, Int32Array>();
  for (const [user, items] of latest) {
    const ordered = [...items].sort(([a, at], [b, bt]) => bt - at || compareIds(a, b));
    histories.set(
      user,
      Int32Array.from(ordered, ([item]) => index.get(item)!),
    );
  }
  return { itemIds, histories };
}

export interface NeighbourGraph {
  /** Item i's neighbours are item[start[i]] … item[start[i + 1] - 1], most similar first. */
  start: Int32Array;
  item: Int32Array;
  sim: Float64Array;
}

/**
 * Computes item–item similarity one item at a time: co-occurrence counts for item i are accumulated into a
 * dense array by walking the baskets that contain i, so the work is Σ over baskets of |basket|², with no
 * hash map of pairs.
 */
export function neighbourGraph(itemCount: number, baskets: readonly Int32Array[], neighbours: number, shrink: number): NeighbourGraph {
  const holders = new Int32Array(itemCount);
  for (const basket of baskets) for (const i of basket) holders[i]!++;
  const basketStart = new Int32Array(itemCount + 1);
  for (let i = 0; i < itemCount; i++) basketStart[i + 1] = basketStart[i]! + holders[i]!;
  const basketsOf = new Int32Array(basketStart[itemCount]!);
  const fill = basketStart.slice(0, itemCount);
  baskets.forEach((basket, b) => {
    for (const i of basket) basketsOf[fill[i]!++] = b;
  });

  const co = new Float64Array(itemCount);
  const touched = new Int32Array(itemCount);
  const start = new Int32Array(itemCount + 1);
  const edges: number[] = [];
  const sims: number[] = [];
  const best = new TopK(neighbours);
  for (let i = 0; i < itemCount; i++) {
    let count = 0;
    for (let at = basketStart[i]!; at < basketStart[i + 1]!; at++) {
      for (const j of baskets[basketsOf[at]!]!) {
        if (j === i) continue;
        if (co[j] === 0) touched[count++] = j;
        co[j]!++;
      }
    }
    const norm = Math.sqrt(holders[i]!);
    for (const j of touched.subarray(0, count)) {
      best.offer(co[j]! / (norm * Math.sqrt(holders[j]!) + shrink), j);
      co[j] = 0;
    }
    for (const { index, score } of best.drain()) {
      edges.push(index);
      sims.push(score);
    }
    start[i + 1] = edges.length;
  }
  return { start, item: Int32Array.from(edges), sim: Float64Array.from(sims) };
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
}
