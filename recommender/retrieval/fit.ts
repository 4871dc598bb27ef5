import type { Interaction } from '../../events/interactions-csv';
import { userHistories } from '../offline/baselines';
import { temporalHoldout } from '../offline/holdout';
import { ndcgAtK } from '../offline/metrics';
import { ENGAGING } from '../signals';
import { initTensorflow } from '../tensorflow';
import { batchSizeFor } from '../training/batches';
import { seededRandom, shuffle } from '../training/random';
import { LinearAutoencoder } from './linear-autoencoder';
import { engagedItems, Retriever, topK } from './retriever';
import {
  sequenceExamples,
  userSequences,
  vocabularyOf,
  writeContext,
  type SequenceExample,
  type UserSequence,
  type Vocabulary,
} from './sequences';
import { TwoTower } from './two-tower';

/**
 * What is fixed in advance. Everything a dataset decides (how long to train, the autoencoder's
 * regularisation, how much each source counts) is chosen on a time-ordered holdout of the log itself, then
 * the models are trained again on the whole log with those choices.
 */
export interface RetrievalSettings {
  dim: number;
  /** Latest items the user tower reads. */
  context: number;
  learningRate: number;
  /** The largest batch; a small log gets smaller ones (batchSizeFor). */
  batchSize: number;
  maxEpochs: number;
  /** Examples × catalogue size one epoch may cost: a large log trains each epoch on a fresh sample. */
  epochBudget: number;
  lambdas: readonly number[];
  towerShares: readonly number[];
  minUsers: number;
  maxItems: number;
  /** Share of each user's latest items held out to make the choices. */
  holdout: number;
  /** Users the choices are judged on, drawn at random when more have held-out engagements. */
  maxHoldoutUsers: number;
  /** Depth of the ranking the choices are judged on (NDCG). */
  k: number;
  seed: number;
}

export const RETRIEVAL_DEFAULTS: RetrievalSettings = {
  dim: 64,
  context: 50,
  learningRate: 0.005,
  batchSize: 256,
  maxEpochs: 10,
  // Under a minute an epoch on a 2-core machine.
  epochBudget: 2.5e8,
  lambdas: [50, 250, 1000],
  towerShares: [0, 0.2, 0.4, 0.5, 0.6, 0.8, 1],
  minUsers: 3,
  // The autoencoder's inverse costs maxItems³: about 30 s at 3,000.
  maxItems: 3000,
  holdout: 0.2,
  maxHoldoutUsers: 2000,
  k: 20,
  seed: 42,
};

export interface RetrievalChoice {
  epochs: number;
  lambda: number;
  towerShare: number;
  /** Holdout NDCG@k of each source alone and of the mix, at the chosen settings. */
  validation: { tower: number; autoencoder: number; mixed: number; users: number };
}

export type Progress = (phase: string, done: number, total: number) => void;

/** Chooses the settings on a holdout of `log`, then trains on all of it. */
export async function fitRetriever(
  log: readonly Interaction[],
  settings: RetrievalSettings,
  onProgress?: Progress,
): Promise<{ retriever: Retriever; choice: RetrievalChoice }> {
  await initTensorflow();
  const vocabulary = vocabularyOf(log);
  const choice = await choose(log, vocabulary, settings, onProgress);
  const sequences = userSequences(log, vocabulary);
  const [autoencoder] = LinearAutoencoder.fitAll(allEngaged(sequences), settings, [choice.lambda]);
  const tower = TwoTower.create(towerShape(vocabulary, settings), settings.seed);
  const trainer = towerTrainer(tower, sequences, settings);
  for (let epoch = 0; epoch < choice.epochs; epoch += 1)
    await trainer.epoch((done, total) => onProgress?.(`training ${epoch + 1}/${choice.epochs}`, done, total));
  return {
    retriever: new Retriever(vocabulary, sequences, tower, autoencoder as LinearAutoencoder),
    choice,
  };
}

