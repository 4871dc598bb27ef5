import { HEADS } from '../signals';
import { gatherRows, readOut, tf, trainEpoch } from '../tensorflow';

// The interest model's variables, its training step and its scoring.

export interface ModelShape {
  users: number;
  items: number;
  /** Width of the user and item embeddings. */
  dim: number;
  /** Dense features per example (see the feature builders), after the embeddings' interaction. */
  features: number;
  hidden: number;
}

export interface TrainOptions {
  learningRate: number;
  /** L2 penalty on the embedding rows a batch touches, so rarely seen ids stay near zero. */
  l2: number;
  seed: number;
}

/** Examples in flat typed arrays: row n is users[n], items[n], features[n*F..], labels[n*H..] and mask[n*H..]. */
export interface ExampleBatch {
  users: Int32Array;
  items: Int32Array;
  features: Float32Array;
  labels: Float32Array;
  /** 1 where a head's label is known for the example; heads the data cannot label are left out of the loss. */
  mask: Float32Array;
}

export interface SerializedModel {
  shape: ModelShape;
  weights: Record<string, Float32Array>;
}

const K = HEADS.length;

/**
 * Multi-task interest model: user and note embeddings, their element-wise product and the dense
 * features go through one hidden layer to a logit per head (P(long view), P(like), P(collect),
 * P(product click), P(purchase)); the embeddings' dot product and a per-note bias are added to
 * every head, so the embeddings alone already rank.
 */
export class InterestModel {
  private readonly vars: Record<'userEmb' | 'itemEmb' | 'itemBias' | 'w1' | 'b1' | 'w2' | 'b2', tf.Variable>;

  private constructor(
    readonly shape: ModelShape,
    init: Record<string, tf.Tensor>,
  ) {
    this.vars = {
      userEmb: tf.variable(init.userEmb as tf.Tensor),
      itemEmb: tf.variable(init.itemEmb as tf.Tensor),
      itemBias: tf.variable(init.itemBias as tf.Tensor),
      w1: tf.variable(init.w1 as tf.Tensor),
      b1: tf.variable(init.b1 as tf.Tensor),
      w2: tf.variable(init.w2 as tf.Tensor),
      b2: tf.variable(init.b2 as tf.Tensor),
    };
    for (const tensor of Object.values(init)) tensor.dispose();
  }

  static create(shape: ModelShape, seed: number): InterestModel {
    const inputs = shape.dim + shape.features;
    return new InterestModel(shape, {
      userEmb: tf.randomNormal([Math.max(1, shape.users), shape.dim], 0, 0.05, 'float32', seed),
      itemEmb: tf.randomNormal([Math.max(1, shape.items), shape.dim], 0, 0.05, 'float32', seed + 1),
      itemBias: tf.zeros([Math.max(1, shape.items), 1]),
      w1: tf.randomNormal([inputs, shape.hidden], 0, Math.sqrt(2 / inputs), 'float32', seed + 2),
      b1: tf.zeros([shape.hidden]),
      w2: tf.randomNormal([shape.hidden, K], 0, Math.sqrt(1 / shape.hidden), 'float32', seed + 3),
      b2: tf.zeros([K]),
    });
  }

  static restore(serialized: SerializedModel): InterestModel {
    const { shape, weights } = serialized;
    const dims: Record<string, number[]> = {
      userEmb: [Math.max(1, shape.users), shape.dim],
      itemEmb: [Math.max(1, shape.items), shape.dim],
      itemBias: [Math.max(1, shape.items), 1],
      w1: [shape.dim + shape.features, shape.hidden],
      b1: [shape.hidden],
      w2: [shape.hidden, K],
      b2: [K],
    };
    const init: Record<string, tf.Tensor> = {};
    for (const [name, dim] of Object.entries(dims)) {
      const values = weights[name];
      if (!values || values.length !== dim.reduce((a, b) => a * b, 1))
        throw new Error(`model weights ${name} are missing or the wrong size`);
      init[name] = tf.tensor(values, dim, 'float32');
    }
    return new InterestModel(shape, init);
  }

