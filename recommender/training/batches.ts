/** Fewer optimiser steps than this per epoch and a small log is not learnt at all. */
const MIN_STEPS_PER_EPOCH = 50;

/** The batch size for `examples`: `max`, or smaller so that a small log still gets enough optimiser steps. */
export function batchSizeFor(examples: number, max: number): number {
  return Math.max(16, Math.min(max, Math.ceil(examples / MIN_STEPS_PER_EPOCH)));
}
