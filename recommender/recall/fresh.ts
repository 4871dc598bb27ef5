import type { SharedRecall } from '../serving/shared-recall';
import type { CandidateSource } from './source';

/** Last week's least-read notes, so new creators get seen: the exploration slots pick from these. */
export function freshSource(shared: SharedRecall): CandidateSource {
  return { name: 'fresh', recall: (request, quota) => shared.candidates({ kind: 'fresh' }, quota, request.exclude) };
}