async function choose(
  log: readonly Interaction[],
  vocabulary: Vocabulary,
  settings: RetrievalSettings,
  onProgress?: Progress,
): Promise<RetrievalChoice> {
  const { train: past, test: future } = temporalHoldout(log, settings.holdout);
  const histories = userHistories(past);
  const relevant = new Map<string, Set<string>>();
  for (const e of future)
    if (ENGAGING.has(e.event) && histories.has(e.user)) relevant.set(e.user, (relevant.get(e.user) ?? new Set()).add(e.item));
  const users = [...relevant.keys()];
  shuffle(users, seededRandom(settings.seed));
  users.length = Math.min(users.length, settings.maxHoldoutUsers);
  const sequences = userSequences(past, vocabulary);
  const exclude = (user: string) => histories.get(user) ?? EMPTY;

  onProgress?.('holdout: autoencoder', 0, settings.lambdas.length);
  const autoencoders = LinearAutoencoder.fitAll(allEngaged(sequences), settings, settings.lambdas);
  const tower = TwoTower.create(towerShape(vocabulary, settings), settings.seed);
  try {
    // λ is chosen on the autoencoder alone (a tower share of 0), before the tower trains.
    let best: RetrievalChoice | undefined;
    let lambda = settings.lambdas[0] as number;
    let autoencoderScore = -Infinity;
    for (const [n, candidate] of autoencoders.entries()) {
      const score = evaluate(
        new Retriever(vocabulary, sequences, tower, candidate),
        users,
        relevant,
        exclude,
        [0],
        settings.k,
      )[0] as number;
      if (score > autoencoderScore) [autoencoderScore, lambda] = [score, settings.lambdas[n] as number];
    }
    const autoencoder = autoencoders[settings.lambdas.indexOf(lambda)] as LinearAutoencoder;
    const retriever = new Retriever(vocabulary, sequences, tower, autoencoder);
    const trainer = towerTrainer(tower, sequences, settings);
    for (let epoch = 1; epoch <= settings.maxEpochs && epoch - (best?.epochs ?? 0) <= PATIENCE; epoch += 1) {
      await trainer.epoch((done, total) => onProgress?.(`holdout: epoch ${epoch}`, done, total));
      const scores = evaluate(retriever, users, relevant, exclude, settings.towerShares, settings.k);
      const towerAlone = scores[settings.towerShares.indexOf(1)] ?? NaN;
      scores.forEach((mixed, n) => {
        if (best && mixed <= best.validation.mixed) return;
        best = {
          epochs: epoch,
          lambda,
          towerShare: settings.towerShares[n] as number,
          validation: { tower: towerAlone, autoencoder: autoencoderScore, mixed, users: users.length },
        };
      });
    }
    return (
      best ?? {
        epochs: 1,
        lambda,
        towerShare: 0,
        validation: { tower: 0, autoencoder: autoencoderScore, mixed: autoencoderScore, users: users.length },
      }
    );
  } finally {
    tower.dispose();
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function towerShape(vocabulary: Vocabulary, settings: RetrievalSettings) {
  return { inputs: vocabulary.items.length, items: vocabulary.engaged + 1, dim: settings.dim, context: settings.context };
}
/** Epochs without a better holdout score before training stops. */
const PATIENCE = 2;

/** Mean NDCG@k over `users` for each tower share. */
function evaluate(
  retriever: Retriever,
  users: readonly string[],
  relevant: ReadonlyMap<string, ReadonlySet<string>>,
  exclude: (user: string) => ReadonlySet<string>,
  shares: readonly number[],
  k: number,
): number[] {
  const sums = shares.map(() => 0);
  for (const scores of retriever.standardised(users, exclude)) {
    const truth = relevant.get(scores.user) ?? EMPTY;
    shares.forEach((share, n) => {
      sums[n] =
        (sums[n] as number) +
        ndcgAtK(
          topK(scores, share, k, retriever.vocabulary).map((r) => r.item),
          truth,
          k,
        );
    });
  }
  return sums.map((sum) => sum / Math.max(1, users.length));
}

function allEngaged(sequences: ReadonlyMap<string, UserSequence>): number[][] {
  return [...sequences.values()].map(engagedItems);
}

/** Trains the tower an epoch at a time on examples cut from `sequences`, a fresh sample each epoch when over budget. */
export function towerTrainer(
  tower: TwoTower,
  sequences: ReadonlyMap<string, UserSequence>,
  settings: Pick<RetrievalSettings, 'epochBudget' | 'batchSize' | 'seed' | 'context' | 'learningRate'>,
) {
  const examples = sequenceExamples(sequences);
  const perEpoch = Math.min(examples.length, Math.max(1, Math.floor(settings.epochBudget / tower.shape.items)));
  const batchSize = batchSizeFor(perEpoch, settings.batchSize);
  const random = seededRandom(settings.seed);
  return {
    /** Examples each epoch trains on. */
    perEpoch,
    async epoch(onProgress: (done: number, total: number) => void): Promise<number> {
      shuffle(examples, random);
      return tower.train(batches(examples.slice(0, perEpoch), sequences, batchSize, settings.context), settings.learningRate, (done) =>
        onProgress(done, perEpoch),
      );
    },
  };
}

function* batches(examples: readonly SequenceExample[], sequences: ReadonlyMap<string, UserSequence>, size: number, context: number) {
  for (let start = 0; start < examples.length; start += size) {
    const slice = examples.slice(start, start + size);
    const contexts = new Int32Array(slice.length * context);
    const targets = new Int32Array(slice.length);
    slice.forEach((example, n) => {
      writeContext(sequences.get(example.user) as UserSequence, example.end, example.at, contexts, n * context, context);
      targets[n] = example.target;
    });
    yield { contexts, targets };
  }
}
