import { uuidv7 } from '../../core/ids';
import type { Logger } from '../../core/logger';
import type { RecommenderRepository, TrainingNote } from '../../models/repositories/recommender.repository';
import type { Transact } from '../../models/transaction';
import { auc } from '../offline/metrics';
import { initTensorflow, InterestModel } from '../rank/interest-model';
import { decodeModel, encodeModel, rowsOf } from '../rank/model-codec';
import { NOTE_FEATURES, writeNoteFeatures, type FeatureViewer } from '../rank/note-features';
import { feedScores, HEADS, headsIn, headsOf, scoreWeights, type Head } from '../signals';
import { batchSizeFor, exampleBatches, TRAINING_DEFAULTS, type TrainingSettings } from './batches';
import { seededRandom, shuffle } from './random';

export interface TrainerOptions extends TrainingSettings {
  /** Days of the event log to learn from. */
  windowDays: number;
  /** The latest share of (viewer, note) pairs, by the time of their first event, held out to decide promotion. */
  holdoutShare: number;
  /** Notes drawn at random per engaged pair as extra negatives, beyond impressions without engagement. */
  sampledNegatives: number;
}

export const TRAINER_DEFAULTS: TrainerOptions = {
  windowDays: 30,
  holdoutShare: 0.1,
  sampledNegatives: 1,
  epochs: 4,
  ...TRAINING_DEFAULTS,
};

export interface TrainingOutcome {
  versionId: string;
  promoted: boolean;
  holdoutAuc: number;
  /** The serving version's AUC on the same holdout; null when none was serving. */
  servingAuc: number | null;
  trainExamples: number;
  holdoutPairs: number;
  seconds: number;
}

export type TrainingProgress = (stage: string, done: number, total: number) => void;

interface Pair {
  user: string;
  note: TrainingNote;
  atMs: number;
  labels: Set<Head>;
}

/** Row 0 of each embedding table stands for a viewer or note the model has not seen. */
const UNSEEN = 0;

/**
 * The trainer role's work: builds (viewer, note) examples from the event log (labels per head;
 * impressions without engagement and randomly drawn notes are negatives), trains the interest model
 * with the older pairs, measures it on the newest ones, and promotes it only if it beats the serving
 * version there.
 */
export class Trainer {
  constructor(
    private readonly repo: RecommenderRepository,
    private readonly transact: Transact,
    private readonly logger: Logger,
  ) {}

  async run(options: TrainerOptions = TRAINER_DEFAULTS, progress?: TrainingProgress): Promise<TrainingOutcome | null> {
    const started = performance.now();
    await initTensorflow();
    progress?.('reading the event log', 0, 1);
    const since = new Date(Date.now() - options.windowDays * 24 * 3_600_000);
    const [events, notes, interests, followees] = await Promise.all([
      this.repo.trainingEvents(since),
      this.repo.trainingNotes(),
      this.repo.interestsByUser(),
      this.repo.followeesByUser(),
    ]);
    progress?.('reading the event log', 1, 1);
    const notesById = new Map(notes.map((n) => [n.id, n]));
    const pairs = pairsOf(events, notesById);
    const cut = Math.floor(pairs.length * (1 - options.holdoutShare));
    const training = pairs.slice(0, cut);
    const holdout = pairs.slice(cut);
    if (training.length === 0 || !holdout.some(engaged) || holdout.every(engaged)) {
      this.logger.info({ events: events.length }, 'too few events to train the interest model');
      return null;
    }

    const viewers = new Map<string, FeatureViewer>();
    const viewerOf = (user: string): FeatureViewer => {
      let viewer = viewers.get(user);
      if (!viewer) viewers.set(user, (viewer = { interests: new Set(interests.get(user)), followed: followees.get(user) ?? EMPTY }));
      return viewer;
    };
    const userIds = [...new Set(training.map((p) => p.user))];
    const noteIds = [...new Set(training.map((p) => p.note.id))];
    const userRow = rowsOf(userIds);
    const noteRow = rowsOf(noteIds);
    const random = seededRandom(options.seed);
    const examples = withSampledNegatives(training, pairs, notes, options.sampledNegatives, random);
    const trainedHeads = HEADS.filter((head) => examples.some((p) => p.labels.has(head)));

    const model = InterestModel.create(
      { users: userIds.length + 1, items: noteIds.length + 1, dim: options.dim, features: NOTE_FEATURES.length, hidden: options.hidden },
      options.seed,
    );
    try {
      const batchSize = batchSizeFor(examples.length, options.batchSize);
      for (let epoch = 0; epoch < options.epochs; epoch += 1) {
        shuffle(examples, random);
        await model.train(
          exampleBatches(examples, batchSize, trainedHeads, {
            features: NOTE_FEATURES.length,
            user: (pair) => userRow.get(pair.user) ?? UNSEEN,
            item: (pair) => noteRow.get(pair.note.id) ?? UNSEEN,
            labels: (pair) => pair.labels,
            writeFeatures: (pair, out, offset) => writeNoteFeatures(pair.note, viewerOf(pair.user), pair.atMs, out, offset),
          }),
          options,
          (n) => progress?.('training', epoch * examples.length + n, options.epochs * examples.length),
        );
      }
      progress?.('evaluating', 0, 1);
      const weights = scoreWeights(trainedHeads);
      const holdoutAuc = holdoutAucOf(model, holdout, userRow, noteRow, viewerOf, weights);
      const servingAuc = await this.servingAuc(holdout, viewerOf);
      progress?.('evaluating', 1, 1);
      const promoted = Number.isFinite(holdoutAuc) && (servingAuc === null || holdoutAuc > servingAuc);
      const { layout, weights: buffer } = encodeModel(model.serialize(), { userIds, noteIds, heads: trainedHeads });
      const versionId = uuidv7();
      const version = {
        id: versionId,
        trainExamples: examples.length * options.epochs,
        holdoutAuc,
        servingAuc,
        metrics: { events: events.length, trainingPairs: training.length, holdoutPairs: holdout.length, heads: trainedHeads.length },
        layout,
        weights: buffer,
      };
      if (promoted) await this.transact((repos) => repos.recommender.insertServing(version));
      else await this.repo.insertRejected(version);
      const outcome: TrainingOutcome = {
        versionId,
        promoted,
        holdoutAuc,
        servingAuc,
        trainExamples: version.trainExamples,
        holdoutPairs: holdout.length,
        seconds: (performance.now() - started) / 1000,
      };
      this.logger.info(outcome, promoted ? 'promoted a new interest model' : 'kept the serving interest model');
      return outcome;
    } finally {
      model.dispose();
    }
  }

