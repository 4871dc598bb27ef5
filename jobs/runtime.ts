import { DelayedError, FlowProducer, Queue, Worker, type ConnectionOptions, type FlowJob, type Job, type JobsOptions } from 'bullmq';
import type { Role } from '../core/config';
import { isStorageFull } from '../core/errors';
import type { Logger } from '../core/logger';
import {
  JOB_NAMES,
  JOB_POLICIES,
  RETIRED_SCHEDULES,
  type JobFailureHandlers,
  type JobHandlers,
  type JobName,
  type JobPayloads,
  type JobQueue,
  type JobRequest,
  type JobResult,
} from './definitions';

// The only module that imports BullMQ: queues, flows, workers and repeatable schedules.
export interface JobRuntime {
  /** The periodic jobs of this process's roles whose schedule Redis does not hold (lost with its data). */
  missingSchedules(): Promise<JobName[]>;
  /** Waits for running jobs, then closes workers and queues. */
  stop(): Promise<void>;
}

export interface JobRuntimeOptions {
  redisUrl: string;
  prefix: string;
  roles: readonly Role[];
  handlers: JobHandlers;
  failureHandlers?: JobFailureHandlers;
  logger: Logger;
  /**
   * How long a worker's lock on a job lasts without renewal, and how often stalled jobs are looked
   * for: a worker that dies (SIGKILL, OOM) gives its jobs back after about this long. BullMQ's
   * default is 30 s; tests shorten it.
   */
  lockMs?: number;
  /**
   * For periodic jobs whose last run the database records: whether one is overdue. Asked at start
   * and whenever a lost schedule is registered again, and an overdue job runs at once.
   */
  overdue?: Partial<Record<JobName, () => Promise<boolean>>>;
  /** How often the schedules in Redis are checked and any that vanished registered again. */
  scheduleCheckMs?: number;
}

const SCHEDULE_CHECK_MS = 60_000;
/**
 * How long a job that finds the disk full keeps being put back for later, without using up its
 * attempts: a full disk is the operator's to fix, not a fault of the job's input.
 */
const STORAGE_FULL_PATIENCE_MS = 6 * 60 * 60_000;
const STORAGE_FULL_MAX_DELAY_MS = 60_000;

const connectionFor = (redisUrl: string): ConnectionOptions => ({ url: redisUrl, maxRetriesPerRequest: null });

