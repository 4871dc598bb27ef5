import { readdirSync } from 'node:fs';
import os from 'node:os';

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
