import type { TwoTowerShape, TwoTowerWeights } from './two-tower';

/**
 * The two-tower's user side in plain arithmetic, for serving: a viewer's vector from the tokens of their
 * latest items, the same function as TwoTower's user tower (a test holds the two together) without a
 * round trip through tfjs for one small vector per page.
 */
export class UserTower {
  private readonly positionWeights: Float32Array;

  constructor(
    readonly shape: TwoTowerShape,
    private readonly weights: Pick<TwoTowerWeights, 'tokens' | 'position' | 'w' | 'b'>,
  ) {
    this.positionWeights = Float32Array.from(weights.position, Math.exp);
  }

  /** `tokens`: latest first, at most `shape.context` (sequences.ts's token()); none gives the empty history's vector. */
  vector(tokens: ArrayLike<number>): Float32Array {
    const { dim, context } = this.shape;
    const { tokens: table, w, b } = this.weights;
    const pooled = new Float64Array(dim);
    let total = 0;
    for (let p = 0; p < Math.min(tokens.length, context); p += 1) {
      const token = tokens[p] as number;
      if (token === 0) continue;
      const weight = this.positionWeights[p] as number;
      total += weight;
      for (let d = 0; d < dim; d += 1) pooled[d] = (pooled[d] as number) + weight * (table[token * dim + d] as number);
    }
    const scale = 1 / (total + 1e-6);
    for (let d = 0; d < dim; d += 1) pooled[d] = (pooled[d] as number) * scale;
    const out = new Float32Array(dim);
    for (let j = 0; j < dim; j += 1) {
      let sum = b[j] as number;
      for (let d = 0; d < dim; d += 1) sum += (pooled[d] as number) * (w[d * dim + j] as number);
      out[j] = (pooled[j] as number) + Math.tanh(sum);
    }
    return out;
  }
}
