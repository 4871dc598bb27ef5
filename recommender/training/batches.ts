import { HEADS, type Head } from '../signals';
import type { ExampleBatch } from '../rank/interest-model';

/** How the interest model is trained, whatever the examples are. */
export interface TrainingSettings {
  epochs: number;
  /** Width of the user and note embeddings. */
  dim: number;
  hidden: number;
  learningRate: number;
  l2: number;
  /** The largest batch; a small log gets smaller ones (batchSizeFor). */
  batchSize: number;
  seed: number;
}

/** Settings tuned on the MovieLens replay (8-dim embeddings with a strong L2 generalised best), shared by the trainer. */
export const TRAINING_DEFAULTS: Omit<TrainingSettings, 'epochs'> = {
  dim: 8,
  hidden: 32,
  learningRate: 0.005,
  l2: 0.1,
  batchSize: 4096,
  seed: 42,
};

/** Fewer optimiser steps than this per epoch and a small log is not learnt at all. */
const MIN_STEPS_PER_EPOCH = 50;

/** The batch size for `examples`: `max`, or smaller so that a small log still gets enough optimiser steps. */
export function batchSizeFor(examples: number, max: number): number {
  return Math.max(16, Math.min(max, Math.ceil(examples / MIN_STEPS_PER_EPOCH)));
}

/** How to read one training example of type T into a batch. */
export interface ExampleReader<T> {
  /** Dense features per example. */
  features: number;
  user(example: T): number;
  item(example: T): number;
  labels(example: T): ReadonlySet<Head>;
  writeFeatures(example: T, out: Float32Array, offset: number): void;
}

/** Examples in batches of `size`; heads outside `trained` are masked out of the loss. */
export function* exampleBatches<T>(
  examples: readonly T[],
  size: number,
  trained: readonly Head[],
  read: ExampleReader<T>,
): Generator<ExampleBatch> {
  const f = read.features;
  const k = HEADS.length;
  const known = HEADS.map((head) => (trained.includes(head) ? 1 : 0));
  for (let start = 0; start < examples.length; start += size) {
    const slice = examples.slice(start, start + size);
    const batch: ExampleBatch = {
      users: new Int32Array(slice.length),
      items: new Int32Array(slice.length),
      features: new Float32Array(slice.length * f),
      labels: new Float32Array(slice.length * k),
      mask: new Float32Array(slice.length * k),
    };
    slice.forEach((example, n) => {
      batch.users[n] = read.user(example);
      batch.items[n] = read.item(example);
      read.writeFeatures(example, batch.features, n * f);
      const labels = read.labels(example);
      HEADS.forEach((head, h) => {
        batch.labels[n * k + h] = labels.has(head) ? 1 : 0;
        batch.mask[n * k + h] = known[h] as number;
      });
    });
    yield batch;
  }
}
