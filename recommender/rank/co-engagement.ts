import { neighbourGraph } from '../offline/baselines';

/**
 * Each note keeps this many neighbours; rare pairs are shrunk as the offline item-KNN baseline does
 * (the best of its grid), and a viewer's most recent engagements count up to a cap, since their cost is
 * quadratic in them.
 */
export const CO_ENGAGEMENT = { neighbours: 20, shrink: 10, notesPerViewer: 500 } as const;

/**
 * Item-to-item co-engagement: for each note (a row of a model version's layout), the notes most often
 * engaged with by the same viewers, by cosine similarity with shrinkage. The trainer builds it with
 * each version from the same window of the event log; the feed's `alsoLiked` source reads it for what
 * the viewer liked or collected last, so a like changes the next page before any retraining.
 */
export class CoEngagement {
  private constructor(
    /** Row r's neighbours are item[start[r]] … item[start[r + 1] - 1], most similar first. */
    private readonly start: Int32Array,
    private readonly item: Int32Array,
    private readonly sim: Float32Array,
  ) {}

  /** From each viewer's engaged notes as rows (1…rows - 1), most recent first. */
  static build(rows: number, baskets: readonly Int32Array[]): CoEngagement {
    const graph = neighbourGraph(
      rows,
      baskets.map((basket) => basket.subarray(0, CO_ENGAGEMENT.notesPerViewer)),
      CO_ENGAGEMENT.neighbours,
      CO_ENGAGEMENT.shrink,
    );
    return new CoEngagement(graph.start, graph.item, Float32Array.from(graph.sim));
  }

  /** start, item and sim, each little-endian 32-bit, after a header of their lengths. */
  encode(): Buffer {
    const header = Int32Array.of(this.start.length, this.item.length);
    return Buffer.concat([header, this.start, this.item, this.sim].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
  }

  static decode(buffer: Buffer): CoEngagement {
    // A copy first: the stored buffer's offset need not be 4-byte aligned.
    const words = new Int32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
    const [starts = 0, edges = 0] = words;
    if (buffer.byteLength !== 4 * (2 + starts + 2 * edges)) throw new Error('the stored co-engagement graph has the wrong size');
    const start = words.slice(2, 2 + starts);
    const item = words.slice(2 + starts, 2 + starts + edges);
    const sim = new Float32Array(words.buffer, 4 * (2 + starts + edges), edges);
    return new CoEngagement(start, item, sim);
  }

  /** The k rows most co-engaged with `rows`, by summed similarity, leaving out `rows` themselves. */
  nearest(rows: readonly number[], k: number): number[] {
    const scores = new Map<number, number>();
    for (const row of rows) {
      if (row <= 0 || row + 1 >= this.start.length) continue;
      for (let edge = this.start[row] as number; edge < (this.start[row + 1] as number); edge += 1) {
        const other = this.item[edge] as number;
        scores.set(other, (scores.get(other) ?? 0) + (this.sim[edge] as number));
      }
    }
    for (const row of rows) scores.delete(row);
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([row]) => row);
  }
}
