import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

// bcrypt is CPU work by design (~70 ms a hash at cost 10, in JavaScript): on the event loop, 32 logins at once held every
// other request for seconds. It runs on worker threads instead, as many as there are cores.
const WORKER_SOURCE = `
  const { parentPort } = require('node:worker_threads');
  const bcrypt = require(${JSON.stringify(require.resolve('bcryptjs'))});
  parentPort.on('message', ({ id, op, password, rounds, hash }) => {
    try {
      const result = op === 'hash' ? bcrypt.hashSync(password, rounds) : bcrypt.compareSync(password, hash);
      parentPort.postMessage({ id, result });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error) });
    }
  });`;

type Job = { op: 'hash'; password: string; rounds: number } | { op: 'compare'; password: string; hash: string };
type Reply = { id: number; result?: string | boolean; error?: string };

interface Pending {
  resolve(value: string | boolean): void;
  reject(error: Error): void;
}

class HashingPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly size: number) {}

  run(job: Job): Promise<string | boolean> {
    const id = (this.nextId += 1);
    const slot = this.leastBusy();
    // A busy worker keeps the process alive until it answers; an idle one does not (a CLI, a test can end).
    if ((slot.busy += 1) === 1) slot.worker.ref();
    const done = () => {
      if ((slot.busy -= 1) === 0) slot.worker.unref();
    };
    return new Promise<string | boolean>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (value) => {
          done();
          resolve(value);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
      slot.worker.postMessage({ id, ...job });
    });
  }

  private leastBusy(): { worker: Worker; busy: number } {
    const idle = this.workers.find((slot) => slot.busy === 0);
    if (idle) return idle;
    if (this.workers.length < this.size) {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.on('message', (reply: Reply) => {
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (reply.error !== undefined || reply.result === undefined) waiting?.reject(new Error(reply.error ?? 'no result'));
        else waiting?.resolve(reply.result);
      });
      const slot = { worker, busy: 0 };
      // A worker that dies takes its answers with it: whoever waits hears so, and the next job starts a new worker.
      const lost = (error: Error) => {
        const index = this.workers.indexOf(slot);
        if (index >= 0) this.workers.splice(index, 1);
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
      };
      worker.on('error', lost);
      worker.on('exit', (code) => lost(new Error(`password worker exited with code ${code}`)));
      // Idle until run() refs it; after the listeners, which would ref it again.
      worker.unref();
      this.workers.push(slot);
      return slot;
    }
    return this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
  }
}

const pool = new HashingPool(Math.max(1, availableParallelism()));

export async function hashPassword(password: string, rounds: number): Promise<string> {
  return String(await pool.run({ op: 'hash', password, rounds }));
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return (await pool.run({ op: 'compare', password, hash })) === true;
}
