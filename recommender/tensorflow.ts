import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

// The backend and the helpers both models need. Callers of the models deal in typed arrays, so nothing
// beyond the model files needs to know about tensors or backends.
export { tf };

let backend: Promise<string> | undefined;

/**
 * WASM is ~16x the pure-JS backend here; tfjs-node cannot install offline, so it is not tried.
 * The .wasm files are read from the installed package, not fetched.
 */
export function initTensorflow(): Promise<string> {
  backend ??= (async () => {
    setWasmPaths(`${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}${path.sep}`);
    if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs WASM backend did not initialise');
    await tf.ready();
    return tf.getBackend();
  })();
  return backend;
}

/**
 * A row lookup whose gradient is a scatter of the rows' gradients. tf.gather's own gradient needs
 * UnsortedSegmentSum, which the WASM backend lacks (and tf.layers.embedding with it).
 */
export function gatherRows(table: tf.Tensor, rows: tf.Tensor1D): tf.Tensor {
  const lookup = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const t = args[0] as tf.Tensor;
    return { value: tf.gather(t, rows), gradFunc: (dy: tf.Tensor) => tf.scatterND(rows.expandDims(1), dy, t.shape) };
  });
  return lookup(table);
}

/**
 * Reads a result out of the backend and frees it. Outside tf.tidy on purpose: tidy walks whatever its
 * function returns looking for tensors, element by element for a typed array (a fifth of the feed's CPU).
 */
export function readOut(tensor: tf.Tensor): Float32Array {
  try {
    return tensor.dataSync() as Float32Array;
  } finally {
    tensor.dispose();
  }
}

/**
 * One pass of Adam over `batches`, for either model: `step` builds a batch's tensors and minimises its loss
 * with the given optimiser, returning the loss; `size` is the batch's number of examples. Returns the mean
 * loss and the number of examples.
 */
export async function trainEpoch<B>(
  batches: Iterable<B>,
  learningRate: number,
  size: (batch: B) => number,
  step: (batch: B, optimizer: tf.Optimizer) => tf.Scalar,
  onBatch?: (examples: number) => void,
): Promise<{ loss: number; examples: number }> {
  const optimizer = tf.train.adam(learningRate);
  let examples = 0;
  let lossSum = 0;
  const pending: tf.Scalar[] = [];
  try {
    for (const batch of batches) {
      const n = size(batch);
      if (n === 0) continue;
      const loss = step(batch, optimizer);
      examples += n;
      // Reading a loss back waits for the backend; collect them and read in bulk.
      pending.push(tf.mul(loss, n) as tf.Scalar);
      loss.dispose();
      if (pending.length >= 64) lossSum += await drain(pending);
      onBatch?.(examples);
      // A batch runs synchronously on this thread: let requests in between when training shares a process with the API.
      await new Promise((resolve) => setImmediate(resolve));
    }
    lossSum += await drain(pending);
  } finally {
    optimizer.dispose();
  }
  return { loss: examples > 0 ? lossSum / examples : 0, examples };
}

async function drain(pending: tf.Scalar[]): Promise<number> {
  let sum = 0;
  for (const scalar of pending.splice(0)) {
    sum += (await scalar.data())[0] as number;
    scalar.dispose();
  }
  return sum;
}
