import type { InferSelectModel } from 'drizzle-orm';
import type * as schema from '../models/schema';
import type { Lang, Topic } from './phrases';
import type { Random } from './random';

// Rows are typed from the Drizzle tables so a schema change breaks the seeder at compile time.
// The search document (`search`) is left out: the seed indexes it after the copy.
export type UserRow = InferSelectModel<typeof schema.users>;
export type BrandRow = InferSelectModel<typeof schema.brands>;
export type ProductRow = Omit<InferSelectModel<typeof schema.products>, 'search'>;
export type NoteRow = Omit<InferSelectModel<typeof schema.notes>, 'search'>;
export type NoteMediaRow = InferSelectModel<typeof schema.noteMedia>;
export type NoteProductRow = InferSelectModel<typeof schema.noteProducts>;
export type FollowRow = InferSelectModel<typeof schema.follows>;
export type BoardRow = InferSelectModel<typeof schema.boards>;
export type LikeRow = InferSelectModel<typeof schema.likes>;
export type CollectRow = InferSelectModel<typeof schema.collects>;
export type CommentRow = InferSelectModel<typeof schema.comments>;
export type HiddenNoteRow = InferSelectModel<typeof schema.hiddenNotes>;
export type HiddenCreatorRow = InferSelectModel<typeof schema.hiddenCreators>;
export type EventRow = InferSelectModel<typeof schema.interactionEvents>;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Days of history covered by published notes and the interaction log. */
export const WINDOW_DAYS = 30;

/** What the generator knows about an account beyond its row. */
export interface Person {
  index: number;
  row: UserRow;
  lang: Lang;
  interests: Topic[];
  /** Relative number of browsing sessions; 0 for accounts that never browse. */
  activity: number;
  /** Relative chance of being followed and of the account's notes doing well. */
  popularity: number;
}

export interface Brand {
  row: BrandRow;
  topic: Topic;
  lang: Lang;
}

export interface Product {
  index: number;
  row: ProductRow;
  brandIndex: number;
}

export interface Note {
  index: number;
  row: NoteRow;
  authorIndex: number;
  /** Topic keys among the note's topics; the first is its main topic. */
  topicKeys: Topic[];
  lang: Lang;
  /** Milliseconds of the video, null for image notes. */
  durationMs: number | null;
  productIndexes: number[];
}

// Relative activity by hour of day in China (UTC+8): quiet at night, peaking after dinner.
const HOURLY_ACTIVITY = [3, 1.5, 0.8, 0.5, 0.4, 0.5, 1, 2, 3, 3.5, 3.5, 4, 5, 4.5, 4, 4, 4.5, 5, 6, 7, 8, 8.5, 7, 5];
const PEAK_ACTIVITY = Math.max(...HOURLY_ACTIVITY);

/** A moment in [from, to) drawn with the daily rhythm of a Chinese app's traffic. */
export function activeMoment(random: Random, from: number, to: number): number {
  for (;;) {
    const t = random.between(from, to);
    const hour = Math.floor((t / HOUR_MS + 8) % 24);
    if (random.next() * PEAK_ACTIVITY < (HOURLY_ACTIVITY[hour] ?? 0)) return Math.floor(t);
  }
}
