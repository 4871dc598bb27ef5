import { LRUCache } from 'lru-cache';
import type { Logger } from '../../core/logger';
import { spreadTtl } from '../../core/read-cache';
import type { RecommenderRepository } from '../../models/repositories/recommender.repository';
import { AffinityProfile, DAY_MS, PROFILE_HISTORY } from '../rank/affinity-profile';
import { ENGAGEMENT_EVENTS } from '../signals';
import { PROFILES } from './freshness';

/**
 * Viewers' affinity profiles, as scoring reads them; concurrent misses for one viewer share one query.
 * An entry holds for the viewer's feed-state version (FeedSessionStore.viewerChanged bumps it on every
 * like, collect, follow or hide), so a like reaches the affinities on the very next page.
 */
export class AffinityProfileCache {
  private readonly profiles = new LRUCache<string, AffinityProfile, string>({
    max: PROFILES.max,
    fetchMethod: (_key, _stale, { context: viewerId }) => this.load(viewerId),
  });

  constructor(
    private readonly repo: Pick<RecommenderRepository, 'recentEngagements'>,
    private readonly logger: Logger,
  ) {}

  /** The viewer's profile as of their `version` (null: whatever is cached), or null when it cannot be read. */
  async profileOf(viewerId: string, version: string | null = null): Promise<AffinityProfile | null> {
    try {
      return (await this.profiles.fetch(`${viewerId}:${version ?? ''}`, { ttl: spreadTtl(PROFILES.ttlMs), context: viewerId })) ?? null;
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
