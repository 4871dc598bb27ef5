import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readTestEnv } from '../../core/config';

const ROOT = path.join(__dirname, '..', '..');
const BUILD_AND_BOOT_MS = 180_000;

// The production image runs the tsc build, not tsx: this catches what only breaks compiled (files found
// relative to the sources, worker threads, dynamic imports). It needs no PostgreSQL server, so it runs once,
// in the pglite project.
const describeOnce = readTestEnv().backend === 'pglite' ? describe : describe.skip;

describeOnce('the server compiled by tsconfig.build.json (what npm run build:server makes)', () => {
  let outDir: string;
  let dataDir: string;
  let server: ChildProcess | undefined;
  let url: string;

  beforeAll(async () => {
    // A build of its own, under node_modules/ where lint and formatting do not look, so that neither a
    // developer's dist/ nor another test run's build is overwritten while in use.
    outDir = path.join(ROOT, 'node_modules', '.cache', `seedfeed-compiled-${randomBytes(6).toString('hex')}`);
    await promisify(execFile)(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], {
      cwd: ROOT,
    });
    dataDir = await mkdtemp(path.join(tmpdir(), 'seedfeed-compiled-'));
    const child = spawn(process.execPath, [path.join(outDir, 'main.js')], {
      cwd: dataDir,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        ROLES: 'api',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        REDIS_URL: readTestEnv().redisUrl,
        REDIS_PREFIX: `test-compiled-${randomBytes(6).toString('hex')}`,
        SEED_ON_START: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    url = await listeningUrl(child);
  }, BUILD_AND_BOOT_MS);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await Promise.all([outDir, dataDir].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })));
  }, 30_000);

  it('is ready and answers GraphQL from its migrated database', async () => {
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: true, redis: true } });

    const feed = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ feed(first: 5) { edges { node { id } } pageInfo { hasNextPage } } }' }),
    });
    expect(feed.status).toBe(200);
    expect(await feed.json()).toEqual({ data: { feed: { edges: [], pageInfo: { hasNextPage: false } } } });
  });
});

/** The API's base URL, from its "API listening" log line; rejects with the output if the process ends first. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output
        .split('\n')
        .slice(0, -1)
        .find((l) => l.includes('"API listening"'));
      if (line) resolve((JSON.parse(line) as { graphql: string }).graphql.replace(/\/graphql$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`the compiled server exited with ${code}:\n${output}`)));
  });
}
