import type { Candidate } from '../recall/source';

/** What a For-You page is assembled for: the viewer, their scroll session and what they asked not to see. */
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
