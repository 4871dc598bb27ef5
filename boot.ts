import type { Server } from 'node:http';
import path from 'node:path';
import { QUEUE_BOARD_PATH } from './api/admin';
import { createApi } from './api/app';
import { indexUnindexed } from './catalog/search-index';
import { attributionWindows } from './commerce/attribution';
import { embeddedDatabaseDir, type Config } from './core/config';
import { openDatabase, type Database } from './core/db';
import type { Logger } from './core/logger';
import { PROJECT_ROOT } from './core/paths';
import { yieldCpuToApi } from './core/priority';
import { terminalProgress } from './core/progress';
import { createRedisClient, resolveRedis, type RedisEndpoint } from './core/redis';
import { ensureUpcomingMonths } from './events/partitions';
import { createJobFailureHandlers, createJobHandlers, createOverdueChecks } from './jobs/handlers';
import { createQueueBoard, type QueueBoard } from './jobs/board';
import { createJobQueue, startJobRuntime, type JobRuntime } from './jobs/runtime';
import { transactor } from './models/transaction';
import { furnishDemoMedia, needsDemoMedia } from './seed/demo-media';
import { isDatabaseEmpty, seedDatabase } from './seed/load';
import { createServices } from './services';

/**
 * PGlite runs every query on this process's one thread, so a long one (the counter reconcile takes
 * ~40 s on the demo world) keeps a job's lock from being renewed within BullMQ's 30 s, and the job
 * then fails on finishing. One process has no other worker to hand a stalled job to anyway.
 */
const EMBEDDED_JOB_LOCK_MS = 5 * 60_000;

export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'models', 'migrations');

export interface RunningProduct {
  /** Address the API listens on, when this process runs the api role. */
  url: string | null;
  database: Database;
  stop(): Promise<void>;
}

/**
 * Opens the database where the config points and brings its schema up to date, with the event log's
 * coming months made: a process started after maintenance stopped still writes into its months.
 */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: embeddedDatabaseDir(config) });
  await database.migrate(MIGRATIONS_FOLDER);
  await ensureUpcomingMonths(database.db);
  return database;
}

/** The migrated database, with the demo data seeded first when it is empty and SEED_ON_START is on. */
export async function prepareDatabase(config: Config, logger: Logger): Promise<Database> {
  const database = await openMigratedDatabase(config);
  logger.info({ backend: database.kind }, 'database ready');
  const empty = await isDatabaseEmpty(database);
  if (empty && !config.SEED_ON_START) {
    logger.warn('empty database and no demo data: create the first administrator with npm run admin:create');
  }
  if (config.SEED_ON_START && empty) {
    logger.info({ scale: config.SEED_SCALE }, 'empty database: seeding demo data (once)');
    const progress = terminalProgress();
    const summary = await seedDatabase(database, {
      scale: config.SEED_SCALE,
      windows: attributionWindows(config),
      onProgress: progress.report,
    });
    progress.stop();
    logger.info(summary, 'demo data seeded');
  }
  const indexed = await indexUnindexed(transactor(database.db));
  if (indexed > 0) logger.info({ rows: indexed }, 'search: indexed the notes and products that had no search document');
  return database;
}

/** Redis at REDIS_URL, or a private redis-server when nothing answers there. */
export async function prepareRedis(config: Config, logger: Logger): Promise<RedisEndpoint> {
  const endpoint = await resolveRedis(config.REDIS_URL);
  if (endpoint.url !== config.REDIS_URL) logger.info({ url: endpoint.url }, 'no Redis at REDIS_URL: started a private redis-server');
  return endpoint;
}

/** Starts the roles of `config.ROLES` in this process and returns how to stop them gracefully. */
export async function startProduct(config: Config, logger: Logger): Promise<RunningProduct> {
  const redisEndpoint = await prepareRedis(config, logger);
  const database = await prepareDatabase(config, logger);

  const redis = createRedisClient(redisEndpoint.url, { keyPrefix: `${config.REDIS_PREFIX}:` });
  const jobQueue = createJobQueue(redisEndpoint.url, config.REDIS_PREFIX);
  const services = createServices(database.db, redis, config, { logger, jobs: jobQueue });
  await services.cacheBus.start();
  if (config.SEED_ON_START && (await needsDemoMedia(database))) {
    logger.info('demo data: making its pictures and videos (once)');
    const progress = terminalProgress();
    try {
      const made = await furnishDemoMedia({
        database,
        media: services.media,
        binaries: { ffmpeg: config.FFMPEG_PATH, ffprobe: config.FFPROBE_PATH },
        onProgress: progress.report,
      });
      logger.info(made, 'demo data: pictures and videos ready');
    } catch (error) {
      // The product runs without them (its covers stay links elsewhere); the next start tries again.
      logger.warn({ err: error }, 'demo data: could not make its pictures and videos (is ffmpeg installed?)');
    } finally {
      progress.stop();
    }
  }

  let server: Server | null = null;
  let url: string | null = null;
  let stopApi: (graceMs: number) => Promise<void> = async () => undefined;
  let queueBoard: QueueBoard | null = null;
  if (config.ROLES.includes('api')) {
    queueBoard = createQueueBoard(redisEndpoint.url, config.REDIS_PREFIX, QUEUE_BOARD_PATH);
    const api = await createApi({
      services,
      config,
      logger,
      queueBoard: queueBoard.router,
      checkReadiness: async () => ({
        database: await database.ping().then(
          () => true,
          () => false,
        ),
        redis: await redis.ping().then(
          (r) => r === 'PONG',
          () => false,
        ),
      }),
    });
    server = await new Promise<Server>((resolve) => {
      const s = api.app.listen(config.PORT, config.HOST, () => resolve(s));
    });
    api.attach(server);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
    stopApi = api.stop;
    services.model.store.start();
    logger.info({ graphql: `${url}/graphql`, health: `${url}/healthz` }, 'API listening');
  }

  let jobs: JobRuntime | null = null;
  if (!config.ROLES.includes('api') && config.BACKGROUND_NICE > 0) {
    logger.info({ nice: yieldCpuToApi(config.BACKGROUND_NICE) }, 'no api role here: background work yields the CPU to the API');
  }
  if (config.ROLES.includes('worker') || config.ROLES.includes('trainer')) {
    jobs = await startJobRuntime({
      redisUrl: redisEndpoint.url,
      prefix: config.REDIS_PREFIX,
      roles: config.ROLES,
      handlers: createJobHandlers({
        trending: services.trending,
        media: services.media,
        trainer: services.trainer,
        servedLog: services.servedLog,
        events: services.events,
        rollup: services.rollup,
        orders: services.orders,
        eventLog: services.eventLog,
      }),
      failureHandlers: createJobFailureHandlers({ media: services.media }),
      overdue: createOverdueChecks({ trainer: services.trainer }),
      logger,
      lockMs: config.JOB_LOCK_MS ?? (config.DATABASE_URL ? undefined : EMBEDDED_JOB_LOCK_MS),
    });
    logger.info({ roles: config.ROLES.filter((r) => r !== 'api') }, 'job roles running');
  }

  return {
    url,
    database,
    async stop() {
      if (server) await closeServer(server, config.SHUTDOWN_GRACE_MS);
      await stopApi(config.SHUTDOWN_GRACE_MS);
      await queueBoard?.close();
      services.model.store.stop();
      await jobs?.stop();
      await jobQueue.close();
      await services.cacheBus.close();
      redis.disconnect();
      await database.close();
      await redisEndpoint.stop();
    },
  };
}

/** Stops accepting connections, lets in-flight requests finish, and cuts stragglers after `graceMs`. */
async function closeServer(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
}
