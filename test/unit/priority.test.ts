import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** os.getPriority() after the calls, in a process of its own: a niced test runner would slow every test after it. */
function niceAfter(...calls: number[]): number {
  const script = `const { yieldCpuToApi } = require('./core/priority.ts');
${calls.map((n) => `yieldCpuToApi(${n});`).join('\n')}
process.stdout.write(String(require('node:os').getPriority()));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout);
}

describe('yieldCpuToApi', () => {
  // The child starts at this runner's niceness, whatever CI gave it.
  const base = os.getPriority();

  it('lowers the process to the niceness asked for', () => {
    expect(niceAfter(10)).toBe(Math.max(base, 10));
  });

  it('lowers every thread of the process, the garbage collector’s too, where the system lists them', () => {
    if (process.platform !== 'linux') return;
    const script = `const fs = require('node:fs');
require('./core/priority.ts').yieldCpuToApi(10);
const nices = fs.readdirSync('/proc/self/task').map((t) => {
  const stat = fs.readFileSync('/proc/self/task/' + t + '/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
});
process.stdout.write(JSON.stringify(nices));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    const nices = JSON.parse(run.stdout) as number[];
    expect(nices.length).toBeGreaterThan(1);
    expect(nices.every((nice) => nice === Math.max(base, 10))).toBe(true);
  });

  it('never raises a priority already lower', () => {
    expect(niceAfter(12, 4)).toBe(Math.max(base, 12));
  });
});

/** Each thread's scheduling policy (the 41st field of its stat; 5 is SCHED_IDLE), by thread id, read inside `script`'s process. */
const POLICIES = `const policies = () => Object.fromEntries(require('node:fs').readdirSync('/proc/self/task').map((t) => {
  const stat = require('node:fs').readFileSync('/proc/self/task/' + t + '/stat', 'utf8');
  return [t, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38])];
}));`;
const SCHED_IDLE = 5;

function runScript(script: string): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', `${POLICIES}\n${script}`], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe('runOnlyWhenIdle', () => {
  const linux = process.platform === 'linux';

  it('moves every thread of the process to the idle scheduling class', () => {
    if (!linux) return;
    const { moved, policies } = JSON.parse(
      runScript(`const moved = require('./core/priority.ts').runOnlyWhenIdle('process');
process.stdout.write(JSON.stringify({ moved, policies: policies() }));`),
    ) as { moved: boolean; policies: Record<string, number> };
    expect(moved).toBe(true);
    expect(Object.keys(policies).length).toBeGreaterThan(1);
    expect(Object.values(policies).every((policy) => policy === SCHED_IDLE)).toBe(true);
  });

  it('moves a worker thread alone, leaving the thread that serves requests as it was', () => {
    if (!linux) return;
    const { moved, thread, main, policies } = JSON.parse(
      runScript(`const { Worker } = require('node:worker_threads');
const source = "require('tsx/cjs/api').register(); const { parentPort } = require('node:worker_threads'); " +
  "parentPort.postMessage({ moved: require('./core/priority.ts').runOnlyWhenIdle('thread'), thread: require('node:fs').readlinkSync('/proc/thread-self').split('/').pop() });";
const worker = new Worker(source, { eval: true });
worker.once('message', (message) => {
  process.stdout.write(JSON.stringify({ ...message, main: String(process.pid), policies: policies() }));
  void worker.terminate();
});`),
    ) as { moved: boolean; thread: string; main: string; policies: Record<string, number> };
    expect(moved).toBe(true);
    expect(policies[thread]).toBe(SCHED_IDLE);
    expect(policies[main]).not.toBe(SCHED_IDLE);
    const others = Object.entries(policies).filter(([task]) => task !== thread);
    expect(others.length).toBeGreaterThan(1);
    expect(others.every(([, policy]) => policy === policies[main])).toBe(true);
  });
});
