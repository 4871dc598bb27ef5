import type { ModelRanker } from '../rank/model-ranker';
import type { CandidateSource } from './source';

/** Notes whose embeddings are nearest what the viewer liked or collected last: a like changes the next page. */
export function similarSource(ranker: ModelRanker): CandidateSource {
  return { name: 'similar', recall: (request, quota) => request.rowsByIds(ranker.similarTo(request.viewer?.recentlyEngaged ?? [], quota)) };
}
