import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../core/redis';
import { productNodeFlags } from '../product-process';

// The private world of the fault drills: a PostgreSQL server and a Redis of their own on free ports in
// a temporary directory (the machine's shared ones are never touched), and the product's processes
// started from this checkout against them. Everything started here is stopped and removed by
// `cleanup()`, or, if the drill process exits without it, by a synchronous exit handler.

const ROOT = path.join(__dirname, '..', '..');
const PG_BIN = process.env.DRILL_PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** The benches' JWT secret style: long enough for production mode, public, for throwaway data only. */
export const DRILL_JWT_SECRET = 'drill-secret-0123456789abcdef';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command to completion; throws with its output when it fails. */
function run(command: string, args: readonly string[], timeoutMs = 60_000): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** The same, without blocking the event loop: the drills' clients are timed while pg_ctl runs. */
function runAsync(command: string, args: readonly string[], timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}): ${output.trim()}`)),
    );
  });
}

/** PostgreSQL refuses to run as root: as root, its commands run as the postgres system user. */
function asPostgres(bin: string, args: readonly string[]): [string, string[]] {
  const full = path.join(PG_BIN, bin);
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, [...args]];
}

/** One process of the product (main.ts), in its own process group so a kill takes its ffmpeg children too. */
export interface AppProcess {
  name: string;
  env: Record<string, string>;
  child: ChildProcess;
  log: string;
  /** The HTTP port of an api role, or null. */
  port: number | null;
  startedAt: number;
}

export class FaultWorld {
  readonly dir: string;
  readonly pgPort: number;
  readonly redisPort: number;
  private redis: ChildProcess | null = null;
  private readonly apps = new Set<AppProcess>();
  private readonly mounts: string[] = [];
  private pgRunning = false;
  private cleaned = false;
  private readonly onExit = (): void => this.cleanupSync();
  /** Ctrl-C or a kill of the drill: the default action would skip the 'exit' handler. */
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.cleanupSync();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  private constructor(dir: string, pgPort: number, redisPort: number) {
    this.dir = dir;
    this.pgPort = pgPort;
    this.redisPort = redisPort;
    process.on('exit', this.onExit);
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  static async create(): Promise<FaultWorld> {
    const dir = mkdtempSync(path.join(tmpdir(), 'seedfeed-drill-'));
    const world = new FaultWorld(dir, await freePort(), await freePort());
    return world;
  }

  get pgDataDir(): string {
    return path.join(this.dir, 'pg');
  }
  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.pgPort}/postgres`;
  }
  get redisUrl(): string {
    return `redis://127.0.0.1:${this.redisPort}`;
  }

  /** initdb and start a PostgreSQL server on this world's port, with its socket in the world's directory. */
  async startPostgres(): Promise<void> {
    if (isRoot()) chownSync(this.dir, Number(run('id', ['-u', 'postgres']).trim()), Number(run('id', ['-g', 'postgres']).trim()));
    run(...asPostgres('initdb', ['-D', this.pgDataDir, '-U', 'postgres', '--auth=trust', '--no-sync']));
    await this.pgCtlStart();
  }

  private async pgCtlStart(): Promise<void> {
    await runAsync(
      ...asPostgres('pg_ctl', [
        '-D',
        this.pgDataDir,
        '-o',
        `-p ${this.pgPort} -k ${this.dir} -c listen_addresses=127.0.0.1`,
        '-l',
        path.join(this.dir, 'postgres.log'),
        '-w',
        '-t',
        '60',
        'start',
      ]),
    );
    this.pgRunning = true;
  }

  /** A crash: `pg_ctl stop -m immediate` (no checkpoint, crash recovery on the next start). */
  async stopPostgresImmediately(): Promise<void> {
    await runAsync(...asPostgres('pg_ctl', ['-D', this.pgDataDir, '-m', 'immediate', '-w', 'stop']));
    this.pgRunning = false;
  }

  /** Starts the server again on the same data directory and port (crash recovery); resolves once it accepts connections. */
  async restartPostgres(): Promise<void> {
    await this.pgCtlStart();
  }

  /** redis-server on this world's port, empty, without persistence, as a child of this process. */
  async startRedis(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    this.redis = child;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      if (await this.redisAnswers()) return;
      if (child.exitCode !== null) break;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${this.redisPort}`);
  }

  /** A crash: SIGKILL, nothing saved. Resolves once the process is gone. */
  async killRedis(): Promise<void> {
    const child = this.redis;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.redis = null;
  }

  async redisAnswers(): Promise<boolean> {
    const result = await new Promise<string>((resolve) => {
      const probe = spawn('redis-cli', ['-p', String(this.redisPort), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      probe.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      probe.on('close', () => resolve(out.trim()));
      probe.on('error', () => resolve(''));
    });
    return result === 'PONG';
  }

  /** Starts main.ts as `npm start` does, with `env` over this process's environment; its output goes to a log file. */
  spawnApp(name: string, env: Record<string, string>): AppProcess {
    const log = path.join(this.dir, `${name}.log`);
    const fd = openSync(log, 'a');
    const child = spawn(process.execPath, [...productNodeFlags(), path.join(ROOT, 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    closeSync(fd);
    const app: AppProcess = { name, env, child, log, port: env.PORT ? Number(env.PORT) : null, startedAt: Date.now() };
    this.apps.add(app);
    return app;
  }

  /** The same process started again with the same settings (after a crash). */
  respawn(app: AppProcess): AppProcess {
    this.apps.delete(app);
    return this.spawnApp(app.name, app.env);
  }

  /** SIGKILL to the process group: the process and whatever it started (ffmpeg), as when a container is killed. */
  async kill9(app: AppProcess): Promise<void> {
    const { child } = app;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child, 'SIGKILL');
    await exited;
  }

  /** SIGTERM and a graceful drain; SIGKILL after `graceMs`. */
  async stopApp(app: AppProcess, graceMs = 15_000): Promise<void> {
    const { child } = app;
    this.apps.delete(app);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    // Whatever it left in its group (an ffmpeg), too.
    killGroup(child, 'SIGKILL');
  }

  isAlive(app: AppProcess): boolean {
    return app.child.exitCode === null && app.child.signalCode === null;
  }

  /** The last lines of a process's log, for a failure message. */
  tail(app: AppProcess, lines = 15): string {
    try {
      return readFileSync(app.log, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** A tmpfs of `sizeMb` at a new directory of the world; throws with the reason when mounting is not permitted. */
  mountTmpfs(name: string, sizeMb: number): string {
    const target = path.join(this.dir, name);
    mkdirSync(target, { recursive: true });
    const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', target], { encoding: 'utf8' });
    if (result.error) throw new Error(`mount: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`mount -t tmpfs refused (${result.status}): ${(result.stderr || result.stdout).trim()}`);
    this.mounts.push(target);
    return target;
  }

  /** Stops everything this world started and removes its directory. */
  async cleanup(): Promise<void> {
    if (this.cleaned) return;
    await Promise.all([...this.apps].map((app) => this.stopApp(app, 5_000).catch(() => undefined)));
    await this.killRedis().catch(() => undefined);
    this.cleanupSync();
  }

  /** The synchronous part of the clean-up, also run from the 'exit' handler: kills, stops, unmounts, removes. */
  cleanupSync(): void {
    if (this.cleaned) return;
    this.cleaned = true;
    process.removeListener('exit', this.onExit);
    process.removeListener('SIGINT', this.onSignal);
    process.removeListener('SIGTERM', this.onSignal);
    for (const app of this.apps) killGroup(app.child, 'SIGKILL');
    this.apps.clear();
    if (this.redis && this.redis.exitCode === null) this.redis.kill('SIGKILL');
    if (this.pgRunning || existsSync(path.join(this.pgDataDir, 'postmaster.pid'))) {
      const [command, args] = asPostgres('pg_ctl', ['-D', this.pgDataDir, '-m', 'immediate', '-w', 'stop']);
      spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
      this.pgRunning = false;
    }
    for (const mount of this.mounts.splice(0)) spawnSync('umount', ['-l', mount], { stdio: 'ignore' });
    // DRILL_KEEP_LOGS=<dir> keeps the processes' logs for a look after the run.
    const keep = process.env.DRILL_KEEP_LOGS;
    if (keep) {
      mkdirSync(keep, { recursive: true });
      for (const name of readdirSync(this.dir).filter((f) => f.endsWith('.log')))
        copyFileSync(path.join(this.dir, name), path.join(keep, name));
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Resolves once GET `url` answers 200; throws after `timeoutMs` or when `alive()` turns false. */
export async function waitForReady(url: string, timeoutMs: number, alive: () => boolean = () => true): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (!alive()) throw new Error(`the process serving ${url} exited while starting`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`nothing ready at ${url} within ${timeoutMs} ms`);
}
