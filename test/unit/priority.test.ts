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
