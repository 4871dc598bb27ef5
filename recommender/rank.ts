import type { CandidateRow } from '../models/repositories/notes.repository';

/** Where a candidate came from; a note proposed by several sources keeps them all. */
export type RecallSource = 'trending' | 'fresh' | 'following' | 'interests' | 'similar' | 'embedding';

export interface Candidate {
  note: CandidateRow;
  sources: Set<RecallSource>;
}

export interface RankContext {
  now: Date;
  sessionId: string;
  viewerId: string | null;
  followed: ReadonlySet<string>;
  interests: ReadonlySet<string>;
  hiddenNotes: ReadonlySet<string>;
  hiddenCreators: ReadonlySet<string>;
}

/**
 * Weights of the placeholder For-You ranking, all in one place. Popularity (log of the trending
 * score) carries most of the order; following and topic interest lift notes above the global
 * order; freshness keeps new notes visible; a little per-session jitter varies the feed between
 * scroll sessions. The tfjs interest model of the recommender issue replaces this score.
 */
export const RANK_WEIGHTS = {
  popularity: 1,
  followedAuthor: 1.5,
  interestTopic: 0.8,
  freshness: 0.6,
  freshnessHalfLifeHours: 48,
  sessionJitter: 0.3,
  /** Each further note of an author already on the page is worth this fraction of the last. */
  authorRepeatDecay: 0.5,
} as const;

export function filterCandidates(candidates: Iterable<Candidate>, ctx: RankContext): Candidate[] {
  return [...candidates].filter(
    ({ note }) =>
      note.status === 'published' &&
      note.authorId !== ctx.viewerId &&
      !ctx.hiddenNotes.has(note.id) &&
      !ctx.hiddenCreators.has(note.authorId),
  );
}

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

/**
 * Picks `count` notes by score, decaying each author's further notes so one creator cannot fill a page.
 * The score is the interest model's (one per candidate, in order) when a model serves the viewer, else
 * the heuristic of RANK_WEIGHTS; either way a little per-session jitter varies the order between sessions.
 */
export function selectPage(
  candidates: readonly Candidate[],
  ctx: RankContext,
  count: number,
  modelScores?: Float32Array | null,
): Candidate[] {
  const seed = sessionSeed(ctx.sessionId);
  const scoreOf = (c: Candidate, i: number) =>
    modelScores ? (modelScores[i] as number) + RANK_WEIGHTS.sessionJitter * jitter(seed, c.note.id) : scoreCandidate(c, ctx, seed);
  const scored = candidates.map((c, i) => ({ c, score: scoreOf(c, i) })).sort((a, b) => b.score - a.score);
  const picked: Candidate[] = [];
  const perAuthor = new Map<string, number>();
  while (picked.length < count && scored.length > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < scored.length; i += 1) {
      const entry = scored[i];
      // Scores are sorted and never negative, and the author decay only lowers them: once a raw
      // score cannot beat the best decayed value, no later one can either.
      if (!entry || entry.score <= bestValue) break;
      const value = entry.score * RANK_WEIGHTS.authorRepeatDecay ** (perAuthor.get(entry.c.note.authorId) ?? 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    const [chosen] = scored.splice(best, 1);
    if (!chosen) break;
    picked.push(chosen.c);
    perAuthor.set(chosen.c.note.authorId, (perAuthor.get(chosen.c.note.authorId) ?? 0) + 1);
  }
  return picked;
}

/**
 * A stable value in [0, 1) per (session, note): the same scroll session always sees the same order.
 * FNV-1a rather than a cryptographic hash: it runs for every candidate of every page, continuing
 * from the session's own hash, which is computed once per page.
 */
function jitter(seed: number, noteId: string): number {
  return fnv1a(noteId, seed) / 2 ** 32;
}

function sessionSeed(sessionId: string): number {
  return fnv1a(sessionId, 0x811c9dc5);
}

function fnv1a(text: string, start: number): number {
  let hash = start;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
