import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { readTestEnv } from '../../core/config';
import { createServerDatabase, dropServerDatabase } from '../../core/db';
import { createRedisClient, freePort } from '../../core/redis';
import { productNodeFlags, waitForReady } from '../product-process';
import { isRecord, parseJson, type DrillTarget, type ServerLogEntry } from './drill-kit';

const ROOT = path.join(__dirname, '..', '..');

export interface AppUnderTest extends DrillTarget {
  /** The throwaway database's name on the PostgreSQL server. */
  databaseName: string;
  redisPrefix: string;
  /** Stops the product, drops its database, deletes its Redis keys and temporary files; safe to call twice. */
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Settings on top of the drill's (core/config.ts documents them all). */
  env?: Record<string, string>;
  /** Forward the product's warnings and errors to this terminal as they come. */
  echoLogs?: boolean;
}

/**
 * The product as `npm start` runs it (main.ts, its node flags) in production mode, on a database of its own on the
 * PostgreSQL server and its own Redis prefix, with the rate limits raised so that the drills are not throttled.
 */
export async function startAppUnderTest(options: AppOptions = {}): Promise<AppUnderTest> {
  const testEnv = readTestEnv();
  const suffix = randomBytes(5).toString('hex');
  const databaseName = `drill_${suffix}`;
  const redisPrefix = `drill-${suffix}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), `seedfeed-${databaseName}-`));
  const errors: ServerLogEntry[] = [];
  let child: ChildProcess | null = null;
  let stopped = false;
  let databaseUrl: string | undefined;

  const cleanUp = async () => {
    if (stopped) return;
    stopped = true;
    if (child) await stopChild(child);
    const problems: string[] = [];
    if (databaseUrl) await dropServerDatabase(testEnv.adminDatabaseUrl, databaseName).catch((e: unknown) => problems.push(String(e)));
    await deleteRedisKeys(testEnv.redisUrl, redisPrefix).catch((e: unknown) => problems.push(String(e)));
    await rm(dataDir, { recursive: true, force: true }).catch((e: unknown) => problems.push(String(e)));
    if (problems.length > 0) console.error(`drill clean-up: ${problems.join('; ')}`);
  };

  try {
    databaseUrl = await createServerDatabase(testEnv.adminDatabaseUrl, databaseName);
    const port = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      ROLES: 'api,worker',
      API_WORKERS: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      MEDIA_DIR: path.join(dataDir, 'media'),
      REDIS_URL: testEnv.redisUrl,
      REDIS_PREFIX: redisPrefix,
      JWT_SECRET: `drill-${randomBytes(16).toString('hex')}`,
      SEED_ON_START: '0',
      LOG_LEVEL: 'warn',
      // Production takes no in-app payment by default; the drills pay orders with the test cards.
      PAYMENT_PROVIDER: 'test',
      // A running experiment, so that feedExperiment answers its admins rather than NOT_FOUND for everyone.
      FEED_EXPERIMENT: '{"name":"drill","since":"2026-01-01"}',
      // Sign-ups and log-ins are not what is measured: bcrypt's cost would only slow the world's set-up.
      BCRYPT_ROUNDS: '4',
      MEDIA_URL_HOSTS: 'img.example.com',
      RATE_LIMIT_LOGINS: '100000000',
      RATE_LIMIT_SIGNUPS: '100000000',
      RATE_LIMIT_MUTATIONS: '100000000',
      RATE_LIMIT_EVENTS: '100000000',
      RATE_LIMIT_UPLOADS: '100000000',
      MEDIA_UNATTACHED_MAX: '100000000',
      ...options.env,
    };
    const httpUrl = `http://127.0.0.1:${port}`;
    const launch = async () => {
      child = spawnProduct(env, errors, options.echoLogs ?? false);
      // Whatever ends this process, the product does not outlive it (its database is dropped by stop() or by hand).
      const launched = child;
      process.once('exit', () => {
        if (launched.exitCode === null && launched.signalCode === null) launched.kill('SIGKILL');
      });
      const exited = new Promise<never>((_, reject) =>
        child?.once('exit', (code, signal) => reject(new Error(`the product exited during start (${signal ?? code})`))),
      );
      exited.catch(() => undefined);
      await Promise.race([waitForReady(`${httpUrl}/readyz`, 90_000), exited]);
    };
    await launch();
    const app: AppUnderTest = {
      httpUrl,
      wsUrl: `ws://127.0.0.1:${port}/graphql`,
      env,
      databaseName,
      redisPrefix,
      alive: () => child !== null && child.exitCode === null && child.signalCode === null,
      serverErrors: () => errors,
      async restart() {
        // A product that hangs does not drain: it gets a moment, then SIGKILL.
        if (child && child.exitCode === null && child.signalCode === null) await stopChild(child, 3000);
        await launch();
      },
      stop: cleanUp,
    };
    return app;
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

function spawnProduct(env: Record<string, string>, errors: ServerLogEntry[], echo: boolean): ChildProcess {
  const child = spawn(process.execPath, [...productNodeFlags(), path.join(ROOT, 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (entry: ServerLogEntry) => {
    // Bounded: a drill that provokes an error per request must not hold all of them.
    if (errors.length < 20_000) errors.push(entry);
    if (echo) console.error(`  [server] ${entry.msg}${entry.error ? `: ${entry.error}` : ''}`);
  };
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = parseJson(line);
      if (!isRecord(parsed)) return;
      const level = typeof parsed.level === 'number' ? parsed.level : 0;
      if (level < 50) return;
      const err = isRecord(parsed.err) ? parsed.err : undefined;
      keep({ at: Date.now(), level, msg: String(parsed.msg ?? ''), ...(err ? describeError(err) : {}) });
    });
  }
  if (child.stderr) {
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (line.trim()) keep({ at: Date.now(), level: 60, msg: `stderr: ${line.slice(0, 2000)}` });
    });
  }
  return child;
}

/** A logged error (core/logger.ts serializeError) and its causes on one line, with the first stack that has one. */
function describeError(err: Record<string, unknown>): { error: string; stack: string } {
  const parts: string[] = [];
  let stack = '';
  for (let e: unknown = err, depth = 0; isRecord(e) && depth < 6; e = e.cause, depth += 1) {
    parts.push(`${String(e.type ?? 'Error')}: ${String(e.message ?? '')}`);
    if (!stack && typeof e.stack === 'string') stack = e.stack;
  }
  return { error: parts.join(' ← caused by '), stack };
}

/** SIGTERM, then SIGKILL if the product has not drained within `graceMs`. */
async function stopChild(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(killer);
}

/** Every key of the drill's prefix: the product's own (prefix:...) and BullMQ's queues (prefix:queue:...). */
async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = createRedisClient(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
