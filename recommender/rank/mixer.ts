import type { Candidate } from '../recall/source';
import { RANK_WEIGHTS, scoreCandidate } from './heuristic';
import type { RankContext } from './page';
import { jitter, sessionSeed } from './session-jitter';

/** How a page is mixed, whatever the scores. */
export const MIXING = {
  /** Slots for fresh, little-seen notes (2 of 20), so new creators get seen. */
  explorationShare: 0.1,
  /** At most this share of a page is sponsored (at least one note allowed). */
  sponsoredShare: 0.1,
  /** Each further note of an author already on the page is worth this fraction of the last. */
  authorRepeatDecay: 0.5,
  /** The same for a topic: each note already on the page about the candidate's most shown topic. */
  topicRepeatDecay: 0.95,
} as const;

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
  const perTopic = new Map<string, number>();
  let sponsored = 0;
  const sponsoredCap = Math.max(1, Math.floor(count * MIXING.sponsoredShare));
  const allowed = (c: Candidate) => !c.note.sponsored || sponsored < sponsoredCap;
  const remove = (index: number): Candidate | undefined => {
    const [chosen] = scored.splice(index, 1);
    if (!chosen) return undefined;
    perAuthor.set(chosen.c.note.authorId, (perAuthor.get(chosen.c.note.authorId) ?? 0) + 1);
    for (const topic of chosen.c.note.topics) perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
    if (chosen.c.note.sponsored) sponsored += 1;
    return chosen.c;
  };
  const take = (): Candidate | undefined => {
    const index = bestIndex(scored, (c) => repetitionFactor(c, perAuthor, perTopic), allowed);
    return index < 0 ? undefined : remove(index);
  };
  const slots = Math.floor(count * MIXING.explorationShare);
  while (picked.length < count - slots) {
    const next = take();
    if (!next) break;
    picked.push(next);
  }
  // Exploration slots: the least-read fresh notes, newest first, get in whatever their score (the model
  // knows nothing of a note nobody has engaged with yet), spread through the page. As they are read,
  // their view counts rise and other notes take the slots.
  const explored: Candidate[] = [];
  const fresh = scored
    .filter(({ c }) => c.sources.has('fresh'))
    .sort(
      (a, b) =>
        a.c.note.viewCount - b.c.note.viewCount ||
        publishedMs(b.c) - publishedMs(a.c) ||
        jitter(seed, a.c.note.id) - jitter(seed, b.c.note.id),
    );
  for (const entry of fresh) {
    if (explored.length === slots) break;
    if (!allowed(entry.c)) continue;
    const chosen = remove(scored.indexOf(entry));
    if (chosen) explored.push(chosen);
  }
  const base = picked.length;
  explored.forEach((c, k) => picked.splice(Math.round(((k + 1) * base) / (explored.length + 1)) + k, 0, c));
  while (picked.length < count) {
    const next = take();
    if (!next) break;
    picked.push(next);
  }
  return picked;
}

function publishedMs(c: Candidate): number {
  return (c.note.publishedAt ?? c.note.createdAt).getTime();
}

/** How much an author's and a topic's notes already on the page lower a candidate: a factor in (0, 1]. */
function repetitionFactor(c: Candidate, perAuthor: ReadonlyMap<string, number>, perTopic: ReadonlyMap<string, number>): number {
  // A loop rather than Math.max over a mapped array: this runs for many candidates per pick.
  let topicRepeats = 0;
  for (const topic of c.note.topics) topicRepeats = Math.max(topicRepeats, perTopic.get(topic) ?? 0);
  return MIXING.authorRepeatDecay ** (perAuthor.get(c.note.authorId) ?? 0) * MIXING.topicRepeatDecay ** topicRepeats;
}

/** The index of the best entry by score with the repetition decay applied, among those allowed; -1 when none is. */
function bestIndex(
  scored: readonly { c: Candidate; score: number }[],
  decay: (c: Candidate) => number,
  allowed: (c: Candidate) => boolean,
): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < scored.length; i += 1) {
    const entry = scored[i];
    // Scores are sorted and never negative, and the decay only lowers them: once a raw score
    // cannot beat the best decayed value, no later one can either.
    if (!entry || entry.score <= bestValue) break;
    if (!allowed(entry.c)) continue;
    const value = entry.score * decay(entry.c);
    if (value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  return best;
}
