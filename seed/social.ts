import { HOUR_MS, type BoardRow, type FollowRow, type Person } from './model';
import type { Population } from './people';
import { GENERAL_BOARD, PHRASES, type Topic } from './phrases';
import type { Random } from './random';

/** Board ids of one user by the topic they collect into; 'general' is the catch-all wishlist. */
export type UserBoards = Map<Topic | 'general', string>;

/**
 * Follows made before the event window (so they have no events): about twenty creators each,
 * drawn by creator popularity and favouring creators who share the follower's interests.
 */
export function generateFollowGraph(random: Random, population: Population, windowStart: number): FollowRow[] {
  const { creators } = population;
  const rows: FollowRow[] = [];
  for (const person of [...population.creators, ...population.viewers]) {
    const available = creators.length - (person.row.role === 'creator' ? 1 : 0);
    const count = Math.min(available, Math.max(5, Math.min(40, Math.round(20 + 6 * random.normal()))));
    // Weighted sampling without replacement (Efraimidis–Spirakis): smallest -ln(u)/w wins.
    const keyed: { creator: Person; key: number }[] = [];
    for (const creator of creators) {
      if (creator === person) continue;
      const shares = creator.interests.some((t) => person.interests.includes(t));
      const weight = creator.popularity * (shares ? 4 : 1);
      keyed.push({ creator, key: -Math.log(1 - random.next()) / weight });
    }
    keyed.sort((a, b) => a.key - b.key);
    const chosen = keyed.slice(0, count).map((k) => k.creator);
    // The demo viewer's following feed should show the demo creator.
    const demoCreator = creators[0];
    if (person === population.viewers[0] && demoCreator && !chosen.includes(demoCreator)) chosen.push(demoCreator);
    for (const followee of chosen) {
      const from = Math.max(person.row.createdAt.getTime(), followee.row.createdAt.getTime()) + HOUR_MS;
      rows.push({
        followerId: person.row.id,
        followeeId: followee.row.id,
        createdAt: new Date(random.between(from, windowStart - HOUR_MS)),
      });
    }
  }
  return rows;
}

export function generateBoards(
  random: Random,
  population: Population,
  windowStart: number,
): { rows: BoardRow[]; byUser: Map<number, UserBoards> } {
  const rows: BoardRow[] = [];
  const byUser = new Map<number, UserBoards>();
  for (const person of [...population.creators, ...population.viewers]) {
    const boards: UserBoards = new Map();
    const isDemo = person === population.viewers[0];
    for (const topic of person.interests) {
      if (isDemo || random.chance(0.5)) boards.set(topic, PHRASES[topic].board[person.lang]);
    }
    if (isDemo || random.chance(0.3)) boards.set('general', GENERAL_BOARD[person.lang]);
    const ids: UserBoards = new Map();
    for (const [key, name] of boards) {
      const createdAt = random.between(person.row.createdAt.getTime(), windowStart - HOUR_MS);
      const id = random.uuidv7(createdAt);
      rows.push({ id, userId: person.row.id, name, createdAt: new Date(createdAt) });
      ids.set(key, id);
    }
    if (ids.size > 0) byUser.set(person.index, ids);
  }
  return { rows, byUser };
}