  private async servingAuc(holdout: readonly Pair[], viewerOf: (user: string) => FeatureViewer): Promise<number | null> {
    const serving = await this.repo.servingVersion();
    if (!serving) return null;
    const model = InterestModel.restore(decodeModel(serving.layout, serving.weights));
    try {
      return holdoutAucOf(
        model,
        holdout,
        rowsOf(serving.layout.userIds),
        rowsOf(serving.layout.noteIds),
        viewerOf,
        scoreWeights(headsIn(serving.layout.heads)),
      );
    } finally {
      model.dispose();
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The holdout's positives: a like, collect, product click or purchase. A long view alone is not
 * enough: most impressions of the demo world get one, so it separates little.
 */
const ENGAGEMENTS: readonly Head[] = ['like', 'collect', 'productClick', 'purchase'];

function engaged(pair: Pair): boolean {
  return ENGAGEMENTS.some((head) => pair.labels.has(head));
}

/** One entry per (viewer, note), labelled by all its events, in the order of its first event. */
function pairsOf(events: Awaited<ReturnType<RecommenderRepository['trainingEvents']>>, notes: ReadonlyMap<string, TrainingNote>): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const e of events) {
    const note = notes.get(e.noteId);
    if (!note || e.type === 'follow') continue;
    const key = `${e.userId}:${e.noteId}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { user: e.userId, note, atMs: e.occurredAt.getTime(), labels: new Set() }));
    for (const head of headsOf(e.type, e.value, note.kind)) pair.labels.add(head);
    // A hide outweighs whatever came before it: the viewer said no.
    if (e.type === 'hide') pair.labels.clear();
  }
  return [...pairs.values()].sort((a, b) => a.atMs - b.atMs);
}

/** Adds drawn notes as negatives, never one the viewer has any event for (in training or in the holdout). */
function withSampledNegatives(
  pairs: readonly Pair[],
  allPairs: readonly Pair[],
  notes: readonly TrainingNote[],
  perPositive: number,
  random: () => number,
): Pair[] {
  const seen = new Set(allPairs.map((p) => `${p.user}:${p.note.id}`));
  const out = [...pairs];
  for (const pair of pairs) {
    if (pair.labels.size === 0) continue;
    for (let n = 0; n < perPositive; n += 1) {
      const note = notes[Math.floor(random() * notes.length)] as TrainingNote;
      if (seen.has(`${pair.user}:${note.id}`)) continue;
      out.push({ user: pair.user, note, atMs: pair.atMs, labels: new Set() });
    }
  }
  return out;
}

function holdoutAucOf(
  model: InterestModel,
  holdout: readonly Pair[],
  userRow: ReadonlyMap<string, number>,
  noteRow: ReadonlyMap<string, number>,
  viewerOf: (user: string) => FeatureViewer,
  weights: Record<Head, number>,
): number {
  const f = NOTE_FEATURES.length;
  const users = Int32Array.from(holdout, (p) => userRow.get(p.user) ?? UNSEEN);
  const items = Int32Array.from(holdout, (p) => noteRow.get(p.note.id) ?? UNSEEN);
  const features = new Float32Array(holdout.length * f);
  holdout.forEach((p, n) => writeNoteFeatures(p.note, viewerOf(p.user), p.atMs, features, n * f));
  const scores = feedScores(model.predict(users, items, features), weights);
  return auc(scores, holdout.map(engaged));
}
