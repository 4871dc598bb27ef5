import type { ModelRanker } from '../rank/model-ranker';
import type { CandidateSource } from './source';

/** Notes engaged with by the viewers who engaged with what this viewer liked or collected last (co-engagement). */
export function alsoLikedSource(ranker: ModelRanker): CandidateSource {
  return {
    name: 'alsoLiked',
    recall: (request, quota) => request.rowsByIds(ranker.alsoEngaged(request.viewer?.recentlyEngaged ?? [], quota)),
  };
}
