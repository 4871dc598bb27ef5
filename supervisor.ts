import cluster, { type Worker } from 'node:cluster';
import { prepareDatabase, prepareRedis } from './boot';
import type { Config } from './core/config';
import type { Logger } from './core/logger';

// A worker that keeps crashing is restarted at most this often, so a crash loop does not spin.
const RESTART_DELAY_MS = 1000;

export interface Supervisor {
  stop(): Promise<void>;
}

/**
 * The api role as API_WORKERS processes sharing one port through Node's cluster module, so one
 * API host uses every core. The primary serves no requests: it migrates (and seeds) once, resolves
 * Redis once so every worker shares the same scroll sessions, replaces a worker that dies, and on
 * shutdown lets each worker drain its requests, waiting for all of them.
 */
export async function superviseApiWorkers(config: Config, logger: Logger): Promise<Supervisor> {
  const redis = await prepareRedis(config, logger);
  await (await prepareDatabase(config, logger)).close();

  let stopping = false;
  // Only the first worker may make the demo world's media, and the others start once it has.
  const fork = (firstStart = false): Worker =>
    cluster.fork({ REDIS_URL: redis.url, SEED_ON_START: firstStart && config.SEED_ON_START ? '1' : '0' });
  const listening = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      worker.once('listening', () => resolve());
      worker.once('exit', (code) => reject(new Error(`API worker ${worker.process.pid} exited with ${code} while starting`)));
    });
  try {
    await listening(fork(true));
    await Promise.all(Array.from({ length: config.API_WORKERS - 1 }, () => listening(fork())));
  } catch (error) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    await redis.stop();
    throw error;
  }
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'an API worker died: starting another');
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_DELAY_MS);
  });
  logger.info({ workers: config.API_WORKERS, graphql: `http://${config.HOST}:${config.PORT}/graphql` }, 'API workers listening');

  return {
    async stop() {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
      await Promise.all(
        alive.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
      await redis.stop();
    },
  };
}
