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
 * `liked` is the title of the viewer's latest like or collect, which the two sources that start from
 * their likes name: `similar: like “Autumn lipsticks” and other notes you liked or saved lately`.
 */
export function explain(candidate: Candidate, ctx: RankContext, liked: string | null = null): string | null {
  const { note, sources } = candidate;
  const reasons: string[] = [];
  const latest = liked ? quoted(liked) : null;
  if (ctx.followed.has(note.authorId)) reasons.push('you follow this creator');
  if (sources.has('similar'))
    reasons.push(latest ? `like ${latest} and other notes you liked or saved lately` : 'like the notes you liked or saved lately');
  if (sources.has('alsoLiked'))
    reasons.push(latest ? `liked by people who liked ${latest}, as you did` : 'liked by people who liked what you liked');
  if (sources.has('tower'))
    reasons.push(latest ? `close to ${latest} and what else you read and liked lately` : 'close to what you read and liked lately');
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
/** Characters of a liked note's title a reason quotes. */
const TITLE_CHARS = 24;

function quoted(title: string): string {
  const chars = [...title.trim()];
  return `“${chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS - 1).join('')}…` : chars.join('')}”`;
}
