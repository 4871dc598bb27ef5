import type { CoEngagementNeighbours } from './co-engagement-neighbours';
import type { CandidateSource } from './source';

/** Notes engaged with by the viewers who engaged with what this viewer liked or collected last (co-engagement). */
export function alsoLikedSource(neighbours: CoEngagementNeighbours): CandidateSource {
  return {
    name: 'alsoLiked',
    recall: (request, quota) => request.rowsByIds(neighbours.alsoEngaged(request.viewer?.recentlyEngaged ?? [], quota)),
  };
}
