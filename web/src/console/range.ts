import type { AnalyticsInterval } from '../gql/graphql';

export type Preset = '48h' | '7d' | '30d' | '90d';
export const PRESETS: Preset[] = ['48h', '7d', '30d', '90d'];

export interface Range {
  from: string;
  to: string;
  interval: AnalyticsInterval;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DAYS: Record<Exclude<Preset, '48h'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

/**
 * The range a preset means at `now`, as the API reads ranges: whole UTC days ending with today (both ends at UTC
 * midnight, so it answers by day), or for 48 h the hours up to the current one's end (by hour).
 */
export function rangeOf(preset: Preset, now: Date): Range {
  if (preset === '48h') {
    const to = Math.ceil((now.getTime() + 1) / HOUR_MS) * HOUR_MS;
    return { from: new Date(to - 48 * HOUR_MS).toISOString(), to: new Date(to).toISOString(), interval: 'HOUR' };
  }
  const to = Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  return { from: new Date(to - DAYS[preset] * DAY_MS).toISOString(), to: new Date(to).toISOString(), interval: 'DAY' };
}

/** A bucket's start as the axis shows it, in UTC like the ranges: "11-27" by day, "11-27 08:00" by hour. */
export function bucketLabel(at: string, interval: AnalyticsInterval): string {
  const iso = new Date(at).toISOString();
  return interval === 'DAY' ? iso.slice(5, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}
