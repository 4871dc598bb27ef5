import { TopK } from '../top-k';
import { seededRandom } from '../training/random';

/**
 * Approximate maximum-inner-product search: an inverted file (IVF) over the item vectors. Each vector is
 * lifted by one coordinate so that all have the same norm (the largest), which makes the largest inner
 * product the nearest neighbour, whose lists spherical k-means can cut. A query visits the lists whose
 * centroids it scores highest, and reads the exact scores within them, paging past the ids it is told to
 * skip by visiting more lists until it has k.
 */
export interface IvfSettings {
  /** Lists; √n when unset. */
  lists?: number;
  /** k-means rounds over the vectors. */
  rounds: number;
  seed: number;
}

export const IVF_DEFAULTS: IvfSettings = { rounds: 8, seed: 42 };

export interface IvfParts {
  width: number;
  maxNorm: number;
  centroids: Float32Array;
  probes: number;
}

export interface Scored {
  id: string;
  score: number;
}

export class IvfIndex {
  /** Lists to visit per query; calibrate() sets it from sample queries. */
  probes: number;
  private readonly ids: string[] = [];
  private readonly rows = new Map<string, number>();
  /** Row-major [rows × width], growing as add() appends. */
  private vectors: Float32Array;
  private readonly members: number[][];

  private constructor(
    readonly width: number,
    private readonly maxNorm: number,
    /** Row-major [lists × (width + 1)], unit length, over the lifted vectors. */
    private readonly centroids: Float32Array,
    capacity: number,
  ) {
    this.vectors = new Float32Array(Math.max(1, capacity) * width);
    this.members = Array.from({ length: centroids.length / (width + 1) }, () => []);
    this.probes = this.members.length;
  }

  /** An index of `vectors` (row-major [ids.length × width]). */
  static build(ids: readonly string[], vectors: Float32Array, width: number, settings: IvfSettings = IVF_DEFAULTS): IvfIndex {
    const n = ids.length;
    let maxNorm = 0;
    for (let r = 0; r < n; r += 1) maxNorm = Math.max(maxNorm, norm(vectors, r * width, width));
    const lifted = new Float32Array(n * (width + 1));
    for (let r = 0; r < n; r += 1) lift(vectors, r * width, width, maxNorm, lifted, r * (width + 1));
    const lists = Math.max(1, Math.min(n, settings.lists ?? Math.round(Math.sqrt(n))));
    const index = new IvfIndex(width, maxNorm, sphericalKMeans(lifted, n, width + 1, lists, settings), n);
    index.addAll(ids, vectors);
    return index;
  }

  /** An empty index on lists a build made (`parts()`): serving's, without running k-means again. */
  static restore(parts: IvfParts, capacity: number): IvfIndex {
    const index = new IvfIndex(parts.width, parts.maxNorm, parts.centroids, capacity);
    index.probes = parts.probes;
    return index;
  }

