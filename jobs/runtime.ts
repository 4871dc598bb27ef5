import { FlowProducer, Queue, Worker, type ConnectionOptions, type FlowJob, type JobsOptions } from 'bullmq';
import type { Role } from '../core/config';
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
}

const connectionFor = (redisUrl: string): ConnectionOptions => ({ url: redisUrl, maxRetriesPerRequest: null });

/** A queue facade for processes that send jobs without running them (the API). */
export function createJobQueue(redisUrl: string, prefix: string): JobQueue {
  const queues = new Map<string, Queue>();
  const connection = connectionFor(redisUrl);
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
  const { redisUrl, prefix, roles, handlers, failureHandlers = {}, logger, lockMs } = options;
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
      async (job) => {
        const name = job.name as JobName;
        if (!names.includes(name)) throw new Error(`queue ${queueName} has no job named ${job.name}`);
        const result = await runWithTimeout(name, job.data as JobPayloads[JobName], handlers, startFlow);
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
  for (const name of mine) {
    const policy = JOB_POLICIES[name];
    if (!policy.everyMs) continue;
    let scheduleQueue = schedules.get(policy.queue);
    if (!scheduleQueue) schedules.set(policy.queue, (scheduleQueue = new Queue(policy.queue, { connection, prefix })));
    await scheduleQueue.upsertJobScheduler(name, { every: policy.everyMs }, { name, data: {}, opts: jobOptions(name) });
  }
  for (const retired of RETIRED_SCHEDULES) {
    let retiredQueue = schedules.get(retired.queue);
    if (!retiredQueue) schedules.set(retired.queue, (retiredQueue = new Queue(retired.queue, { connection, prefix })));
    await retiredQueue.removeJobScheduler(retired.name);
  }

  return {
    async stop() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...schedules.values()].map((q) => q.close()));
      await flows.close();
      await queue.close();
    },
  };
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
