import type { NeighbourCache } from '../serving/neighbour-cache';
import { TopK } from '../top-k';
import { noteRowsOf, type LoadedModel, type ModelStore } from '../serving/model-store';

/** Nearest-neighbour recall over the serving version's embeddings: by dot product, with no round trip through tfjs. */
export class EmbeddingNeighbours {
  constructor(
    private readonly models: ModelStore,
    private readonly cache: NeighbourCache,
  ) {}

  /**
   * Item-to-item recall: the notes whose embeddings are nearest the mean of the given notes' (what the
   * viewer just liked or collected), so a like changes the feed at once, before any retraining.
   */
  similarTo(noteIds: readonly string[], k: number): string[] {
    const loaded = this.models.serving;
    if (!loaded || noteIds.length === 0) return [];
    return this.cache.remembered(`similar:${loaded.id}:${k}:${noteIds.join(',')}`, () => {
      const rows = noteRowsOf(loaded, noteIds);
      if (rows.length === 0) return [];
      const query = new Float32Array(loaded.dim);
      for (const row of rows) {
        for (let d = 0; d < loaded.dim; d += 1)
          query[d] = (query[d] as number) + (loaded.itemEmb[row * loaded.dim + d] as number) / rows.length;
      }
      return nearest(loaded, query, k, new Set(rows));
    });
  }

  /** Embedding retrieval: the notes nearest the viewer's own vector; none for a viewer the model has not seen. */
  nearestTo(viewerId: string, k: number): string[] {
    const loaded = this.models.serving;
    const row = loaded?.userRow.get(viewerId);
    if (!loaded || row === undefined) return [];
    return this.cache.remembered(`nearest:${loaded.id}:${k}:${viewerId}`, () =>
      nearest(loaded, loaded.userEmb.subarray(row * loaded.dim, (row + 1) * loaded.dim), k, new Set()),
    );
  }
}

/** The k notes with the largest dot product with `query` (rows from 1; row 0 is the unseen note), skipping `skip`. */
function nearest(loaded: LoadedModel, query: Float32Array, k: number, skip: ReadonlySet<number>): string[] {
  const { dim, itemEmb, noteIds } = loaded;
  const best = new TopK(k);
  for (let row = 1; row <= noteIds.length; row += 1) {
    if (skip.has(row)) continue;
    let score = 0;
    for (let d = 0; d < dim; d += 1) score += (query[d] as number) * (itemEmb[row * dim + d] as number);
    best.offer(score, row);
  }
  return best.drain().map(({ index }) => noteIds[index - 1] as string);
}
