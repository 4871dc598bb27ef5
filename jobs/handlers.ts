import type { OrdersService } from '../commerce/orders.service';
import type { RollupService } from '../commerce/rollup.service';
import type { EventLogMaintenance } from '../events/partitions';
import type { EventsService } from '../events/events.service';
import type { MediaService } from '../media/media.service';
import { describeComparison } from '../recommender/offline/promotion';
import type { ServedLogService } from '../recommender/served-log.service';
import type { TrainingRunner } from '../recommender/training/trainer';
import type { TrendingService } from '../recommender/trending.service';
import { JOB_POLICIES, type JobFailureHandlers, type JobHandlers, type JobName, type JobRequest } from './definitions';

export interface HandlerServices {
  trending: TrendingService;
  media: MediaService;
  trainer: TrainingRunner;
  servedLog: ServedLogService;
  events: Pick<EventsService, 'applyQueuedViews'>;
  rollup: RollupService;
  orders: Pick<OrdersService, 'expireUnpaid'>;
  eventLog: EventLogMaintenance;
}

export function createJobHandlers({ trending, media, trainer, servedLog, events, rollup, orders, eventLog }: HandlerServices): JobHandlers {
  return {
    'trending.refresh': async () => ({ status: 'success', detail: `${await trending.refresh()} notes rescored` }),
    'recommender.train': async () => {
      const outcome = await trainer.run();
      if (!outcome) return { status: 'skipped', reason: 'too few events to train on' };
      const verdict = outcome.promoted ? 'promoted' : 'kept the serving model';
      return {
        status: 'success',
        detail: `${verdict}: ${describeComparison(outcome.comparison, outcome.overHeuristic)}; holdout AUC ${outcome.holdoutAuc.toFixed(4)} vs ${outcome.servingAuc?.toFixed(4) ?? 'none'}`,
      };
    },
    'counters.reconcile': async () => ({ status: 'success', detail: `${await trending.reconcileCounters()} notes fixed` }),
    'feed.served': async () => ({ status: 'success', detail: `${await servedLog.flush()} served notes logged` }),
    'views.apply': async () => ({ status: 'success', detail: `${await events.applyQueuedViews()} notes' view counts updated` }),
    'analytics.rollup': async () => {
      const folded = await rollup.fold();
      return { status: 'success', detail: `${folded.events} events, ${folded.orders} orders, ${folded.refunds} refunds folded` };
    },
    'orders.expire': async () => ({ status: 'success', detail: `${await orders.expireUnpaid()} unpaid orders expired` }),
    'media.collect': async () => ({ status: 'success', detail: `${await media.collectUnused()} unused uploads collected` }),
    'events.maintain': async () => {
      const done = await eventLog.run();
      return {
        status: 'success',
        detail: `${done.made.length} months made, ${done.dropped} dropped, ${done.forgotten} event ids forgotten`,
      };
    },
    'media.image': ({ mediaId }) => media.processImage(mediaId),
    'media.video': async ({ mediaId }, ctx) => {
      const planned = await media.planVideo(mediaId);
      if ('status' in planned) return planned;
      const { plan } = planned;
      const children: JobRequest[] = [
        ...plan.rungs.map((rung) => ({ name: 'media.video.rung' as const, payload: { mediaId, plan, rung: rung.name } })),
        { name: 'media.video.extras', payload: { mediaId, plan } },
      ];
      await ctx.startFlow({ name: 'media.video.finalize', payload: { mediaId, plan } }, children);
      return { status: 'success', detail: `${plan.rungs.length} rungs planned` };
    },
    'media.video.rung': ({ mediaId, plan, rung }, ctx) => media.transcodeRung(mediaId, plan, rung, ctx.signal),
    'media.video.extras': ({ mediaId, plan }, ctx) => media.makeExtras(mediaId, plan, ctx.signal),
    'media.video.finalize': ({ mediaId, plan }) => media.finalizeVideo(mediaId, plan),
  };
}

export function createJobFailureHandlers({ media }: Pick<HandlerServices, 'media'>): JobFailureHandlers {
  const fail = ({ mediaId }: { mediaId: string }, error: Error) => media.failForGood(mediaId, error);
  return {
    'media.image': fail,
    'media.video': fail,
    'media.video.rung': fail,
    'media.video.extras': fail,
    'media.video.finalize': fail,
  };
}

/** Periodic jobs whose last run the database records, and how to tell one is overdue. */
export function createOverdueChecks({ trainer }: Pick<HandlerServices, 'trainer'>): Partial<Record<JobName, () => Promise<boolean>>> {
  return { 'recommender.train': () => trainer.isOverdue(JOB_POLICIES['recommender.train'].everyMs ?? 0) };
}
