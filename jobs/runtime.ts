import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Role } from '../core/config';
import type { Logger } from '../core/logger';
import { JOB_NAMES, JOB_POLICIES, type JobHandlers, type JobName, type JobResult } from './definitions';

// The only module that imports BullMQ: queues, workers and repeatable schedules.
export interface JobRuntime {
  enqueue(name: JobName): Promise<void>;
  /** Waits for running jobs, then closes workers and queues. */
  stop(): Promise<void>;
}

export interface JobRuntimeOptions {
  redisUrl: string;
  prefix: string;
  roles: readonly Role[];
  handlers: JobHandlers;
  logger: Logger;
}

export async function startJobRuntime({ redisUrl, prefix, roles, handlers, logger }: JobRuntimeOptions): Promise<JobRuntime> {
  const missing = JOB_NAMES.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`No handler for jobs: ${missing.join(', ')}`);

  const connection: ConnectionOptions = { url: redisUrl, maxRetriesPerRequest: null };
  const queues = new Map<string, Queue>();
  const queueFor = (name: string): Queue => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix });
      queues.set(name, queue);
    }
    return queue;
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
        const result = await withTimeout(handlers[name](), JOB_POLICIES[name].timeoutMs, name);
        logger.info({ job: name, id: job.id, ...result }, 'job finished');
        return result;
      },
      { connection, prefix, concurrency },
    );
    worker.on('failed', (job, error) => logger.warn({ job: job?.name, id: job?.id, err: error }, 'job failed'));
    worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
    workers.push(worker);
  }

  for (const name of mine) {
    const policy = JOB_POLICIES[name];
    if (!policy.everyMs) continue;
    await queueFor(policy.queue).upsertJobScheduler(name, { every: policy.everyMs }, { name, opts: jobOptions(name) });
  }

  return {
    async enqueue(name) {
      await queueFor(JOB_POLICIES[name].queue).add(name, {}, jobOptions(name));
    },
    async stop() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

function jobOptions(name: JobName) {
  const policy = JOB_POLICIES[name];
  return {
    attempts: policy.attempts,
    backoff: { type: 'exponential' as const, delay: policy.backoffMs },
    removeOnComplete: 100,
    removeOnFail: 1000,
  };
}

async function withTimeout(work: Promise<JobResult>, ms: number, name: string): Promise<JobResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
