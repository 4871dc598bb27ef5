/** One engagement (see ENGAGEMENT_EVENTS) of a viewer with a note, as affinity profiles count it. */
export interface Engagement {
  noteId: string;
  authorId: string;
  /** The distinct categories of the products the note tags. */
  categories: readonly string[];
}

/**
 * How much history a profile holds: serving reads no more than this per viewer (one bounded query), and
 * training forgets what falls out of it, so both see the same span.
 */
export const PROFILE_HISTORY = { days: 90, engagements: 500 } as const;

export const DAY_MS = 24 * 3_600_000;

/** What the features read of a profile. */
export type AffinityCounts = Pick<AffinityProfile, 'engagements' | 'creatorNotes' | 'categoryEngagements'>;

/**
 * What a viewer engaged with over a bounded history: distinct notes per creator, engagements per
 * product category and engagements in all (the denominator of category shares). Training slides one
 * along each viewer's log, so it can forget as well as learn.
 */
export class AffinityProfile {
  private total = 0;
  /** Engagements per note: a creator's count is of distinct notes, so a second like of a note must not add to it. */
  private readonly perNote = new Map<string, number>();
  private readonly perCreator = new Map<string, number>();
  private readonly perCategory = new Map<string, number>();

  static of(engagements: Iterable<Engagement>): AffinityProfile {
    const profile = new AffinityProfile();
    for (const engagement of engagements) profile.add(engagement);
    return profile;
  }

  get engagements(): number {
    return this.total;
  }

  /** Distinct notes of the creator the viewer engaged with. */
  creatorNotes(authorId: string): number {
    return this.perCreator.get(authorId) ?? 0;
  }

  /** Engagements with notes tagging a product of the category. */
  categoryEngagements(category: string): number {
    return this.perCategory.get(category) ?? 0;
  }

  add(engagement: Engagement): void {
    this.total += 1;
    if (bump(this.perNote, engagement.noteId, 1) === 1) bump(this.perCreator, engagement.authorId, 1);
    for (const category of engagement.categories) bump(this.perCategory, category, 1);
  }

  remove(engagement: Engagement): void {
    this.total -= 1;
    if (bump(this.perNote, engagement.noteId, -1) === 0) bump(this.perCreator, engagement.authorId, -1);
    for (const category of engagement.categories) bump(this.perCategory, category, -1);
  }
}

/** Adds `by` to a count and returns the new count; counts that reach zero are dropped, so a sliding profile stays small. */
function bump(counts: Map<string, number>, key: string, by: number): number {
  const count = (counts.get(key) ?? 0) + by;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
  return count;
}

export function categoriesOf(products: readonly { category: string }[]): string[] {
  return [...new Set(products.map((p) => p.category))];
}