/** A queue facade for processes that send jobs without running them (the API). */
export function createJobQueue(redisUrl: string, prefix: string): JobQueue {
  const queues = new Map<string, Queue>();
  // Back within two seconds of Redis: BullMQ's default waits up to 20 s between attempts, and requests
  // that enqueue (an upload) would wait that long after Redis is back.
  const connection: ConnectionOptions = {
    url: redisUrl,
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
  };
  return {
    async enqueue(name, payload) {
      const queueName = JOB_POLICIES[name].queue;
      let queue = queues.get(queueName);
      if (!queue) queues.set(queueName, (queue = new Queue(queueName, { connection, prefix })));
      await queue.add(name, payload, jobOptions(name));
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

export async function startJobRuntime(options: JobRuntimeOptions): Promise<JobRuntime> {
  const { redisUrl, prefix, roles, handlers, failureHandlers = {}, logger, lockMs, overdue = {} } = options;
  const missing = JOB_NAMES.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`No handler for jobs: ${missing.join(', ')}`);

  const connection = connectionFor(redisUrl);
  const queue = createJobQueue(redisUrl, prefix);
  const flows = new FlowProducer({ connection, prefix });
  const startFlow = async (parent: JobRequest, children: JobRequest[]): Promise<void> => {
    await flows.add(
      flowJob(
        parent,
        children.map((child) => flowJob(child, [])),
      ),
    );
  };

  const workers: Worker[] = [];
  const mine = JOB_NAMES.filter((name) => roles.includes(JOB_POLICIES[name].role));
  for (const queueName of new Set(mine.map((name) => JOB_POLICIES[name].queue))) {
    const names = mine.filter((name) => JOB_POLICIES[name].queue === queueName);
    const concurrency = Math.max(...names.map((name) => JOB_POLICIES[name].concurrency));
    const worker = new Worker(
      queueName,
      async (job, token) => {
        const name = job.name as JobName;
        if (!names.includes(name)) throw new Error(`queue ${queueName} has no job named ${job.name}`);
        let result: JobResult;
        try {
          result = await runWithTimeout(name, job.data as JobPayloads[JobName], handlers, startFlow);
        } catch (error) {
          if (token && isStorageFull(error) && Date.now() - job.timestamp < STORAGE_FULL_PATIENCE_MS) {
            await putBackForLater(job, token, name, error, logger);
          }
          throw error;
        }
        (JOB_POLICIES[name].quiet ? logger.debug : logger.info).call(logger, { job: name, id: job.id, ...result }, 'job finished');
        return result;
      },
      { connection, prefix, concurrency, ...(lockMs ? { lockDuration: lockMs, stalledInterval: lockMs } : {}), maxStalledCount: 2 },
    );
    worker.on('failed', (job, error) => {
      if (!job) return;
      const name = job.name as JobName;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      logger.warn({ job: name, id: job.id, attempt: job.attemptsMade, final, err: error }, 'job failed');
      const onFailure = failureHandlers[name] as ((payload: unknown, error: Error) => Promise<void>) | undefined;
      if (final && onFailure) {
        onFailure(job.data, error).catch((e: unknown) => logger.error({ err: e, job: name, id: job.id }, 'failure handler failed'));
      }
    });
    worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
    workers.push(worker);
  }

  const schedules = new Map<string, Queue>();
  const scheduleQueue = (queueName: string): Queue => {
    let found = schedules.get(queueName);
    if (!found) schedules.set(queueName, (found = new Queue(queueName, { connection, prefix })));
    return found;
  };
  const periodic = mine.filter((name) => JOB_POLICIES[name].everyMs);
  const register = async (name: JobName): Promise<void> => {
    await scheduleQueue(JOB_POLICIES[name].queue).upsertJobScheduler(
      name,
      { every: JOB_POLICIES[name].everyMs },
      { name, data: {}, opts: jobOptions(name) },
    );
    if (await overdue[name]?.()) {
      logger.info({ job: name }, 'job overdue by the database: running it now');
      await queue.enqueue(name, {} as JobPayloads[typeof name]);
    }
  };
  for (const name of periodic) await register(name);
  // Redis may lose its data (a restart without persistence, a flush): every schedule would stop
  // silently until the next restart. They are looked for, and registered again from the code.
  const missingSchedules = async (): Promise<JobName[]> => {
    const missing: JobName[] = [];
    for (const name of periodic) if (!(await scheduleQueue(JOB_POLICIES[name].queue).getJobScheduler(name))) missing.push(name);
    return missing;
  };
  const watch = setInterval(() => {
    void (async () => {
      for (const name of await missingSchedules()) {
        logger.warn({ job: name }, 'job schedule missing from Redis: registered again');
        await register(name);
      }
    })().catch((error: unknown) => logger.warn({ err: error }, 'could not check the job schedules'));
  }, options.scheduleCheckMs ?? SCHEDULE_CHECK_MS);
  watch.unref();
  for (const retired of RETIRED_SCHEDULES) {
    await scheduleQueue(retired.queue).removeJobScheduler(retired.name);
  }

  return {
    missingSchedules,
    async stop() {
      clearInterval(watch);
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...schedules.values()].map((q) => q.close()));
      await flows.close();
      await queue.close();
    },
  };
}

/** Delays the job, its attempts untouched, each time a little longer; DelayedError tells BullMQ it was moved, not failed. */
async function putBackForLater(job: Job, token: string, name: JobName, error: unknown, logger: Logger): Promise<never> {
  const delayMs = Math.min(JOB_POLICIES[name].backoffMs * Math.max(1, job.attemptsStarted), STORAGE_FULL_MAX_DELAY_MS);
  logger.warn({ job: name, id: job.id, delayMs, err: error }, 'job found the disk full: trying again later');
  await job.moveToDelayed(Date.now() + delayMs, token);
  throw new DelayedError();
}

function flowJob(request: JobRequest, children: FlowJob[]): FlowJob {
  return {
    name: request.name,
    queueName: JOB_POLICIES[request.name].queue,
    data: request.payload,
    // A part that fails for good fails its parent, so the media item is marked failed, not left waiting.
    opts: { ...jobOptions(request.name), failParentOnFailure: true },
    ...(children.length > 0 ? { children } : {}),
  };
}

function jobOptions(name: JobName): JobsOptions {
  const policy = JOB_POLICIES[name];
  return {
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs },
    removeOnComplete: 100,
    removeOnFail: 1000,
  };
}

async function runWithTimeout(
  name: JobName,
  payload: JobPayloads[JobName],
  handlers: JobHandlers,
  startFlow: (parent: JobRequest, children: JobRequest[]) => Promise<void>,
): Promise<JobResult> {
  const { timeoutMs } = JOB_POLICIES[name];
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${name} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  const handler = handlers[name] as (payload: unknown, ctx: { signal: AbortSignal; startFlow: typeof startFlow }) => Promise<JobResult>;
  try {
    return await Promise.race([handler(payload, { signal: controller.signal, startFlow }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
