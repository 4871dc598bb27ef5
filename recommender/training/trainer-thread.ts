// First: the thread moves into the idle scheduling class before the rest loads.
import { trainsWhenIdle } from './idle-thread';
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../../core/logger';
import type { FromThread, StoreMethod, ThreadInput, ToThread } from './threaded-trainer';
import { versionWithBuffers } from './threaded-trainer';
import { Trainer, type TrainerStore } from './trainer';

// One training run in a worker thread (see ThreadedTrainer): the store is the parent thread's, called by message.
const port = parentPort;
if (!port) throw new Error('trainer-thread runs as a worker thread');
const input = workerData as ThreadInput;
const send = (message: FromThread) => port.postMessage(message);

let next = 0;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
port.on('message', (reply: ToThread) => {
  const waiting = pending.get(reply.id);
  pending.delete(reply.id);
  if ('error' in reply) waiting?.reject(new Error(reply.error));
  else waiting?.resolve(reply.result);
});

function call<M extends StoreMethod>(method: M, ...args: Parameters<TrainerStore[M]>): ReturnType<TrainerStore[M]> {
  const id = (next += 1);
  return new Promise<unknown>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    send({ call: { id, method, args } });
  }) as ReturnType<TrainerStore[M]>;
}

const store: TrainerStore = {
  lastTrainedAt: () => call('lastTrainedAt'),
  trainingEvents: (since) => call('trainingEvents', since),
  trainingEngagements: (types, since, until) => call('trainingEngagements', types, since, until),
  trendingEvents: (types, since) => call('trendingEvents', types, since),
  trainingNotes: () => call('trainingNotes'),
  interestsByUser: () => call('interestsByUser'),
  followeesByUser: () => call('followeesByUser'),
  servingVersion: async () => {
    const version = await call('servingVersion');
    return version && versionWithBuffers(version);
  },
  insertRejected: (version) => call('insertRejected', version),
  promote: (version) => call('promote', version),
};

const logger = createLogger(input.logLevel);
// Where the roles share a process this thread shares its cores with the API's requests: a run that waits
// for idle CPU takes longer and costs no request anything.
if (!trainsWhenIdle) logger.info('the training thread could not move to the idle scheduling class: it trains at the process’s priority');
new Trainer(store, logger)
  .run(input.options, (stage, done, total) => send({ progress: [stage, done, total] }))
  .then((outcome) => send({ outcome }))
  .catch((error: unknown) => send({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
