/**
 * A linear item-to-item model with a closed form (EASE, Steck 2019): the weights B that best rebuild each
 * user's engaged items from their other engaged items, B = I − P·diag(1/diag(P)) with P = (XᵀX + λI)⁻¹,
 * no item predicting itself. Unlike cosine neighbours it learns how much each co-occurrence says given
 * all the others, so a blockbuster everyone shares stops counting as evidence.
 *
 * The inverse costs items³, so only the most engaged items take part (`maxItems`), and only those engaged
 * by at least `minUsers` users: an item fewer people share has no co-occurrence to learn from.
 */
export interface LinearAutoencoderOptions {
  lambda: number;
  minUsers: number;
  maxItems: number;
}

export class LinearAutoencoder {
  private constructor(
    /** Vocabulary index of each of the model's items. */
    private readonly items: Int32Array,
    private readonly position: Map<number, number>,
    private readonly weights: Float32Array,
  ) {}

  /**
   * `engaged`: each user's engaged items (vocabulary indices). One model per λ of `lambdas`, in order,
   * from one Gram matrix built once.
   */
  static fitAll(
    engaged: Iterable<readonly number[]>,
    options: Omit<LinearAutoencoderOptions, 'lambda'>,
    lambdas: readonly number[],
  ): LinearAutoencoder[] {
    const users = [...engaged];
    const counts = new Map<number, number>();
    for (const items of users) for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
    const chosen = [...counts]
      .filter(([, n]) => n >= options.minUsers)
      .sort(([a, an], [b, bn]) => bn - an || a - b)
      .slice(0, options.maxItems)
      .map(([item]) => item);
    const items = Int32Array.from(chosen);
    const position = new Map(chosen.map((item, n) => [item, n]));
    const n = items.length;
    const gram = new Float64Array(n * n);
    for (const list of users) {
      const at = list.flatMap((item) => position.get(item) ?? []);
      for (const a of at) for (const b of at) gram[a * n + b] = (gram[a * n + b] as number) + 1;
    }
    return lambdas.map((lambda) => {
      const p = Float64Array.from(gram);
      for (let i = 0; i < n; i += 1) p[i * n + i] = (p[i * n + i] as number) + lambda;
      invertInPlace(p, n);
      const weights = new Float32Array(n * n);
      for (let i = 0; i < n; i += 1)
        for (let j = 0; j < n; j += 1) if (i !== j) weights[i * n + j] = -(p[i * n + j] as number) / (p[j * n + j] as number);
      return new LinearAutoencoder(items, position, weights);
    });
  }

  /** Adds the user's score for every model item into `out` (indexed by vocabulary index). */
  scoreInto(engaged: Iterable<number>, out: Float32Array): void {
    const n = this.items.length;
    for (const item of engaged) {
      const row = this.position.get(item);
      if (row === undefined) continue;
      for (let j = 0; j < n; j += 1) {
        const item = this.items[j] as number;
        out[item] = (out[item] as number) + (this.weights[row * n + j] as number);
      }
    }
  }
}

/** Gauss–Jordan inverse of a symmetric positive definite matrix (XᵀX + λI is one, so no pivoting is needed). */
function invertInPlace(m: Float64Array, n: number): void {
  for (let k = 0; k < n; k += 1) {
    const rowK = m.subarray(k * n, (k + 1) * n);
    const pivot = 1 / (rowK[k] as number);
    rowK[k] = 1;
    for (let j = 0; j < n; j += 1) rowK[j] = (rowK[j] as number) * pivot;
    for (let i = 0; i < n; i += 1) {
      if (i === k) continue;
      const rowI = m.subarray(i * n, (i + 1) * n);
      const factor = rowI[k] as number;
      if (factor === 0) continue;
      rowI[k] = 0;
      for (let j = 0; j < n; j += 1) rowI[j] = (rowI[j] as number) - factor * (rowK[j] as number);
    }
  }
}
