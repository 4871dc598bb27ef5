import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { Router } from 'express';
import { JOB_POLICIES } from './definitions';

export interface QueueBoard {
  router: Router;
  close(): Promise<void>;
}

/**
 * bull-board over every queue of the product: what operators open to find stuck or failed media jobs, retry them, or
 * read their errors. It only reads and nudges jobs; who may open it is the API's to decide (admins).
 */
export function createQueueBoard(redisUrl: string, prefix: string, basePath: string): QueueBoard {
  const connection = { url: redisUrl, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 200, 2_000) };
  const names = [...new Set(Object.values(JOB_POLICIES).map((policy) => policy.queue))].sort();
  const queues = names.map((name) => new Queue(name, { connection, prefix }));
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'seedfeed jobs' } },
  });
  return {
    router: serverAdapter.getRouter() as Router,
    async close() {
      await Promise.all(queues.map((queue) => queue.close()));
    },
  };
}
