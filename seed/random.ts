// A small seeded PRNG (mulberry32) so the demo world is reproducible: Math.random and
// crypto.randomBytes would give a different world, and different ids, on every run.
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator of its own, so adding draws to one stage does not reshuffle every later stage. */
  fork(label: string): Random {
    let hash = (this.state ^ 0x811c9dc5) >>> 0;
    for (let i = 0; i < label.length; i += 1) {
      hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
    }
    return new Random(hash);
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Index drawn in proportion to weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i += 1) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /**
   * A UUIDv7 (RFC 9562) for the given time with PRNG bits, so seeded rows sort by time in their
   * primary-key index exactly like ids minted by the server, yet are the same on every run.
   */
  uuidv7(ms: number): string {
    const time = Math.floor(ms).toString(16).padStart(12, '0');
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    return (
      `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(a & 0xfff, 3)}-` +
      `${hex(0x8000 | ((a >>> 12) & 0x3fff), 4)}-${hex(b, 8)}${hex(c & 0xffff, 4)}`
    );
  }
}

function hex(value: number, width: number): string {
  return (value >>> 0).toString(16).padStart(width, '0');
}

/** Cumulative sums, for drawing many times from one fixed weighting with a binary search. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(weights.length + 1);
  for (let i = 0; i < weights.length; i += 1) sums[i + 1] = (sums[i] ?? 0) + (weights[i] ?? 0);
  return sums;
}

/** Index i in [start, end) with probability proportional to weight i, given cumulative sums. */
export function drawCumulative(random: Random, sums: Float64Array, start = 0, end = sums.length - 1): number {
  const base = sums[start] ?? 0;
  const target = base + random.next() * ((sums[end] ?? 0) - base);
  let lo = start;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sums[mid + 1] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Number of sorted values that are <= limit. */
export function countAtOrBefore(sorted: ArrayLike<number>, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
