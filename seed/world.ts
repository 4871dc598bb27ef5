import bcrypt from 'bcryptjs';
import { buildCatalog, planBrands } from './catalog';
import { generateNotes } from './content';
import { simulateInteractions } from './events';
import {
  DAY_MS,
  WINDOW_DAYS,
  type BoardRow,
  type BrandRow,
  type CollectRow,
  type CommentRow,
  type EventRow,
  type FollowRow,
  type HiddenCreatorRow,
  type HiddenNoteRow,
  type LikeRow,
  type NoteMediaRow,
  type NoteProductRow,
  type NoteRow,
  type ProductRow,
  type UserRow,
} from './model';
import { DEMO_HANDLES, generatePeople } from './people';
import { Random } from './random';
import { generateBoards, generateFollowGraph } from './social';

export { DEMO_HANDLES } from './people';
export { TOPICS, type Topic } from './phrases';
export type {
  BoardRow,
  BrandRow,
  CollectRow,
  CommentRow,
  EventRow,
  FollowRow,
  HiddenCreatorRow,
  HiddenNoteRow,
  LikeRow,
  NoteMediaRow,
  NoteProductRow,
  NoteRow,
  ProductRow,
  UserRow,
} from './model';

/** Password of every seeded account. */
export const DEMO_PASSWORD = 'demo-password';
export const DEFAULT_SEED = 42;

export interface WorldOptions {
  /** 1 = about 2,000 people, 20,000 notes and 1,000,000 events; every count scales linearly. */
  scale?: number;
  seed?: number;
  /** End of the 30 days of activity; the world is reproducible for a given seed, scale and now. */
  now?: Date | number;
}

export interface WorldCounts {
  brands: number;
  products: number;
  creators: number;
  viewers: number;
  notes: number;
  events: number;
}

export interface World {
  seed: number;
  scale: number;
  now: Date;
  users: UserRow[];
  brands: BrandRow[];
  products: ProductRow[];
  notes: NoteRow[];
  noteMedia: NoteMediaRow[];
  noteProducts: NoteProductRow[];
  follows: FollowRow[];
  boards: BoardRow[];
  likes: LikeRow[];
  collects: CollectRow[];
  comments: CommentRow[];
  hiddenNotes: HiddenNoteRow[];
  hiddenCreators: HiddenCreatorRow[];
  eventCount: number;
  /** The interaction log in time order; every call yields the same rows. */
  events(): Generator<EventRow>;
}

export function worldCounts(scale: number): WorldCounts {
  const scaled = (base: number): number => Math.max(1, Math.round(base * scale));
  return {
    brands: scaled(50),
    products: scaled(500),
    creators: scaled(600),
    viewers: scaled(1400),
    notes: scaled(20_000),
    events: scaled(1_000_000),
  };
}

export function generateWorld(options: WorldOptions = {}): World {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, got ${scale}`);
  const now = Math.floor(new Date(options.now ?? Date.now()).getTime());
  const windowStart = now - WINDOW_DAYS * DAY_MS;
  // Each stage draws from its own stream, so tuning one stage leaves the others' output alone.
  const root = new Random(seed);
  const counts = worldCounts(scale);

  const takenHandles = new Set<string>(Object.values(DEMO_HANDLES));
  const brandPlans = planBrands(root.fork('brands'), counts.brands, takenHandles, DEMO_HANDLES.brand);
  const population = generatePeople(
    root.fork('people'),
    counts,
    brandPlans,
    takenHandles,
    demoPasswordHash(root.fork('password')),
    windowStart,
  );
  const { brands, products } = buildCatalog(root.fork('catalog'), brandPlans, population.brandOwners, counts.products, windowStart);
  const baseFollows = generateFollowGraph(root.fork('follows'), population, windowStart);
  const boards = generateBoards(root.fork('boards'), population, windowStart);
  const content = generateNotes(root.fork('notes'), counts.notes, population, brands, products, { start: windowStart, end: now });
  const simulation = simulateInteractions(root.fork('interactions'), {
    people: population.people,
    notes: content.notes,
    products,
    follows: baseFollows,
    boards: boards.byUser,
    // Sessions stop short of `now` so that the actions closing a session still land in the past.
    window: { start: windowStart, end: now - 20 * 60_000 },
    targetEvents: counts.events,
  });

  const users = population.people.map((p) => p.row);
  const notes = content.notes.map((n) => n.row);
  const follows = baseFollows.concat(simulation.follows);
  content.notes.forEach((note) => {
    note.row.viewCount = simulation.viewCounts[note.index] ?? 0;
    note.row.shareCount = simulation.shareCounts[note.index] ?? 0;
  });
  const noteById = new Map(notes.map((n) => [n.id, n]));
  for (const like of simulation.likes) bump(noteById.get(like.noteId), 'likeCount');
  for (const collect of simulation.collects) bump(noteById.get(collect.noteId), 'collectCount');
  for (const comment of simulation.comments) bump(noteById.get(comment.noteId), 'commentCount');
  const userById = new Map(users.map((u) => [u.id, u]));
  for (const follow of follows) {
    bump(userById.get(follow.followerId), 'followingCount');
    bump(userById.get(follow.followeeId), 'followerCount');
  }

  const { log, sessionIds } = simulation;
  const ids = {
    users: users.map((u) => u.id),
    notes: notes.map((n) => n.id),
    products: products.map((p) => p.row.id),
    sessions: sessionIds,
  };
  return {
    seed,
    scale,
    now: new Date(now),
    users,
    brands: brands.map((b) => b.row),
    products: products.map((p) => p.row),
    notes,
    noteMedia: content.media,
    noteProducts: content.tags,
    follows,
    boards: boards.rows,
    likes: simulation.likes,
    collects: simulation.collects,
    comments: simulation.comments,
    hiddenNotes: simulation.hiddenNotes,
    hiddenCreators: simulation.hiddenCreators,
    eventCount: log.length,
    events: () => log.rows(ids, seed),
  };
}

function bump<K extends string>(row: Record<K, number> | undefined, key: K): void {
  if (row) row[key] += 1;
}

/**
 * One bcrypt hash shared by every account: hashing thousands of passwords would take minutes.
 * The salt comes from the PRNG so that the world stays reproducible.
 */
function demoPasswordHash(random: Random): string {
  const alphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const salt = Array.from({ length: 22 }, () => alphabet.charAt(random.int(0, alphabet.length - 1))).join('');
  return bcrypt.hashSync(DEMO_PASSWORD, `$2b$10$${salt}`);
}
