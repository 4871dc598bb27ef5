import { gatherRows, readOut, tf, trainEpoch } from '../tensorflow';

/**
 * Two-tower retrieval. The user tower reads the user's latest items (see sequences.ts: each item a token
 * saying whether it was engaged with), weighs them by a learnt weight per position, and passes the mean
 * through a residual layer; the item tower is an embedding and a bias per item. A user's score for an item
 * is the dot product of the two plus the bias, trained with a softmax over every item anyone engaged with
 * to predict the next item the user engages with. The user side has no per-user row: a user's vector is computed
 * from their latest items each time, so a new action moves it at once and a new user needs no training.
 */
export interface TwoTowerShape {
  /** Vocabulary size (every item the user tower can read), including the padding index 0. */
  inputs: number;
  /** Items scored: indices 0..items-1 of the same vocabulary. */
  items: number;
  dim: number;
  /** How many of a user's latest items the user tower reads. */
  context: number;
}

/** The trained weights by name, as plain arrays: what a model version stores and serving reads (user-tower.ts). */
export type TwoTowerWeights = Record<(typeof WEIGHT_NAMES)[number], Float32Array>;

const WEIGHT_NAMES = ['tokens', 'position', 'w', 'b', 'items', 'bias'] as const;

export interface TwoTowerBatch {
  /** [n × context] tokens, latest first, 0-padded. */
  contexts: Int32Array;
  targets: Int32Array;
}

export class TwoTower {
  private readonly vars: Record<(typeof WEIGHT_NAMES)[number], tf.Variable>;

  private constructor(
    readonly shape: TwoTowerShape,
    seed: number,
  ) {
    const { inputs, items, dim, context } = shape;
    this.vars = {
      tokens: tf.variable(tf.randomNormal([inputs * 2, dim], 0, 0.05, 'float32', seed)),
      position: tf.variable(tf.zeros([context, 1])),
      w: tf.variable(tf.randomNormal([dim, dim], 0, 1 / Math.sqrt(dim), 'float32', seed + 1)),
      b: tf.variable(tf.zeros([dim])),
      items: tf.variable(tf.randomNormal([items, dim], 0, 0.05, 'float32', seed + 2)),
      bias: tf.variable(tf.zeros([items])),
    };
  }

  static create(shape: TwoTowerShape, seed: number): TwoTower {
    return new TwoTower(shape, seed);
  }

  /** One pass over the batches with Adam; returns the mean softmax loss. */
  async train(batches: Iterable<TwoTowerBatch>, learningRate: number, onBatch?: (examples: number) => void): Promise<number> {
    const { loss } = await trainEpoch(
      batches,
      learningRate,
      (batch) => batch.targets.length,
      (batch, optimizer) =>
        tf.tidy(() => {
          const contexts = tf.tensor1d(batch.contexts, 'int32');
          const targets = tf.oneHot(tf.tensor1d(batch.targets, 'int32'), this.shape.items);
          return optimizer.minimize(
            () => tf.losses.softmaxCrossEntropy(targets, this.logits(this.userTower(contexts, batch.targets.length))) as tf.Scalar,
            true,
          ) as tf.Scalar;
        }),
      onBatch,
    );
    return loss;
  }

  /** Scores of every item for each context: row-major [n × items]. */
  scoreAll(contexts: Int32Array): Float32Array {
    const n = contexts.length / this.shape.context;
    if (n === 0) return new Float32Array(0);
    return readOut(tf.tidy(() => this.logits(this.userTower(tf.tensor1d(contexts, 'int32'), n))));
  }

  /** The user tower's vector for each context: row-major [n × dim]. */
  userVectors(contexts: Int32Array): Float32Array {
    const n = contexts.length / this.shape.context;
    if (n === 0) return new Float32Array(0);
    return readOut(tf.tidy(() => this.userTower(tf.tensor1d(contexts, 'int32'), n)));
  }

  weights(): TwoTowerWeights {
    return Object.fromEntries(
      WEIGHT_NAMES.map((name) => [name, Float32Array.from(this.vars[name].dataSync() as Float32Array)]),
    ) as TwoTowerWeights;
  }

  dispose(): void {
    for (const variable of Object.values(this.vars)) variable.dispose();
  }

  private userTower(contexts: tf.Tensor1D, n: number): tf.Tensor2D {
    const { dim, context } = this.shape;
    const embedded = gatherRows(this.vars.tokens, contexts).reshape([n, context, dim]);
    const present = tf.notEqual(contexts, 0).cast('float32').reshape([n, context, 1]);
    const weights = tf.exp(this.vars.position).reshape([1, context, 1]).mul(present);
    const pooled = embedded.mul(weights).sum(1).div(weights.sum(1).add(1e-6)) as tf.Tensor2D;
    return tf.add(pooled, tf.tanh(tf.fused.matMul({ a: pooled, b: this.vars.w as tf.Tensor2D, bias: this.vars.b }))) as tf.Tensor2D;
  }

  private logits(users: tf.Tensor2D): tf.Tensor2D {
    return tf.fused.matMul({ a: users, b: this.vars.items as tf.Tensor2D, transposeB: true, bias: this.vars.bias }) as tf.Tensor2D;
  }
}

/** The scored items' vectors as the index keeps them: [embedding, bias] for rows 1.., matching a query [user vector, 1]. */
export function itemVectors(weights: Pick<TwoTowerWeights, 'items' | 'bias'>, shape: TwoTowerShape): Float32Array {
  const { dim } = shape;
  const out = new Float32Array((shape.items - 1) * (dim + 1));
  for (let row = 1; row < shape.items; row += 1) {
    out.set(weights.items.subarray(row * dim, (row + 1) * dim), (row - 1) * (dim + 1));
    out[(row - 1) * (dim + 1) + dim] = weights.bias[row] as number;
  }
  return out;
}
