import type { SharedRecall } from '../serving/shared-recall';
import type { CandidateSource } from './source';

/** The notes with the most time-decayed engagement, over every topic: the same pool for every viewer. */
export function trendingSource(shared: SharedRecall): CandidateSource {
  return { name: 'trending', recall: (request, quota) => shared.candidates({ kind: 'trending' }, quota, request.exclude) };
}
