import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { QUEUE_BOARD_PATH } from '../../api/admin';
import { createApi } from '../../api/app';
import { MIGRATIONS_FOLDER } from '../../boot';
import { loadConfig, readTestEnv, type Config } from '../../core/config';
import { createServerDatabase, dropServerDatabase, openDatabase, type Database } from '../../core/db';
import { createLogger } from '../../core/logger';
import { createRedisClient, type Redis } from '../../core/redis';
import { createQueueBoard } from '../../jobs/board';
import { createJobQueue } from '../../jobs/runtime';
import { createServices, type Services } from '../../services';

export interface GqlResult {
  status: number;
  body: { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string; field?: string; retryAfter?: number } }[] };
  headers: Record<string, string>;
  sqlQueries: number;
}

export interface TestApp {
  config: Config;
  /** The test database on the PostgreSQL server; undefined on PGlite. */
  databaseUrl: string | undefined;
  database: Database;
  redis: Redis;
  services: Services;
  http: ReturnType<typeof request>;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult>;
  /** Serves the app on a free port, with GraphQL subscriptions; returns its base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real API on a fresh database of the backend under test (TEST_DB=pg: a throwaway database on
 * the PostgreSQL server; TEST_DB=pglite: in-memory PGlite) and real Redis under its own key prefix.
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const env = readTestEnv();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const url = env.backend === 'pg' ? await createServerDatabase(env.adminDatabaseUrl, name) : undefined;
  const database = await openDatabase({ url, poolMax: 5 });
  await database.migrate(MIGRATIONS_FOLDER);
  const mediaDir = await mkdtemp(path.join(tmpdir(), `seedfeed-${name}-`));
  const config = loadConfig({
    NODE_ENV: 'test',
    BCRYPT_ROUNDS: '4',
    LOG_LEVEL: 'silent',
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: `test-${name}`,
    MEDIA_DIR: mediaDir,
    // Where the app keeps its own random token secret, thrown away with the media.
    DATA_DIR: mediaDir,
    // Most tests post notes that name pictures here (factories' IMAGE) rather than upload them.
    MEDIA_URL_HOSTS: 'img.example.com,v.example.com',
    // Every test's accounts come from one address; the tests of the limits themselves set them low.
    RATE_LIMIT_LOGINS: '100000',
    RATE_LIMIT_SIGNUPS: '100000',
    RATE_LIMIT_MUTATIONS: '100000',
    RATE_LIMIT_EVENTS: '10000000',
    RATE_LIMIT_UPLOADS: '100000',
    ...overrides,
  });
  const redis = createRedisClient(env.redisUrl, { keyPrefix: `test:${name}:` });
  const logger = createLogger('silent');
  const jobs = createJobQueue(env.redisUrl, config.REDIS_PREFIX);
  const services = createServices(database.db, redis, config, { logger, jobs });
  await services.cacheBus.start();
  const queueBoard = createQueueBoard(env.redisUrl, config.REDIS_PREFIX, QUEUE_BOARD_PATH);
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
      redis: (await redis.ping()) === 'PONG',
    }),
  });
  const http = request(api.app);
  let server: Server | null = null;
  return {
    config,
    databaseUrl: url,
    database,
    redis,
    services,
    http,
    async gql(query, variables = {}, token) {
      const req = http.post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return {
        status: res.status,
        body: res.body,
        headers: res.headers as Record<string, string>,
        sqlQueries: Number(res.headers['x-sql-queries'] ?? NaN),
      };
    },
    async listen() {
      const listening = await new Promise<Server>((resolve) => {
        const s = api.app.listen(0, '127.0.0.1', () => resolve(s));
      });
      server = listening;
      api.attach(listening);
      const address = listening.address() as AddressInfo;
      return `http://127.0.0.1:${address.port}`;
    },
    async close() {
      await api.stop(5_000);
      if (server) {
        const closing = server;
        const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
        closing.closeAllConnections();
        await closed;
      }
      await jobs.close();
      await queueBoard.close();
      await services.cacheBus.close();
      // This app's keys (test:<name>:…) and its BullMQ queues (REDIS_PREFIX test-<name>:…) in one pass.
      const raw = redis.duplicate({ keyPrefix: '' });
      const keys = await raw.keys(`test?${name}:*`);
      if (keys.length > 0) await raw.unlink(...keys);
      raw.disconnect();
      redis.disconnect();
      await database.close();
      if (url) await dropServerDatabase(env.adminDatabaseUrl, name);
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}
