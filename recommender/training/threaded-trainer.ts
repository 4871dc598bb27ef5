import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { asBuffer } from '../../models/schema';
import {
  isTrainingOverdue,
  TRAINER_DEFAULTS,
  type TrainerOptions,
  type TrainerStore,
  type TrainingOutcome,
  type TrainingProgress,
  type TrainingRunner,
} from './trainer';

export type StoreMethod = keyof TrainerStore;

/** What the training thread sends: a call on the store, progress, and at last its outcome or failure. */
export type FromThread =
  | { call: { id: number; method: StoreMethod; args: unknown[] } }
  | { progress: [stage: string, done: number, total: number] }
  | { outcome: TrainingOutcome | null }
  | { failure: string };

/** The answer to a call on the store. */
export type ToThread = { id: number; result: unknown } | { id: number; error: string };

export interface ThreadInput {
  options: TrainerOptions;
  logLevel: string;
}

const THREAD_FILE = path.join(__dirname, `trainer-thread${path.extname(__filename)}`);
// From the sources (npm start, tests) the thread compiles TypeScript as the process does, with tsx.
const THREAD_SOURCE = `${THREAD_FILE.endsWith('.ts') ? `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();\n` : ''}require(${JSON.stringify(THREAD_FILE)});`;

/**
 * Runs each training run in a worker thread of its own (trainer-thread.ts), so none of its CPU work
 * (examples, features, tfjs batches, evaluation) holds this thread's event loop, which serves the API
 * when the roles share a process. The thread's reads and writes come back to this thread's store:
 * PGlite serves one thread, and a server's connection pool is this process's. What crosses is the
 * query results, copied once per run, and the version to store.
 */
export class ThreadedTrainer implements TrainingRunner {
  constructor(
    private readonly store: TrainerStore,
    private readonly logLevel: string,
  ) {}

  isOverdue(periodMs: number, now = new Date()): Promise<boolean> {
    return isTrainingOverdue(this.store, periodMs, now);
  }

  run(options: TrainerOptions = TRAINER_DEFAULTS, progress?: TrainingProgress): Promise<TrainingOutcome | null> {
    const input: ThreadInput = { options, logLevel: this.logLevel };
    // None of the process's flags: its V8 heap settings are not a thread's, and tsx is registered by the source.
    const thread = new Worker(THREAD_SOURCE, { eval: true, workerData: input, execArgv: [] });
    return new Promise<TrainingOutcome | null>((resolve, reject) => {
      let settled = false;
      const settle = (done: () => void) => {
        if (settled) return;
        settled = true;
        done();
        void thread.terminate();
      };
      thread.on('message', (message: FromThread) => {
        if ('call' in message) void this.answer(thread, message.call);
        else if ('progress' in message) progress?.(...message.progress);
        else if ('outcome' in message) settle(() => resolve(message.outcome));
        else settle(() => reject(new Error(`training failed: ${message.failure}`)));
      });
      thread.once('error', (error) => settle(() => reject(error)));
      thread.once('exit', (code) => settle(() => reject(new Error(`the training thread exited with code ${code} before it finished`))));
    });
  }

  private async answer(thread: Worker, { id, method, args }: { id: number; method: StoreMethod; args: unknown[] }): Promise<void> {
    let reply: ToThread;
    try {
      const call = this.store[method] as (...values: unknown[]) => Promise<unknown>;
      reply = { id, result: await call(...(method === 'promote' || method === 'insertRejected' ? [versionWithBuffers(args[0])] : args)) };
    } catch (error: unknown) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    thread.postMessage(reply);
  }
}

/** A copied Buffer arrives as a plain Uint8Array; the database layer wants Buffers back. */
export function versionWithBuffers<T>(version: T): T {
  const row = version as { weights?: Uint8Array; neighbours?: Uint8Array | null };
  return {
    ...version,
    ...(row.weights && { weights: asBuffer(row.weights) }),
    ...(row.neighbours && { neighbours: asBuffer(row.neighbours) }),
  } as T;
}
