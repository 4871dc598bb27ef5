import type { TrendingService } from '../recommender/trending.service';
import type { JobHandlers } from './definitions';

export function createJobHandlers(trending: TrendingService): JobHandlers {
  return {
    'ranking.refresh': async () => ({ status: 'success', detail: `${await trending.refresh()} notes rescored` }),
    'counters.reconcile': async () => ({ status: 'success', detail: `${await trending.reconcileCounters()} notes fixed` }),
  };
}
