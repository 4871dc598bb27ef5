import type { Logger } from '../../core/logger';
import type { RecommenderRepository } from '../../models/repositories/recommender.repository';
import { CoEngagementNeighbours } from '../recall/co-engagement-neighbours';
import { EmbeddingNeighbours } from '../recall/embedding-neighbours';
import { ModelScorer } from '../rank/scorer';
import { ModelStore } from './model-store';
import { NeighbourCache } from './neighbour-cache';
import { AffinityProfileCache } from './profile-cache';
import { TowerRetrieval } from './tower-retrieval';

/** What the feed uses of the interest model: the versions in memory, scoring, and the neighbour sources they feed. */
export interface ModelServing {
  store: ModelStore;
  scorer: ModelScorer;
  embedding: EmbeddingNeighbours;
  coEngagement: CoEngagementNeighbours;
  tower: TowerRetrieval;
}

/** One process's model serving, every part reading the same store. */
export function createModelServing(options: {
  repo: Pick<RecommenderRepository, 'servingVersionId' | 'findVersion' | 'recentEngagements' | 'recentInterests' | 'publishedNotes'>;
  logger: Logger;
  pinnedVersions?: readonly string[];
  pollMs?: number;
}): ModelServing {
  const store = new ModelStore(options);
  const neighbours = new NeighbourCache();
  return {
    store,
    scorer: new ModelScorer(store, new AffinityProfileCache(options.repo, options.logger)),
    embedding: new EmbeddingNeighbours(store, neighbours),
    coEngagement: new CoEngagementNeighbours(store, neighbours),
    tower: new TowerRetrieval(store, options.repo, options.logger),
  };
}
