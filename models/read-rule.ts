import { sql, type SQL } from 'drizzle-orm';

/**
 * When a view counts as a read (a "long view"): from this share of a video, or this many seconds on
 * an image note. The recommender's long-view label, the analytics funnel's reads and attribution's
 * view-through touches all ask this file, in TypeScript or in SQL; the two forms below are kept side
 * by side, and a test runs both on the same values.
 */
export const READ_RULE = { videoRatio: 0.5, imageSeconds: 5 } as const;

/**
 * A view's value is a watch ratio (0–1) for videos and seconds on screen for images; when the kind is
 * unknown (an interaction file), values up to 1 are read as ratios and larger ones as seconds. A view
 * with no value recorded counts as read: the log did not measure it.
 */
export function isRead(value: number | null, kind?: 'image' | 'video'): boolean {
  if (value === null) return true;
  if (kind === 'video' || (kind === undefined && value <= 1)) return value >= READ_RULE.videoRatio;
  return value >= READ_RULE.imageSeconds;
}

/** isRead() for a view's `value` and its note's `kind` (as text) in a query. */
export function isReadSql(value: SQL, kind: SQL): SQL {
  return sql`(${value} IS NULL OR (${kind} = 'video' AND ${value} >= ${sql.raw(String(READ_RULE.videoRatio))})
    OR (${kind} = 'image' AND ${value} >= ${sql.raw(String(READ_RULE.imageSeconds))}))`;
}
