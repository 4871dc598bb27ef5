import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

/** A client for commands; `forWorkers` gives the blocking-safe settings BullMQ workers require. */
export function createRedisClient(url: string, options: { forWorkers?: boolean; keyPrefix?: string } = {}): Redis {
  const settings: RedisOptions = {
    lazyConnect: false,
    maxRetriesPerRequest: options.forWorkers ? null : 3,
    enableReadyCheck: true,
  };
  if (options.keyPrefix) settings.keyPrefix = options.keyPrefix;
  return new Redis(url, settings);
}

/** True when a Redis server answers PING at `url` within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

export interface RedisEndpoint {
  url: string;
  /** Stops the private server, if this process started one. */
  stop(): Promise<void>;
}

/**
 * Finds Redis for the embedded default: the configured URL when something answers there, else a
 * private redis-server on a free port (stopped with the process), else one clear error.
 */
export async function resolveRedis(url: string): Promise<RedisEndpoint> {
  if (await redisAnswers(url)) return { url, stop: async () => undefined };
  if (!hasRedisServerBinary()) {
    throw new Error(
      `No Redis answers at ${url} and redis-server is not on PATH: start Redis (apt-get install redis-server) or set REDIS_URL.`,
    );
  }
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const privateUrl = `redis://127.0.0.1:${port}`;
  const stopChild = (): void => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stopChild);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await redisAnswers(privateUrl, 200)) {
      return { url: privateUrl, stop: () => stopProcess(child) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stopChild();
  throw new Error(`A private redis-server on port ${port} did not start; set REDIS_URL to a running Redis.`);
}

function hasRedisServerBinary(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A TCP port nothing listens on now, on 127.0.0.1: for a private server (here Redis; the drills' own servers too). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
