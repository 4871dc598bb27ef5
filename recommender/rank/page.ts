import type { CandidateRow } from '../../models/repositories/notes.repository';

/** Where a candidate came from; a note proposed by several sources keeps them all. */
export type RecallSource = 'trending' | 'fresh' | 'following' | 'interests' | 'similar' | 'alsoLiked' | 'embedding';

export interface Candidate {
  note: CandidateRow;
  sources: ReadonlySet<RecallSource>;
}

export interface RankContext {
  now: Date;
  sessionId: string;
  viewerId: string | null;
  followed: ReadonlySet<string>;
  interests: ReadonlySet<string>;
  hiddenNotes: ReadonlySet<string>;
  hiddenCreators: ReadonlySet<string>;
  /** Whether notes that tag products, all of them sold out, are left out. */
  hideSoldOut: boolean;
}

/**
 * Weights of the placeholder For-You ranking, all in one place. Popularity (log of the trending
 * score) carries most of the order; following and topic interest lift notes above the global
 * order; freshness keeps new notes visible; a little per-session jitter varies the feed between
 * scroll sessions. For signed-in viewers the interest model's score replaces it once a version serves.
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
  /** The same for a topic: each note already on the page about the candidate's most shown topic. */
  topicRepeatDecay: 0.95,
} as const;

/** How a page is mixed, whatever the scores: shares of a page's notes. */
export const MIXING = {
  /** Slots for fresh, little-seen notes (2 of 20), so new creators get seen. */
  explorationShare: 0.1,
  /** At most this share of a page is sponsored (at least one note allowed). */
  sponsoredShare: 0.1,
} as const;

export function filterCandidates(candidates: Iterable<Candidate>, ctx: RankContext): Candidate[] {
  return [...candidates].filter(
    ({ note }) =>
      note.status === 'published' &&
      note.authorId !== ctx.viewerId &&
      !ctx.hiddenNotes.has(note.id) &&
      !ctx.hiddenCreators.has(note.authorId) &&
      !(ctx.hideSoldOut && soldOut(note)),
  );
}

/** A note that sells only what is out of stock: an ad for nothing. A note without products is never sold out. */
export function soldOut(note: Pick<CandidateRow, 'products'>): boolean {
  return note.products.length > 0 && note.products.every((p) => !p.inStock);
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
  return RANK_WEIGHTS.authorRepeatDecay ** (perAuthor.get(c.note.authorId) ?? 0) * RANK_WEIGHTS.topicRepeatDecay ** topicRepeats;
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

/**
 * "Why am I seeing this": the sources that proposed a note, then up to two reasons a person can read,
 * strongest first, e.g. `following,trending: you follow this creator; about beauty, one of your interests`.
 */
export function explain(candidate: Candidate, ctx: RankContext): string | null {
  const { note, sources } = candidate;
  const reasons: string[] = [];
  if (ctx.followed.has(note.authorId)) reasons.push('you follow this creator');
  if (sources.has('similar')) reasons.push('like the notes you liked or saved lately');
  if (sources.has('alsoLiked')) reasons.push('liked by people who liked what you liked');
  const topic = note.topics.find((t) => ctx.interests.has(t));
  if (topic) reasons.push(`about ${topic}, one of your interests`);
  if (sources.has('embedding')) reasons.push('popular with people whose taste matches yours');
  if (sources.has('fresh') && note.viewCount < FEW_VIEWS) reasons.push('new and seen by few so far');
  if (sources.has('trending')) reasons.push('trending now');
  const names = [...sources].join(',');
  if (!names) return null;
  return reasons.length > 0 ? `${names}: ${reasons.slice(0, 2).join('; ')}` : names;
}

/** Below this many views a fresh note is "new and seen by few". */
const FEW_VIEWS = 100;
