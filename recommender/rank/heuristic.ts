import type { Candidate } from '../recall/source';
import type { FeatureNote, FeatureViewer } from './note-features';
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

/** What the heuristic reads of a note. */
export type HeuristicNote = Pick<FeatureNote, 'authorId' | 'topics' | 'trendingScore' | 'publishedAt' | 'createdAt'> & { id: string };

/**
 * The heuristic order's score of a note for a viewer at `atMs`, without the session's jitter: the
 * trainer measures the model against it on the holdout, as of each pair's time.
 */
export function heuristicScore(note: HeuristicNote, viewer: FeatureViewer, atMs: number): number {
  const w = RANK_WEIGHTS;
  const ageHours = Math.max(0, (atMs - (note.publishedAt ?? note.createdAt).getTime()) / 3_600_000);
  const freshness = Math.pow(0.5, ageHours / w.freshnessHalfLifeHours);
  const interest = note.topics.some((t) => viewer.interests.has(t)) ? 1 : 0;
  const followed = viewer.followed.has(note.authorId) ? 1 : 0;
  return (
    w.popularity * Math.log1p(Math.max(0, note.trendingScore)) +
    w.followedAuthor * followed +
    w.interestTopic * interest +
    w.freshness * freshness
  );
}

export function scoreCandidate({ note }: Candidate, ctx: RankContext, seed = sessionSeed(ctx.sessionId)): number {
  return heuristicScore(note, ctx, ctx.now.getTime()) + RANK_WEIGHTS.sessionJitter * jitter(seed, note.id);
}
