import type { CandidateRow } from '../../models/repositories/notes.repository';
import type { SharedRecall } from '../serving/shared-recall';
import type { CandidateSource, RecallRequest } from './source';

/**
 * Trending within each topic the viewer chose at sign-up (their cold start), the quota shared equally
 * between the topics so a busy one cannot crowd out a quiet one. Each topic's pool is shared by every
 * viewer who chose it.
 */
export function interestsSource(shared: SharedRecall): CandidateSource {
  return {
    name: 'interests',
    async recall(request: RecallRequest, quota: number): Promise<CandidateRow[]> {
      const topics = request.viewer?.interests ?? [];
      if (topics.length === 0) return [];
      const perTopic = Math.ceil(quota / topics.length);
      const rows = await Promise.all(topics.map((topic) => shared.candidates({ kind: 'topic', topic }, perTopic, request.exclude)));
      return rows.flat();
    },
  };
}
