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

export async function drain(pending: tf.Scalar[]): Promise<number> {
  let sum = 0;
  for (const scalar of pending.splice(0)) {
    sum += (await scalar.data())[0] as number;
    scalar.dispose();
  }
  return sum;
}
