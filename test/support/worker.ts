import type { Role } from '../../core/config';
import { createLogger } from '../../core/logger';
import { createJobFailureHandlers, createJobHandlers } from '../../jobs/handlers';
import { startJobRuntime, type JobRuntime, type JobRuntimeOptions } from '../../jobs/runtime';
import type { TestApp } from './harness';

/** The real job runtime (BullMQ on the real Redis) in this process, on the app's database and queues. */
export function startTestWorker(
  app: TestApp,
  options: { roles?: Role[]; lockMs?: number; overdue?: JobRuntimeOptions['overdue']; scheduleCheckMs?: number } = {},
): Promise<JobRuntime> {
  return startJobRuntime({
    redisUrl: app.config.REDIS_URL,
    prefix: app.config.REDIS_PREFIX,
    roles: options.roles ?? ['worker'],
    handlers: createJobHandlers({
      trending: app.services.trending,
      media: app.services.media,
      trainer: app.services.trainer,
      servedLog: app.services.servedLog,
      events: app.services.events,
      rollup: app.services.rollup,
      orders: app.services.orders,
      eventLog: app.services.eventLog,
    }),
    failureHandlers: createJobFailureHandlers({ media: app.services.media }),
    logger: createLogger('silent'),
    lockMs: options.lockMs,
    overdue: options.overdue,
    scheduleCheckMs: options.scheduleCheckMs,
  });
}
