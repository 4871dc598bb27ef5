import { isRead as isLongView } from '../../models/read-rule';
import { HEADS, headsOf, feedScores, RETRIEVAL_WEIGHT, withRetrieval } from '../../recommender/signals';
import { InterestModel, type ExampleBatch } from '../../recommender/rank/interest-model';
import { initTensorflow } from '../../recommender/tensorflow';

describe('signals', () => {
  it('reads a view as long from half a video or 5 s on an image, and engagement as a long view too', () => {
    expect(isLongView(0.49, 'video')).toBe(false);
    expect(isLongView(0.5, 'video')).toBe(true);
    expect(isLongView(4.9, 'image')).toBe(false);
    expect(isLongView(5, 'image')).toBe(true);
    expect(isLongView(null)).toBe(true);
    expect(headsOf('view', 2)).toEqual([]);
    expect(headsOf('purchase', 99)).toEqual(['longView', 'purchase']);
    expect(headsOf('comment', null)).toEqual(['longView']);
    expect(headsOf('impression', null)).toEqual([]);
    expect(headsOf('hide', null)).toEqual([]);
  });

  it('weighs the heads into one score', () => {
    const probabilities = new Float32Array([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const weights = { longView: 1, like: 2, collect: 3, productClick: 4, purchase: 5 };
    expect([...feedScores(probabilities, weights)]).toEqual([1, 5]);
  });
});

describe('the retrieval score in the feed score', () => {
  it('scales each score by its standardised retrieval score, leaving notes without a vector as they are', () => {
    const scores = Float32Array.of(1, 1, 2, 3);
    const out = withRetrieval(scores, Float32Array.of(1, -1, NaN, 1));
    // Mean 1/3 and standard deviation √(8/9) over the three known scores.
    const z = (r: number) => (r - 1 / 3) / Math.sqrt(8 / 9);
    expect(out[0]).toBeCloseTo(Math.exp(RETRIEVAL_WEIGHT * z(1)), 5);
    expect(out[1]).toBeCloseTo(Math.exp(RETRIEVAL_WEIGHT * z(-1)), 5);
    expect(out[2]).toBe(2);
    expect(out[3]).toBeCloseTo(3 * Math.exp(RETRIEVAL_WEIGHT * z(1)), 5);
  });

  it('changes nothing when fewer than two notes have a vector or all score alike', () => {
    const scores = Float32Array.of(1, 2);
    expect(withRetrieval(scores, Float32Array.of(NaN, 4))).toBe(scores);
    expect(withRetrieval(scores, Float32Array.of(4, 4))).toBe(scores);
  });
});

describe('interest model on the WASM backend', () => {
  const shape = { users: 4, items: 6, dim: 4, features: 2, hidden: 8 };

  /** User u likes item u (and only it); the features carry nothing. */
  function batch(): ExampleBatch {
    const users: number[] = [];
    const items: number[] = [];
    for (let u = 0; u < 4; u += 1) {
      for (let i = 0; i < 6; i += 1) {
        users.push(u);
        items.push(i);
      }
    }
    const n = users.length;
    const labels = new Float32Array(n * HEADS.length);
    users.forEach((u, row) => {
      if (items[row] === u) labels[row * HEADS.length + 1] = 1;
    });
    const mask = new Float32Array(n * HEADS.length).fill(0);
    for (let row = 0; row < n; row += 1) mask[row * HEADS.length + 1] = 1;
    return { users: Int32Array.from(users), items: Int32Array.from(items), features: new Float32Array(n * 2), labels, mask };
  }

  it('runs on WASM, learns which user likes which item, and survives a save and restore', async () => {
    expect(await initTensorflow()).toBe('wasm');
    const model = InterestModel.create(shape, 1);
    const data = batch();
    const first = await model.train([data], { learningRate: 0.05, l2: 0, seed: 1 });
    let last = first;
    for (let epoch = 0; epoch < 150; epoch += 1) last = await model.train([data], { learningRate: 0.05, l2: 0, seed: 1 });
    expect(last.loss).toBeLessThan(first.loss / 4);
    expect(last.examples).toBe(24);

    const like = (m: InterestModel, user: number) =>
      [...m.predict(new Int32Array(6).fill(user), Int32Array.from([0, 1, 2, 3, 4, 5]), new Float32Array(12))].filter(
        (_, k) => k % HEADS.length === 1,
      );
    for (let user = 0; user < 4; user += 1) {
      const p = like(model, user);
      expect(p.indexOf(Math.max(...p))).toBe(user);
    }
    const restored = InterestModel.restore(model.serialize());
    expect(like(restored, 2)).toEqual(like(model, 2));
    model.dispose();
    restored.dispose();
  });

  it('refuses weights of the wrong size', () => {
    const model = InterestModel.create(shape, 1);
    const saved = model.serialize();
    model.dispose();
    expect(() => InterestModel.restore({ shape: { ...shape, items: 7 }, weights: saved.weights })).toThrow(/itemEmb/);
  });
});
