export const PRESETS = [7, 30, 90] as const;
export type Preset = (typeof PRESETS)[number];

const DAY_MS = 86_400_000;

/**
 * The last `days` UTC days, today included, as the API's DateRange: both ends UTC midnights, so it is read by day.
 */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

/** Each day's UTC date (YYYY-MM-DD) in the range, for the chart's axis. */
export function daysOf(range: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let at = Date.parse(range.from); at < Date.parse(range.to); at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}
