import type { EmbeddingNeighbours } from './embedding-neighbours';
import type { CandidateSource } from './source';

/** Notes nearest the viewer's own embedding; none for anonymous visitors and viewers the model has not seen. */
export function embeddingSource(neighbours: EmbeddingNeighbours): CandidateSource {
  return {
    name: 'embedding',
    recall: async (request, quota) => (request.viewerId ? request.rowsByIds(neighbours.nearestTo(request.viewerId, quota)) : []),
  };
}
