import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createApi } from '../../api/app';
import { MIGRATIONS_FOLDER } from '../../boot';
import { loadConfig, readTestEnv, type Config } from '../../core/config';
import { createServerDatabase, dropServerDatabase, openDatabase, type Database } from '../../core/db';
import { createLogger } from '../../core/logger';
import { createRedisClient, type Redis } from '../../core/redis';
import { createServices, type Services } from '../../services';

export interface GqlResult {
  status: number;
  body: { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
  sqlQueries: number;
}

export interface TestApp {
  config: Config;
  database: Database;
  redis: Redis;
  services: Services;
  http: ReturnType<typeof request>;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult>;
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
  const config = loadConfig({ NODE_ENV: 'test', BCRYPT_ROUNDS: '4', LOG_LEVEL: 'silent', REDIS_URL: env.redisUrl, ...overrides });
  const redis = createRedisClient(env.redisUrl, { keyPrefix: `test:${name}:` });
  const services = createServices(database.db, redis, config);
  const logger = createLogger('silent');
  const api = await createApi({
    services,
    config,
    logger,
    checkReadiness: async () => ({
      database: await database.ping().then(
        () => true,
        () => false,
      ),
      redis: (await redis.ping()) === 'PONG',
    }),
  });
  const http = request(api.app);
  return {
    config,
    database,
    redis,
    services,
    http,
    async gql(query, variables = {}, token) {
      const req = http.post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, body: res.body, sqlQueries: Number(res.headers['x-sql-queries'] ?? NaN) };
    },
    async close() {
      await api.stop(5_000);
      const keys = await redis.keys(`test:${name}:*`);
      if (keys.length > 0) await redis.unlink(...keys.map((k) => k.slice(`test:${name}:`.length)));
      redis.disconnect();
      await database.close();
      if (url) await dropServerDatabase(env.adminDatabaseUrl, name);
    },
  };
}
