import { LRUCache } from 'lru-cache';
import type { Logger } from '../../core/logger';
import { spreadTtl } from '../../core/read-cache';
import type { RecommenderRepository } from '../../models/repositories/recommender.repository';
import { AffinityProfile, DAY_MS, PROFILE_HISTORY } from '../rank/affinity-profile';
import { ENGAGEMENT_EVENTS } from '../signals';
import { PROFILES } from './freshness';

/** Viewers' affinity profiles, as scoring reads them; concurrent misses for one viewer share one query. */
export class AffinityProfileCache {
  private readonly profiles = new LRUCache<string, AffinityProfile>({
    max: PROFILES.max,
    fetchMethod: (viewerId) => this.load(viewerId),
  });

  constructor(
    private readonly repo: Pick<RecommenderRepository, 'recentEngagements'>,
    private readonly logger: Logger,
  ) {}

  /** The viewer's profile, or null when it cannot be read. */
  async profileOf(viewerId: string): Promise<AffinityProfile | null> {
    try {
      return (await this.profiles.fetch(viewerId, { ttl: spreadTtl(PROFILES.ttlMs) })) ?? null;
    } catch (error: unknown) {
      this.logger.warn({ err: error, viewer: viewerId }, 'could not read the viewer’s affinity profile');
      return null;
    }
  }

  /** One query over the viewer's latest engagements, bounded as training bounds its profiles. */
  private async load(viewerId: string): Promise<AffinityProfile> {
    const since = new Date(Date.now() - PROFILE_HISTORY.days * DAY_MS);
    return AffinityProfile.of(await this.repo.recentEngagements(viewerId, ENGAGEMENT_EVENTS, since, PROFILE_HISTORY.engagements));
  }
}
