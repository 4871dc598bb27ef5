import type { TrendingRule } from '../models/repositories/notes.repository';

/**
 * How a note's trending score is computed: the refresh job computes it in SQL for every note now, and
 * training computes it for each example at the example's own moment (training/trending-timeline.ts), so
 * the model learns from the popularity serving will show it and never from the engagements it predicts.
 *
 * Each event counts its weight, halving every `halfLifeHours` and gone after `windowHours`; repeat views
 * count nothing. Anonymous events add at most `anonymousShare` of their weight and never more than the
 * signed-in viewers' own score, so a script without accounts cannot make a note trend.
 */
export const TRENDING: TrendingRule = {
  windowHours: 72,
  halfLifeHours: 24,
  weights: { view: 1, like: 3, collect: 4, comment: 4, share: 5, product_click: 2, purchase: 8 },
  anonymousShare: 0.25,
};
