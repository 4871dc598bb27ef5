import type { Random } from './random';

const MAX_HANDLE = 30;

/** A handle in [a-z0-9_]{3,30} built from `base`, with digits appended until it is not taken. */
export function uniqueHandle(base: string, taken: ReadonlySet<string>, random: Random): string {
  const clean = base
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '')
    .slice(0, MAX_HANDLE - 5)
    .padEnd(3, '0');
  if (!taken.has(clean)) return clean;
  // Longer suffixes after a few misses, so even a crowded base terminates quickly.
  for (let attempt = 0; ; attempt += 1) {
    const digits = 2 + Math.floor(attempt / 5);
    const suffix = String(random.int(10 ** (digits - 1), 10 ** digits - 1));
    const candidate = `${clean.slice(0, MAX_HANDLE - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