  /** What restore() needs: what a model version stores of the index. */
  parts(): IvfParts {
    return { width: this.width, maxNorm: this.maxNorm, centroids: this.centroids, probes: this.probes };
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  /** Adds `vectors` (row-major, `width` each) under `ids`. */
  addAll(ids: readonly string[], vectors: Float32Array): void {
    ids.forEach((id, r) => this.add(id, vectors.subarray(r * this.width, (r + 1) * this.width)));
  }

  /** Adds a vector (a note posted after the build) to the list whose centroid is nearest; an id already in stays as it is. */
  add(id: string, vector: ArrayLike<number>): void {
    if (this.rows.has(id)) return;
    const row = this.ids.length;
    if ((row + 1) * this.width > this.vectors.length) {
      const grown = new Float32Array(this.vectors.length * 2);
      grown.set(this.vectors);
      this.vectors = grown;
    }
    this.vectors.set(
      Array.from({ length: this.width }, (_, d) => vector[d] as number),
      row * this.width,
    );
    this.ids.push(id);
    this.rows.set(id, row);
    const lifted = new Float32Array(this.width + 1);
    lift(this.vectors, row * this.width, this.width, this.maxNorm, lifted, 0);
    (this.members[nearestCentroid(this.centroids, lifted, this.width + 1)] as number[]).push(row);
  }

  /** The inner product of `query` with the vector of `id`; undefined for an id not in the index. */
  score(query: ArrayLike<number>, id: string): number | undefined {
    const row = this.rows.get(id);
    return row === undefined ? undefined : dot(this.vectors, row * this.width, query, this.width);
  }

  /** The k ids with the largest inner product with `query`, best first, among those `skip` leaves. */
  search(query: ArrayLike<number>, k: number, skip: ReadonlySet<string> = NONE): Scored[] {
    const width = this.width + 1;
    const order = this.members
      .map((_, list) => ({ list, score: dot(this.centroids, list * width, query, this.width) }))
      .sort((a, b) => b.score - a.score);
    const top = new TopK(k);
    for (let p = 0; p < order.length && (p < this.probes || top.size < k); p += 1)
      this.scan((this.members[(order[p] as { list: number }).list] as number[]).values(), query, skip, top);
    return this.named(top);
  }

  /** The same answer by reading every vector: what search() is measured against. */
  exactSearch(query: ArrayLike<number>, k: number, skip: ReadonlySet<string> = NONE): Scored[] {
    const top = new TopK(k);
    this.scan(this.ids.keys(), query, skip, top);
    return this.named(top);
  }

  /** Mean share of the exact top k that search() finds, over `queries` (row-major, `width` each). */
  recallAt(queries: Float32Array, k: number, exact = this.exactAnswers(queries, k)): number {
    if (exact.length === 0) return 1;
    let sum = 0;
    exact.forEach((truth, q) => {
      const found = new Set(this.search(queries.subarray(q * this.width, (q + 1) * this.width), k).map((s) => s.id));
      sum += truth.filter((s) => found.has(s.id)).length / Math.max(1, truth.length);
    });
    return sum / exact.length;
  }

  /** Sets `probes` to the fewest lists whose recall@k on the sample `queries` reaches `target`. */
  calibrate(queries: Float32Array, k: number, target: number): number {
    const exact = this.exactAnswers(queries, k);
    let low = 1;
    let high = this.members.length;
    while (low < high) {
      this.probes = Math.floor((low + high) / 2);
      if (this.recallAt(queries, k, exact) >= target) high = this.probes;
      else low = this.probes + 1;
    }
    this.probes = low;
    return low;
  }

  private exactAnswers(queries: Float32Array, k: number): Scored[][] {
    return Array.from({ length: queries.length / this.width }, (_, q) =>
      this.exactSearch(queries.subarray(q * this.width, (q + 1) * this.width), k),
    );
  }

  private named(top: TopK): Scored[] {
    return top.drain().map(({ index, score }) => ({ id: this.ids[index] as string, score }));
  }

  private scan(rows: Iterable<number>, query: ArrayLike<number>, skip: ReadonlySet<string>, top: TopK): void {
    for (const row of rows) {
      if (skip.size > 0 && skip.has(this.ids[row] as string)) continue;
      top.offer(dot(this.vectors, row * this.width, query, this.width), row);
    }
  }
}

const NONE: ReadonlySet<string> = new Set();

function dot(matrix: Float32Array, offset: number, query: ArrayLike<number>, width: number): number {
  let sum = 0;
  for (let d = 0; d < width; d += 1) sum += (matrix[offset + d] as number) * (query[d] as number);
  return sum;
}

function norm(matrix: Float32Array, offset: number, width: number): number {
  return Math.sqrt(dot(matrix, offset, matrix.subarray(offset, offset + width), width));
}

/** Writes [v, √(M² − |v|²)] / M: every lifted vector has unit length, and a query's last coordinate is 0. */
function lift(vectors: Float32Array, offset: number, width: number, maxNorm: number, out: Float32Array, at: number): void {
  const scale = maxNorm > 0 ? 1 / maxNorm : 0;
  let squared = 0;
  for (let d = 0; d < width; d += 1) {
    const value = (vectors[offset + d] as number) * scale;
    out[at + d] = value;
    squared += value * value;
  }
  // A vector added after the build may be longer than M: it keeps its direction, with nothing lifted.
  out[at + width] = Math.sqrt(Math.max(0, 1 - squared));
}

function nearestCentroid(centroids: Float32Array, vector: Float32Array, width: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c * width < centroids.length; c += 1) {
    const score = dot(centroids, c * width, vector, width);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

/** Unit-length centroids of `lists` clusters of unit vectors, started from distinct vectors drawn at random. */
function sphericalKMeans(vectors: Float32Array, n: number, width: number, lists: number, settings: IvfSettings): Float32Array {
  const random = seededRandom(settings.seed);
  const centroids = new Float32Array(lists * width);
  const drawn = new Set<number>();
  while (drawn.size < Math.min(lists, n)) drawn.add(Math.floor(random() * n));
  [...drawn].forEach((row, c) => centroids.set(vectors.subarray(row * width, (row + 1) * width), c * width));
  const assigned = new Int32Array(n);
  for (let round = 0; round < settings.rounds; round += 1) {
    for (let r = 0; r < n; r += 1) assigned[r] = nearestCentroid(centroids, vectors.subarray(r * width, (r + 1) * width), width);
    const sums = new Float64Array(lists * width);
    for (let r = 0; r < n; r += 1) {
      const c = assigned[r] as number;
      for (let d = 0; d < width; d += 1) sums[c * width + d] = (sums[c * width + d] as number) + (vectors[r * width + d] as number);
    }
    for (let c = 0; c < lists; c += 1) {
      let length = 0;
      for (let d = 0; d < width; d += 1) length += (sums[c * width + d] as number) ** 2;
      // An empty list keeps its centroid; it may gather members in the next round.
      if (length === 0) continue;
      const scale = 1 / Math.sqrt(length);
      for (let d = 0; d < width; d += 1) centroids[c * width + d] = (sums[c * width + d] as number) * scale;
    }
  }
  return centroids;
}
