import type { AffinityCounts } from './affinity-profile';

/**
 * The dense features of (viewer, note) that the interest model reads beside the embeddings, computed
 * the same way when training (at the time of each event) and when serving (now). A stored model
 * version records these names; one trained on others is not served (see model-codec).
 */
export const NOTE_FEATURES = [
  'popularity',
  'freshness',
  'interestMatch',
  'followedAuthor',
  'video',
  'topicCount',
  'hasProducts',
  'priceBand',
  'categoryAffinity',
  'creatorAffinity',
] as const;

export interface FeatureProduct {
  category: string;
  priceMinor: number;
}

export interface FeatureNote {
  authorId: string;
  kind: 'image' | 'video';
  topics: readonly string[];
  trendingScore: number;
  publishedAt: Date | null;
  createdAt: Date;
  products: readonly FeatureProduct[];
}

export interface FeatureViewer {
  interests: ReadonlySet<string>;
  followed: ReadonlySet<string>;
}

const FRESHNESS_HALF_LIFE_HOURS = 48;
/** Decades of price in major units that the band spans: ¥1 reads 0, ¥10,000 and dearer read 1. */
const PRICE_DECADES = 4;

/** Writes the note's features at `out[offset..]`, in NOTE_FEATURES order; `profile` is what the viewer engaged with before `atMs`. */
export function writeNoteFeatures(
  note: FeatureNote,
  viewer: FeatureViewer,
  profile: AffinityCounts,
  atMs: number,
  out: Float32Array,
  offset: number,
): void {
  const ageHours = Math.max(0, (atMs - (note.publishedAt ?? note.createdAt).getTime()) / 3_600_000);
  out[offset] = Math.log1p(Math.max(0, note.trendingScore)) / 5;
  out[offset + 1] = 0.5 ** (ageHours / FRESHNESS_HALF_LIFE_HOURS);
  out[offset + 2] = note.topics.some((t) => viewer.interests.has(t)) ? 1 : 0;
  out[offset + 3] = viewer.followed.has(note.authorId) ? 1 : 0;
  out[offset + 4] = note.kind === 'video' ? 1 : 0;
  out[offset + 5] = Math.min(note.topics.length, 5) / 5;
  out[offset + 6] = note.products.length > 0 ? 1 : 0;
  out[offset + 7] = priceBand(note.products);
  out[offset + 8] = categoryAffinity(note.products, profile);
  out[offset + 9] = creatorAffinity(note.authorId, profile);
}

/**
 * The cheapest tagged product's price on a log scale in [0, 1]; 0 without products. Prices are read as
 * if in one currency (every demo price is CNY): a band ignores the currency the product is sold in.
 */
function priceBand(products: readonly FeatureProduct[]): number {
  if (products.length === 0) return 0;
  const cheapest = Math.min(...products.map((p) => p.priceMinor));
  return Math.min(1, Math.log10(Math.max(100, cheapest) / 100) / PRICE_DECADES);
}

/**
 * The largest share of the viewer's engagements that went to notes tagging one of this note's product
 * categories. The largest rather than the share of their union: the profile counts per category, and
 * a note tagging two categories would otherwise be counted twice.
 */
function categoryAffinity(products: readonly FeatureProduct[], profile: AffinityCounts): number {
  if (profile.engagements === 0) return 0;
  let most = 0;
  for (const { category } of products) most = Math.max(most, profile.categoryEngagements(category));
  return most / profile.engagements;
}

/** Distinct notes of the creator the viewer engaged with, n, as 1 - 1/(1 + n): 0, 0.5, 0.67, 0.75, … */
function creatorAffinity(authorId: string, profile: AffinityCounts): number {
  const n = profile.creatorNotes(authorId);
  return 1 - 1 / (1 + n);
}
