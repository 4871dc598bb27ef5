import type { NeighbourCache } from '../serving/neighbour-cache';
import { noteRowsOf, type ModelStore } from '../serving/model-store';

/** Co-engagement recall over the graph the serving version was built with (rank/co-engagement.ts). */
export class CoEngagementNeighbours {
  constructor(
    private readonly models: ModelStore,
    private readonly cache: NeighbourCache,
  ) {}

  /**
   * The notes most engaged with by the viewers who engaged with the given notes (what this viewer liked
   * or collected last); none while the serving version has no graph.
   */
  alsoEngaged(noteIds: readonly string[], k: number): string[] {
    const loaded = this.models.serving;
    const graph = loaded?.coEngagement;
    if (!loaded || !graph || noteIds.length === 0) return [];
    return this.cache.remembered(`also:${loaded.id}:${k}:${noteIds.join(',')}`, () =>
      graph.nearest(noteRowsOf(loaded, noteIds), k).map((row) => loaded.noteIds[row - 1] as string),
    );
  }
}
