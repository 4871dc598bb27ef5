import { spawnSync } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Lowers this process's CPU priority to `nice` (never raises it: that needs privileges): a process
 * that serves no API requests (a worker, the trainer, `npm run train`) then takes the CPU only when the
 * API's processes leave it idle, so on a shared host a training run or a transcode does not queue
 * requests behind it. Child processes (ffmpeg) and threads started later inherit it. Returns the
 * niceness now in force.
 */
export function yieldCpuToApi(nice: number): number {
  const current = os.getPriority();
  if (nice > current) for (const thread of threadIds()) lower(thread, nice);
  return os.getPriority();
}

/**
 * Linux keeps a niceness per thread, and setting a process's sets its main thread's alone: V8's garbage
 * collector and compiler threads, started with the process, would go on competing with the API at full
 * priority, so each thread is lowered. 0 (the calling thread) where /proc does not list them.
 */
function threadIds(): number[] {
  try {
    return readdirSync('/proc/self/task').map(Number);
  } catch {
    return [0];
  }
}

function lower(thread: number, nice: number): void {
  try {
    os.setPriority(thread, nice);
  } catch (error) {
    // A helper thread may have ended since the listing; the calling thread's failure is the caller's to know.
    if (thread === 0 || thread === process.pid) throw error;
  }
}

/**
 * Moves the calling thread (`scope: 'thread'`) or every thread of this process (`'process'`) into
 * Linux's idle scheduling class (SCHED_IDLE), for work that may wait as long as requests need the CPU:
 * a niced thread still takes a share of a busy core (about a tenth at niceness 10) and is preempted only
 * at the end of its slice, while an idle-class one runs only where no other thread wants the core, and
 * a request's thread that wakes up takes the core from it at once. Threads the moved ones start later
 * inherit the class. Any thread may move itself there without privileges (sched(7)); this uses util-linux's
 * chrt, as Node has no call for it. Returns whether the move took; where it did not (no chrt, not Linux),
 * the caller's niceness is what stands.
 */
export function runOnlyWhenIdle(scope: 'thread' | 'process'): boolean {
  const task = scope === 'thread' ? currentThreadId() : process.pid;
  if (task === null) return false;
  const chrt = spawnSync('chrt', ['--idle', ...(scope === 'process' ? ['--all-tasks'] : []), '--pid', '0', String(task)], {
    stdio: 'ignore',
    timeout: 5_000,
  });
  return chrt.status === 0;
}

/** The kernel's id of the calling thread, which /proc/thread-self names; null where there is no such link. */
function currentThreadId(): number | null {
  try {
    return Number(path.basename(readlinkSync('/proc/thread-self')));
  } catch {
    return null;
  }
}
