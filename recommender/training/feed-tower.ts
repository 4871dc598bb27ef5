import type { TrainingEvent, TrainingNote } from '../../models/repositories/recommender.repository';
import { buildContentVectors } from '../rank/content-vectors';
import { towerTrainer } from '../retrieval/fit';
import { IvfIndex, type IvfParts } from '../retrieval/ivf-index';
import { userSequences, vocabularyOf, writeContext, type UserSequence } from '../retrieval/sequences';
import { itemVectors, TwoTower, type TwoTowerShape, type TwoTowerWeights } from '../retrieval/two-tower';
import { seededRandom, shuffle } from './random';

/**
 * The feed's retrieval model: the two-tower (retrieval/two-tower.ts) trained on the window's events, the
 * mean vectors of each creator and topic over its items (for notes it has not seen), and the lists of an
 * ANN index over its item vectors, with the index's recall measured on users it did not calibrate on.
 */
export interface FeedTower {
  shape: TwoTowerShape;
  weights: TwoTowerWeights;
  /** The vocabulary: items[i] is the note of input index i (0 pads); 1..shape.items-1 are the scored notes. */
  items: string[];
  content: { keys: string[]; emb: Float32Array; bias: Float32Array };
  ann: IvfParts;
  /** The index's recall@ANN.k against exact search, on held-apart users' vectors. */
  annRecall: number;
  epochs: number;
}

export interface FeedTowerSettings {
  dim: number;
  context: number;
  learningRate: number;
  batchSize: number;
  epochBudget: number;
  /** A log is passed over until the tower has trained on at least this many examples, within the epoch bounds. */
  minExamples: number;
  minEpochs: number;
  maxEpochs: number;
  seed: number;
  ann: { k: number; target: number; users: number };
}

export const FEED_TOWER_DEFAULTS: FeedTowerSettings = {
  dim: 32,
  context: 50,
  learningRate: 0.005,
  batchSize: 256,
  // About half a minute an epoch on a 2-core machine at the demo world's size, in the trainer's thread.
  epochBudget: 2.5e8,
  minExamples: 50_000,
  minEpochs: 3,
  maxEpochs: 100,
  seed: 42,
  // Probes are the fewest giving 97% of the exact top 100 on half the sampled users; the other half measures it.
  ann: { k: 100, target: 0.97, users: 400 },
};

/** Trains the feed's tower on the window's events of stored notes; null when fewer than two notes were engaged with. */
export async function trainFeedTower(
  events: readonly TrainingEvent[],
  notes: ReadonlyMap<string, TrainingNote>,
  settings: FeedTowerSettings,
  onProgress?: (stage: string, done: number, total: number) => void,
): Promise<FeedTower | null> {
  const log = events.flatMap((e) =>
    notes.has(e.noteId) ? [{ user: e.userId, item: e.noteId, event: e.type, ts: e.occurredAt.getTime(), value: e.value }] : [],
  );
  const vocabulary = vocabularyOf(log);
  if (vocabulary.engaged < 2) return null;
  const sequences = userSequences(log, vocabulary);
  const shape = { inputs: vocabulary.items.length, items: vocabulary.engaged + 1, dim: settings.dim, context: settings.context };
  const tower = TwoTower.create(shape, settings.seed);
  try {
    const trainer = towerTrainer(tower, sequences, settings);
    const epochs = Math.min(
      settings.maxEpochs,
      Math.max(settings.minEpochs, Math.ceil(settings.minExamples / Math.max(1, trainer.perEpoch))),
    );
    for (let epoch = 0; epoch < epochs; epoch += 1)
      await trainer.epoch((done, total) => onProgress?.('training the retrieval tower', epoch * total + done, epochs * total));

    const weights = tower.weights();
    const engaged = vocabulary.items.slice(1, shape.items);
    const width = shape.dim + 1;
    const vectors = itemVectors(weights, shape);
    const index = IvfIndex.build(engaged, vectors, width);
    const queries = sampleUserQueries(tower, sequences, settings);
    const half = Math.floor(queries.length / width / 2) * width;
    index.calibrate(queries.subarray(0, half), settings.ann.k, settings.ann.target);
    const content = buildContentVectors(
      engaged.map((id) => notes.get(id) as TrainingNote),
      weights.items,
      weights.bias,
      shape.dim,
    );
    return {
      shape,
      weights,
      items: vocabulary.items,
      content,
      ann: index.parts(),
      annRecall: index.recallAt(queries.subarray(half), settings.ann.k),
      epochs,
    };
  } finally {
    tower.dispose();
  }
}

/** Query vectors [user vector, 1] of up to `ann.users` users drawn at random, each from their whole sequence. */
function sampleUserQueries(tower: TwoTower, sequences: ReadonlyMap<string, UserSequence>, settings: FeedTowerSettings): Float32Array {
  const users = [...sequences.keys()];
  shuffle(users, seededRandom(settings.seed));
  users.length = Math.min(users.length, settings.ann.users);
  const contexts = new Int32Array(users.length * settings.context);
  users.forEach((user, n) => {
    const sequence = sequences.get(user) as UserSequence;
    writeContext(sequence, sequence.items.length, Infinity, contexts, n * settings.context, settings.context);
  });
  const vectors = tower.userVectors(contexts);
  const { dim } = tower.shape;
  const queries = new Float32Array(users.length * (dim + 1));
  users.forEach((_, n) => {
    queries.set(vectors.subarray(n * dim, (n + 1) * dim), n * (dim + 1));
    queries[n * (dim + 1) + dim] = 1;
  });
  return queries;
}
