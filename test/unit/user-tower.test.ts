import { TwoTower } from '../../recommender/retrieval/two-tower';
import { UserTower } from '../../recommender/retrieval/user-tower';
import { initTensorflow } from '../../recommender/tensorflow';

describe('the two-tower’s user side in plain arithmetic', () => {
  beforeAll(async () => {
    await initTensorflow();
  });

  it('computes the vector tfjs computes, for full, short and empty histories', async () => {
    const shape = { inputs: 30, items: 12, dim: 8, context: 6 };
    const tower = TwoTower.create(shape, 3);
    try {
      // A few steps, so that the position weights, the layer and its bias are no longer their initial values.
      const contexts = Int32Array.from({ length: 4 * shape.context }, (_, i) => (i * 7) % (2 * shape.inputs));
      await tower.train([{ contexts, targets: Int32Array.of(1, 5, 7, 11) }], 0.05);
      const histories = [contexts.subarray(0, shape.context), Int32Array.of(9, 4, 0, 0, 0, 0), new Int32Array(shape.context)];
      const expected = tower.userVectors(Int32Array.from(histories.flatMap((h) => [...h])));
      const user = new UserTower(shape, tower.weights());
      histories.forEach((history, n) => {
        const vector = user.vector(history);
        [...vector].forEach((value, d) => expect(value).toBeCloseTo(expected[n * shape.dim + d] as number, 4));
      });
    } finally {
      tower.dispose();
    }
  });
});
