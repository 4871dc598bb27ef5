/** Keeps the `capacity` best (score, index) pairs offered, in a min-heap; equal scores prefer the smaller index. */
export class TopK {
  private readonly scores: Float64Array;
  private readonly indices: Int32Array;
  private filled = 0;

  constructor(private readonly capacity: number) {
    this.scores = new Float64Array(capacity);
    this.indices = new Int32Array(capacity);
  }

  /** How many pairs it holds: `capacity` at most. */
  get size(): number {
    return this.filled;
  }

  offer(score: number, index: number): void {
    if (this.filled < this.capacity) {
      this.scores[this.filled] = score;
      this.indices[this.filled] = index;
      this.siftUp(this.filled++);
    } else if (this.capacity > 0 && this.worse(0, score, index)) {
      this.scores[0] = score;
      this.indices[0] = index;
      this.siftDown(0);
    }
  }

  /** Empties the heap, returning its pairs best first. */
  drain(): { index: number; score: number }[] {
    const pairs = Array.from(this.indices.subarray(0, this.filled), (index, at) => ({ index, score: this.scores[at]! }));
    this.filled = 0;
    return pairs.sort((a, b) => b.score - a.score || a.index - b.index);
  }

  /** Whether the pair at heap position `at` ranks below (score, index). */
  private worse(at: number, score: number, index: number): boolean {
    const own = this.scores[at]!;
    return own < score || (own === score && this.indices[at]! > index);
  }

  private siftUp(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.worse(at, this.scores[parent]!, this.indices[parent]!)) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(at: number): void {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < this.filled && this.worse(left, this.scores[worst]!, this.indices[worst]!)) worst = left;
      if (right < this.filled && this.worse(right, this.scores[worst]!, this.indices[worst]!)) worst = right;
      if (worst === at) return;
      this.swap(at, worst);
      at = worst;
    }
  }

  private swap(a: number, b: number): void {
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
    [this.indices[a], this.indices[b]] = [this.indices[b]!, this.indices[a]!];
  }
}
