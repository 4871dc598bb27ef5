import type { ModelRanker } from '../rank/model-ranker';
import type { CandidateSource } from './source';

/** Notes nearest the viewer's own embedding; none for anonymous visitors and viewers the model has not seen. */
export function embeddingSource(ranker: ModelRanker): CandidateSource {
  return {
    name: 'embedding',
    recall: async (request, quota) => (request.viewerId ? request.rowsByIds(ranker.nearestTo(request.viewerId, quota)) : []),
  };
}