  /** One pass over the batches with Adam; returns the mean loss and the number of examples. */
  async train(
    batches: Iterable<ExampleBatch>,
    options: TrainOptions,
    onBatch?: (examples: number) => void,
  ): Promise<{ loss: number; examples: number }> {
    return trainEpoch(
      batches,
      options.learningRate,
      (batch) => batch.users.length,
      (batch, optimizer) =>
        tf.tidy(() => {
          const n = batch.users.length;
          const users = tf.tensor1d(batch.users, 'int32');
          const items = tf.tensor1d(batch.items, 'int32');
          const features = tf.tensor2d(batch.features, [n, this.shape.features]);
          const labels = tf.tensor2d(batch.labels, [n, K]);
          const mask = tf.tensor2d(batch.mask, [n, K]);
          return optimizer.minimize(() => {
            const u = gatherRows(this.vars.userEmb, users);
            const i = gatherRows(this.vars.itemEmb, items);
            const logits = this.logits(u, i, gatherRows(this.vars.itemBias, items), features);
            const data = tf.losses.sigmoidCrossEntropy(labels, logits, mask, 0, tf.Reduction.SUM_BY_NONZERO_WEIGHTS);
            const penalty = tf.mul(options.l2, tf.add(tf.mean(tf.sum(tf.square(u), 1)), tf.mean(tf.sum(tf.square(i), 1))));
            return tf.add(data, penalty) as tf.Scalar;
          }, true) as tf.Scalar;
        }),
      onBatch,
    );
  }

  /** Probabilities per head, row-major [n, heads]. */
  predict(users: Int32Array, items: Int32Array, features: Float32Array): Float32Array {
    const n = users.length;
    if (n === 0) return new Float32Array(0);
    return readOut(
      tf.tidy(() => {
        const u = tf.gather(this.vars.userEmb, tf.tensor1d(users, 'int32'));
        const itemRows = tf.tensor1d(items, 'int32');
        const i = tf.gather(this.vars.itemEmb, itemRows);
        return tf.sigmoid(this.logits(u, i, tf.gather(this.vars.itemBias, itemRows), tf.tensor2d(features, [n, this.shape.features])));
      }),
    );
  }

  /**
   * predict() for one viewer's candidates, the viewer's row looked up once and broadcast, the notes given
   * as vectors (n × dim embeddings, n biases) rather than rows: serving gives notes posted after training
   * their content vectors (content-vectors.ts).
   */
  predictForUser(user: number, itemEmb: Float32Array, itemBias: Float32Array, features: Float32Array): Float32Array {
    const n = itemBias.length;
    if (n === 0) return new Float32Array(0);
    return readOut(
      tf.tidy(() => {
        const u = tf.gather(this.vars.userEmb, tf.tensor1d([user], 'int32'));
        return tf.sigmoid(
          this.logits(
            u,
            tf.tensor2d(itemEmb, [n, this.shape.dim]),
            tf.tensor2d(itemBias, [n, 1]),
            tf.tensor2d(features, [n, this.shape.features]),
          ),
        );
      }),
    );
  }

  serialize(): SerializedModel {
    const weights: Record<string, Float32Array> = {};
    for (const [name, variable] of Object.entries(this.vars)) weights[name] = variable.dataSync() as Float32Array;
    return { shape: this.shape, weights };
  }

  dispose(): void {
    for (const variable of Object.values(this.vars)) variable.dispose();
  }

  private logits(u: tf.Tensor, i: tf.Tensor, bias: tf.Tensor, features: tf.Tensor): tf.Tensor {
    // Fused matMul + bias (+ relu): one kernel instead of three, which is most of the cost at serving sizes.
    const interaction = tf.mul(u, i);
    const input = tf.concat([interaction, features], 1) as tf.Tensor2D;
    const hidden = tf.fused.matMul({ a: input, b: this.vars.w1 as tf.Tensor2D, bias: this.vars.b1, activation: 'relu' });
    const shared = tf.add(tf.sum(interaction, 1, true), bias);
    return tf.add(tf.fused.matMul({ a: hidden, b: this.vars.w2 as tf.Tensor2D, bias: this.vars.b2 }), shared);
  }
}
