import type { TowerRetrieval } from '../serving/tower-retrieval';
import type { CandidateSource } from './source';

/** The notes nearest the viewer's two-tower vector, computed from what they read and liked lately; none for anonymous visitors. */
export function towerSource(retrieval: TowerRetrieval): CandidateSource {
  return {
    name: 'tower',
    recall: async (request, quota) =>
      request.viewerId ? request.rowsByIds(await retrieval.nearest(request.viewerId, request.version, quota, request.exclude)) : [],
  };
}
