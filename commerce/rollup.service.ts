import type { FoldResult, RollupRepository } from '../models/repositories/rollup.repository';

/** Keeps the dashboards' rollups up to date: the scheduled fold, and a full rebuild to repair or verify them. */
export class RollupService {
  constructor(
    private readonly rollups: Pick<RollupRepository, 'fold' | 'rebuild'>,
    // Appends take milliseconds; the default 10 s is a wide margin and keeps dashboards fresh within half a minute.
    private readonly lagMs: number,
  ) {}

  fold(): Promise<FoldResult> {
    return this.rollups.fold(this.lagMs);
  }

  rebuild(): Promise<FoldResult> {
    return this.rollups.rebuild(this.lagMs);
  }
}
