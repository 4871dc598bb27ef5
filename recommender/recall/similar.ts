import type { EmbeddingNeighbours } from './embedding-neighbours';
import type { CandidateSource } from './source';

/** Notes whose embeddings are nearest what the viewer liked or collected last: a like changes the next page. */
export function similarSource(neighbours: EmbeddingNeighbours): CandidateSource {
  return {
    name: 'similar',
    recall: (request, quota) => request.rowsByIds(neighbours.similarTo(request.viewer?.recentlyEngaged ?? [], quota)),
  };
}
