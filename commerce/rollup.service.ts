import type { AnalyticsRepository, FoldResult } from '../models/repositories/analytics.repository';

/** Keeps the dashboards' rollups up to date: the scheduled fold, and a full rebuild to repair or verify them. */
export class RollupService {
  constructor(
    private readonly analytics: Pick<AnalyticsRepository, 'fold' | 'rebuild'>,
    // Appends take milliseconds; the default 10 s is a wide margin and keeps dashboards fresh within half a minute.
    private readonly lagMs: number,
  ) {}

  fold(): Promise<FoldResult> {
    return this.analytics.fold(this.lagMs);
  }

  rebuild(): Promise<FoldResult> {
    return this.analytics.rebuild(this.lagMs);
  }
}
