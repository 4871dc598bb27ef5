import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** The machine's CPUs in two halves, as `taskset -c` lists: one for a server, the other for its client. */
export function splitCpus(): { server: string; client: string; all: string } {
  const count = availableParallelism();
  if (count < 2) throw new Error('a client and a server on CPUs of their own need at least two CPUs');
  const half = Math.floor(count / 2);
  const range = (from: number, to: number) => (from === to ? String(from) : `${from}-${to}`);
  return { server: range(0, half - 1), client: range(half, count - 1), all: range(0, count - 1) };
}

/** Moves a process and every thread it has to the listed CPUs; threads and processes it starts later stay on them. */
export function pinProcess(pid: number, cpus: string): void {
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)], { stdio: 'ignore' });
}
