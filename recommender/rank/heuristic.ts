import type { Candidate } from '../recall/source';
import type { RankContext } from './page';
import { jitter, sessionSeed } from './session-jitter';

/**
 * Weights of the heuristic For-You order, which ranks anonymous visitors' pages and every page while
 * no model version serves. Popularity (log of the trending score) carries most of the order; following
 * and topic interest lift notes above the global order; freshness keeps new notes visible; a little
 * per-session jitter, added to the model's scores too, varies the feed between scroll sessions.
 */
export const RANK_WEIGHTS = {
  popularity: 1,
  followedAuthor: 1.5,
  interestTopic: 0.8,
  freshness: 0.6,
  freshnessHalfLifeHours: 48,
  sessionJitter: 0.3,
} as const;

export function scoreCandidate({ note }: Candidate, ctx: RankContext, seed = sessionSeed(ctx.sessionId)): number {
  const w = RANK_WEIGHTS;
  const ageHours = Math.max(0, (ctx.now.getTime() - (note.publishedAt ?? note.createdAt).getTime()) / 3_600_000);
  const freshness = Math.pow(0.5, ageHours / w.freshnessHalfLifeHours);
  const interest = note.topics.some((t) => ctx.interests.has(t)) ? 1 : 0;
  const followed = ctx.followed.has(note.authorId) ? 1 : 0;
  return (
    w.popularity * Math.log1p(Math.max(0, note.trendingScore)) +
    w.followedAuthor * followed +
    w.interestTopic * interest +
    w.freshness * freshness +
    w.sessionJitter * jitter(seed, note.id)
  );
}
