/**
 * The dense features of (viewer, note) that the interest model reads beside the embeddings, computed
 * the same way when training (at the time of each event) and when serving (now).
 */
export const NOTE_FEATURES = ['popularity', 'freshness', 'interestMatch', 'followedAuthor', 'video', 'topicCount'] as const;

export interface FeatureNote {
  authorId: string;
  kind: 'image' | 'video';
  topics: readonly string[];
  trendingScore: number;
  publishedAt: Date | null;
  createdAt: Date;
}

export interface FeatureViewer {
  interests: ReadonlySet<string>;
  followed: ReadonlySet<string>;
}

const FRESHNESS_HALF_LIFE_HOURS = 48;

/** Writes the note's features at `out[offset..]`, in NOTE_FEATURES order. */
export function writeNoteFeatures(note: FeatureNote, viewer: FeatureViewer, atMs: number, out: Float32Array, offset: number): void {
  const ageHours = Math.max(0, (atMs - (note.publishedAt ?? note.createdAt).getTime()) / 3_600_000);
  out[offset] = Math.log1p(Math.max(0, note.trendingScore)) / 5;
  out[offset + 1] = 0.5 ** (ageHours / FRESHNESS_HALF_LIFE_HOURS);
  out[offset + 2] = note.topics.some((t) => viewer.interests.has(t)) ? 1 : 0;
  out[offset + 3] = viewer.followed.has(note.authorId) ? 1 : 0;
  out[offset + 4] = note.kind === 'video' ? 1 : 0;
  out[offset + 5] = Math.min(note.topics.length, 5) / 5;
}
