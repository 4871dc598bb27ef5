import os from 'node:os';

/**
 * Lowers this process's CPU priority to `nice` (never raises it: that needs privileges): a process
 * that serves no API requests (a worker, the trainer, `npm run train`) then takes the CPU only when the
 * API's processes leave it idle, so on a shared host a training run or a transcode does not queue
 * requests behind it. Child processes (ffmpeg) inherit it. Returns the niceness now in force.
 */
export function yieldCpuToApi(nice: number): number {
  const current = os.getPriority();
  if (nice > current) os.setPriority(nice);
  return os.getPriority();
}
