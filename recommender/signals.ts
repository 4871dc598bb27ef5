import { isRead } from '../models/read-rule';
import type { EventType } from '../models/schema';

/**
 * What each kind of feedback means to the recommender, in one place (as gorse keeps it in
 * configuration): which model head an event labels, and how the heads' probabilities add up to the
 * feed score.
 */
export const HEADS = ['longView', 'like', 'collect', 'productClick', 'purchase'] as const;
export type Head = (typeof HEADS)[number];

/**
 * The feed score is the weighted sum of the heads' probabilities. A purchase is rare and worth the
 * most; a long view is common and says least. Change them here and nowhere else.
 */
export const SCORE_WEIGHTS: Readonly<Record<Head, number>> = {
  longView: 1,
  like: 2,
  collect: 3,
  productClick: 2,
  purchase: 6,
};

const HEAD_OF: Partial<Record<EventType, Head>> = {
  like: 'like',
  collect: 'collect',
  product_click: 'productClick',
  purchase: 'purchase',
};

/**
 * Events that engage with a note: what a viewer's affinity to creators and product categories is
 * counted from. The heads they label are the holdout's positives. The partial index
 * events_user_engagement_idx lists them too: change both together.
 */
export const ENGAGEMENT_EVENTS: readonly EventType[] = ['like', 'collect', 'product_click', 'purchase'];

/** ENGAGEMENT_EVENTS as a set, for telling an event's type. */
export const ENGAGING: ReadonlySet<string> = new Set(ENGAGEMENT_EVENTS);

/** The heads engagement events label: the trainer's holdout positives. */
export const ENGAGEMENT_HEADS: readonly Head[] = ENGAGEMENT_EVENTS.flatMap((event) => HEAD_OF[event] ?? []);

/** Events that say nothing about interest in the note itself, or say the opposite. */
export const NOT_POSITIVE: ReadonlySet<EventType> = new Set(['impression', 'served', 'hide', 'follow']);

/**
 * The heads an event labels positive. Engaging (like, collect, comment, share, click, purchase)
 * implies the note was read, so those events label a long view too.
 */
export function headsOf(event: EventType, value: number | null, kind?: 'image' | 'video'): Head[] {
  if (NOT_POSITIVE.has(event)) return [];
  if (event === 'view') return isRead(value, kind) ? ['longView'] : [];
  const head = HEAD_OF[event];
  return head ? ['longView', head] : ['longView'];
}

/** Combines per-head probabilities (row-major, HEADS order) into feed scores. */
export function feedScores(probabilities: Float32Array, weights: Readonly<Record<Head, number>> = SCORE_WEIGHTS): Float32Array {
  const k = HEADS.length;
  const scores = new Float32Array(probabilities.length / k);
  const w = HEADS.map((head) => weights[head]);
  for (let n = 0; n < scores.length; n += 1) {
    let s = 0;
    for (let h = 0; h < k; h += 1) s += (w[h] as number) * (probabilities[n * k + h] as number);
    scores[n] = s;
  }
  return scores;
}

/**
 * How far the two-tower's view of a viewer's latest actions moves a page's scores: a candidate whose
 * retrieval score is one standard deviation above the page's mean scores e^RETRIEVAL_WEIGHT (1.65×) as
 * much, one below 1/1.65×. It is how a like reaches the ranking before the interest model retrains,
 * since the model knows only the viewers and notes of its training window. Chosen, not learnt.
 */
export const RETRIEVAL_WEIGHT = 0.5;

/**
 * The feed scores scaled by each candidate's standardised retrieval score (NaN: a note without a vector,
 * left as it is). Multiplying keeps the scores' unit, whatever weights an experiment arm gives the heads.
 */
export function withRetrieval(scores: Float32Array, retrieval: Float32Array, weight = RETRIEVAL_WEIGHT): Float32Array {
  const known = retrieval.filter((r) => !Number.isNaN(r));
  if (known.length < 2) return scores;
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  const sd = Math.sqrt(known.reduce((a, b) => a + (b - mean) ** 2, 0) / known.length);
  if (sd === 0) return scores;
  return scores.map((score, n) => {
    const r = retrieval[n] as number;
    return Number.isNaN(r) ? score : score * Math.exp((weight * (r - mean)) / sd);
  });
}

export function headsIn(names: readonly string[]): Head[] {
  return HEADS.filter((head) => names.includes(head));
}

/** Score weights for a model that learnt only some heads: the others would score noise, so they weigh nothing. */
export function scoreWeights(trained: readonly Head[], weights: Readonly<Record<Head, number>> = SCORE_WEIGHTS): Record<Head, number> {
  return Object.fromEntries(HEADS.map((head) => [head, trained.includes(head) ? weights[head] : 0])) as Record<Head, number>;
}
