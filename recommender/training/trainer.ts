import { uuidv7 } from '../../core/ids';
import type { Logger } from '../../core/logger';
import type {
  NewModelVersion,
  RecommenderRepository,
  TrainingEngagement,
  TrainingEvent,
  TrainingNote,
} from '../../models/repositories/recommender.repository';
import type { EventType } from '../../models/schema';
import type { Transact } from '../../models/transaction';
import { auc, expectedCalibrationError } from '../offline/metrics';
import { compareModels, perUserNdcg, type Comparison } from '../offline/promotion';
import { buildContentVectors } from '../rank/content-vectors';
import { heuristicScore } from '../rank/heuristic';
import { InterestModel } from '../rank/interest-model';
import { initTensorflow } from '../tensorflow';
import { categoriesOf, DAY_MS, PROFILE_HISTORY } from '../rank/affinity-profile';
import { CoEngagement } from '../rank/co-engagement';
import { decodeModel, encodeModel, readsFeatures, rowsOf } from '../rank/model-codec';
import { NOTE_FEATURES, type FeatureViewer } from '../rank/note-features';
import { ENGAGEMENT_EVENTS, ENGAGEMENT_HEADS, ENGAGING, feedScores, HEADS, headsIn, headsOf, scoreWeights, type Head } from '../signals';
import { batchSizeFor, exampleBatches, TRAINING_DEFAULTS, type TrainingSettings } from './batches';
import { featuresInTime, ProfileTimeline, type TimedEngagement } from './profile-timeline';
import { seededRandom, shuffle } from './random';
import { TrendingTimeline } from './trending-timeline';
import { FEED_TOWER_DEFAULTS, trainFeedTower, type FeedTowerSettings } from './feed-tower';
import { encodeTower } from '../retrieval/tower-codec';
import { TRENDING } from '../trending-rule';

export interface TrainerOptions extends TrainingSettings {
  /** Days of the event log to learn from. */
  windowDays: number;
  /** The latest share of (viewer, note) pairs, by the time of their first event, held out to decide promotion. */
  holdoutShare: number;
  /** Notes drawn at random per engaged pair as extra negatives, beyond impressions without engagement. */
  sampledNegatives: number;
  /** The feed's retrieval tower, trained on the same window. */
  tower: FeedTowerSettings;
}

export const TRAINER_DEFAULTS: TrainerOptions = {
  windowDays: 30,
  holdoutShare: 0.1,
  sampledNegatives: 1,
  tower: FEED_TOWER_DEFAULTS,
  epochs: 4,
  ...TRAINING_DEFAULTS,
};

export interface TrainingOutcome {
  versionId: string;
  promoted: boolean;
  holdoutAuc: number;
  /** The serving version's AUC on the same holdout; null when none was serving or it reads other features than this code's. */
  servingAuc: number | null;
  /** Per-viewer NDCG of both on the holdout, which decides promotion (offline/promotion.ts). */
  comparison: Comparison;
  /**
   * The new model's per-viewer NDCG minus the heuristic order's (what anonymous visitors get, and everyone
   * while no model serves) on the same holdout, with its 95% bootstrap interval; null without holdout viewers.
   */
  overHeuristic: Comparison['difference'];
  /** Expected calibration error of each trained head's probability on the holdout. */
  calibration: Partial<Record<Head, number>>;
  /** The retrieval tower's ANN index: recall@100 against exact search; null when the window trained no tower. */
  annRecall: number | null;
  trainExamples: number;
  holdoutPairs: number;
  seconds: number;
}

export type TrainingProgress = (stage: string, done: number, total: number) => void;

/** What a training run reads (the event log, the notes, interests and follows it is about) and where it stores a version. */
export type TrainerStore = Pick<
  RecommenderRepository,
  | 'lastTrainedAt'
  | 'trainingEvents'
  | 'trainingEngagements'
  | 'trendingEvents'
  | 'trainingNotes'
  | 'interestsByUser'
  | 'followeesByUser'
  | 'servingVersion'
  | 'insertRejected'
> & {
  /** Stores the version as the serving one, retiring the previous, in one transaction. */
  promote(version: NewModelVersion): Promise<void>;
};

/** How the job runner starts training runs: in this thread (Trainer) or in a thread of their own (ThreadedTrainer). */
export interface TrainingRunner {
  run(options?: TrainerOptions, progress?: TrainingProgress): Promise<TrainingOutcome | null>;
  isOverdue(periodMs: number, now?: Date): Promise<boolean>;
}

/**
 * Whether a run is overdue by the database's record: none ever finished, or the last one is older
 * than `periodMs`. Redis's schedule cannot say so: after an unclean stop or a loss of its data it
 * waits a whole period from the restart, whatever happened before.
 */
export async function isTrainingOverdue(store: Pick<TrainerStore, 'lastTrainedAt'>, periodMs: number, now: Date): Promise<boolean> {
  const last = await store.lastTrainedAt();
  return last === null || now.getTime() - last.getTime() >= periodMs;
}

/** The store on the database itself. */
export function databaseTrainerStore(repo: RecommenderRepository, transact: Transact, readInBackground: Transact): TrainerStore {
  const read = <T>(query: (recommender: RecommenderRepository) => Promise<T>): Promise<T> =>
    readInBackground((repos) => query(repos.recommender));
  return {
    lastTrainedAt: () => repo.lastTrainedAt(),
    trainingEvents: (since) => read((r) => r.trainingEvents(since)),
    trainingEngagements: (types, since, until) => read((r) => r.trainingEngagements(types, since, until)),
    trendingEvents: (types, since) => read((r) => r.trendingEvents(types, since)),
    trainingNotes: () => read((r) => r.trainingNotes()),
    interestsByUser: () => read((r) => r.interestsByUser()),
    followeesByUser: () => read((r) => r.followeesByUser()),
    servingVersion: () => repo.servingVersion(),
    insertRejected: (version) => repo.insertRejected(version),
    promote: (version) => transact((repos) => repos.recommender.insertServing(version)),
  };
}

interface Pair {
  user: string;
  note: TrainingNote;
  atMs: number;
  labels: Set<Head>;
}

/** The event types trending scores count. */
const TRENDING_TYPES = Object.keys(TRENDING.weights) as EventType[];

/** Row 0 of each embedding table stands for a viewer or note the model has not seen. */
const UNSEEN = 0;

/**
 * The trainer role's work: builds (viewer, note) examples from the event log (labels per head;
 * impressions without engagement and randomly drawn notes are negatives), trains the interest model
 * with the older pairs, measures it on the newest ones, and promotes it unless it ranks viewers' notes
 * there worse than the serving version (offline/promotion.ts).
 */
export class Trainer implements TrainingRunner {
  constructor(
    private readonly repo: TrainerStore,
    private readonly logger: Logger,
  ) {}

  isOverdue(periodMs: number, now = new Date()): Promise<boolean> {
    return isTrainingOverdue(this.repo, periodMs, now);
  }

  async run(options: TrainerOptions = TRAINER_DEFAULTS, progress?: TrainingProgress): Promise<TrainingOutcome | null> {
    const started = performance.now();
    await initTensorflow();
    progress?.('reading the event log', 0, 1);
    const since = new Date(Date.now() - options.windowDays * DAY_MS);
    // Profiles reach back before the window, so the window's first pairs see as much history as serving
    // would; the window's own engagements are among its events, so only the history before it is read.
    // The log's reads go one at a time: PostgreSQL does not know this process is niced, and two scans at
    // once would take both cores from the API beside it.
    const events = await this.repo.trainingEvents(since);
    const earlier = await this.repo.trainingEngagements(
      ENGAGEMENT_EVENTS,
      new Date(since.getTime() - PROFILE_HISTORY.days * DAY_MS),
      since,
    );
    // From a window before the first pair, so that its trending score is whole too.
    const trendingEvents = await this.repo.trendingEvents(TRENDING_TYPES, new Date(since.getTime() - TRENDING.windowHours * 3_600_000));
    const [notes, interests, followees] = await Promise.all([
      this.repo.trainingNotes(),
      this.repo.interestsByUser(),
      this.repo.followeesByUser(),
    ]);
    progress?.('reading the event log', 1, 1);
    const engagedInWindow = events.filter((e) => ENGAGING.has(e.type));
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
    const examples = withSampledNegatives(training, { allPairs: pairs, notes, perPositive: options.sampledNegatives, random });
    // Row n of `features` belongs to examples[n], then holdout[n - examples.length]. Written once, as
    // they are the same every epoch; the epochs shuffle the rows' order rather than the examples.
    const f = NOTE_FEATURES.length;
    const trending = new TrendingTimeline(
      trendingEvents.map((e) => ({ noteId: e.noteId, type: e.type, anonymous: e.anonymous, atMs: e.occurredAt.getTime() })),
      TRENDING,
    );
    const features = featuresInTime(
      [...examples, ...holdout],
      new ProfileTimeline(timedEngagements([...earlier, ...engagedInWindow], notesById)),
      trending,
      viewerOf,
    );
    const holdoutFeatures = features.subarray(examples.length * f);
    const order = examples.map((_, n) => n);
    const trainedHeads = HEADS.filter((head) => examples.some((p) => p.labels.has(head)));

    const model = InterestModel.create(
      { users: userIds.length + 1, items: noteIds.length + 1, dim: options.dim, features: f, hidden: options.hidden },
      options.seed,
    );
    try {
      const batchSize = batchSizeFor(examples.length, options.batchSize);
      for (let epoch = 0; epoch < options.epochs; epoch += 1) {
        shuffle(order, random);
        await model.train(
          exampleBatches(order, batchSize, trainedHeads, {
            features: f,
            user: (n) => userRow.get((examples[n] as Pair).user) ?? UNSEEN,
            item: (n) => noteRow.get((examples[n] as Pair).note.id) ?? UNSEEN,
            labels: (n) => (examples[n] as Pair).labels,
            writeFeatures: (n, out, offset) => out.set(features.subarray(n * f, (n + 1) * f), offset),
          }),
          options,
          (n) => progress?.('training', epoch * examples.length + n, options.epochs * examples.length),
        );
      }
      progress?.('evaluating', 0, 1);
      const weights = scoreWeights(trainedHeads);
      const positives = holdout.map(engaged);
      const holdoutUsers = holdout.map((p) => p.user);
      const { scores, probabilities } = holdoutPredictions(model, { holdout, features: holdoutFeatures, userRow, noteRow, weights });
      const servingScores = await this.servingScores(holdout, holdoutFeatures);
      const calibration = calibrationOf(probabilities, holdout, trainedHeads);
      const holdoutAuc = auc(scores, positives);
      const servingAuc = servingScores && auc(servingScores, positives);
      const candidateNdcg = perUserNdcg(holdoutUsers, positives, scores);
      const comparison = compareModels(candidateNdcg, servingScores && perUserNdcg(holdoutUsers, positives, servingScores));
      const overHeuristic = compareModels(
        candidateNdcg,
        perUserNdcg(holdoutUsers, positives, heuristicScores(holdout, trending, viewerOf)),
      ).difference;
      progress?.('evaluating', 1, 1);
      const tower = await trainFeedTower(events, notesById, options.tower, progress);
      const towerParts = tower && encodeTower(tower);
      const promoted = Number.isFinite(holdoutAuc) && comparison.promoted;
      const serialized = model.serialize();
      const content = buildContentVectors(
        noteIds.map((id) => notesById.get(id) as TrainingNote),
        serialized.weights.itemEmb as Float32Array,
        serialized.weights.itemBias as Float32Array,
        options.dim,
      );
      const { layout, weights: buffer } = encodeModel(
        {
          ...serialized,
          weights: { ...serialized.weights, contentEmb: content.emb, contentBias: content.bias, ...towerParts?.tensors },
        },
        { userIds, noteIds, heads: trainedHeads, features: NOTE_FEATURES, contentKeys: content.keys, tower: towerParts?.layout },
      );
      const versionId = uuidv7();
      const version = {
        id: versionId,
        trainExamples: examples.length * options.epochs,
        holdoutAuc,
        servingAuc,
        metrics: {
          events: events.length,
          trainingPairs: training.length,
          holdoutPairs: holdout.length,
          heads: trainedHeads.length,
          holdoutUsers: comparison.users,
          ...(tower && { annRecall: tower.annRecall, towerEpochs: tower.epochs }),
          ...Object.fromEntries(
            Object.entries(calibration).map(([head, ece]) => [`ece${head.charAt(0).toUpperCase()}${head.slice(1)}`, ece]),
          ),
          holdoutNdcg: comparison.candidate,
          ...(comparison.serving === null ? {} : { servingNdcg: comparison.serving }),
          ...(comparison.difference && {
            ndcgDifference: comparison.difference.mean,
            ndcgDifferenceLow: comparison.difference.low,
            ndcgDifferenceHigh: comparison.difference.high,
          }),
          ...(overHeuristic && {
            ndcgOverHeuristic: overHeuristic.mean,
            ndcgOverHeuristicLow: overHeuristic.low,
            ndcgOverHeuristicHigh: overHeuristic.high,
          }),
        },
        layout,
        weights: buffer,
        neighbours: CoEngagement.build(noteIds.length + 1, engagedBaskets(engagedInWindow, noteRow)).encode(),
      };
      if (promoted) await this.repo.promote(version);
      else await this.repo.insertRejected(version);
      const outcome: TrainingOutcome = {
        versionId,
        promoted,
        holdoutAuc,
        servingAuc,
        comparison,
        overHeuristic,
        calibration,
        annRecall: tower?.annRecall ?? null,
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

  /**
   * Null when there is nothing to compare with: no serving version, or one reading other features
   * (stored before a change of them), which the first version trained after the change must replace.
   */
  private async servingScores(holdout: readonly Pair[], features: Float32Array): Promise<Float32Array | null> {
    const serving = await this.repo.servingVersion();
    if (!serving) return null;
    if (!readsFeatures(serving.layout, NOTE_FEATURES)) {
      this.logger.info(
        { version: serving.id, features: serving.layout.features ?? null },
        'the serving version reads other features: not compared',
      );
      return null;
    }
    const model = InterestModel.restore(decodeModel(serving.layout, serving.weights));
    try {
      return holdoutPredictions(model, {
        holdout,
        features,
        userRow: rowsOf(serving.layout.userIds),
        noteRow: rowsOf(serving.layout.noteIds),
        weights: scoreWeights(headsIn(serving.layout.heads)),
      }).scores;
    } finally {
      model.dispose();
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** The heuristic order's score of each holdout pair (in time order), from the note's trending score at the pair's time. */
function heuristicScores(holdout: readonly Pair[], trending: TrendingTimeline, viewerOf: (user: string) => FeatureViewer): Float32Array {
  // The features were read through the same timeline, up to the holdout's end.
  trending.rewind();
  return Float32Array.from(holdout, ({ user, note, atMs }) =>
    heuristicScore({ ...note, trendingScore: trending.at(note.id, atMs) }, viewerOf(user), atMs),
  );
}

/**
 * The holdout's positives: an engagement (a like, collect, product click or purchase). A long view
 * alone is not enough: most impressions of the demo world get one, so it separates little.
 */
function engaged(pair: Pair): boolean {
  return ENGAGEMENT_HEADS.some((head) => pair.labels.has(head));
}

/** One entry per (viewer, note), labelled by all its events, in the order of its first event. */
function pairsOf(events: readonly TrainingEvent[], notes: ReadonlyMap<string, TrainingNote>): Pair[] {
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
  {
    allPairs,
    notes,
    perPositive,
    random,
  }: { allPairs: readonly Pair[]; notes: readonly TrainingNote[]; perPositive: number; random: () => number },
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

/** Engagements with the notes still stored, with what a profile counts of each note. */
function timedEngagements(rows: readonly TrainingEngagement[], notes: ReadonlyMap<string, TrainingNote>): TimedEngagement[] {
  const categories = new Map<string, string[]>();
  return rows.flatMap(({ userId, noteId, occurredAt }) => {
    const note = notes.get(noteId);
    if (!note) return [];
    let noteCategories = categories.get(noteId);
    if (!noteCategories) categories.set(noteId, (noteCategories = categoriesOf(note.products)));
    return [{ userId, noteId, authorId: note.authorId, categories: noteCategories, atMs: occurredAt.getTime() }];
  });
}

/** `features` holds the holdout's rows, in its order; the rows and weights are the scored version's. */
function holdoutPredictions(
  model: InterestModel,
  {
    holdout,
    features,
    userRow,
    noteRow,
    weights,
  }: {
    holdout: readonly Pair[];
    features: Float32Array;
    userRow: ReadonlyMap<string, number>;
    noteRow: ReadonlyMap<string, number>;
    weights: Record<Head, number>;
  },
): { scores: Float32Array; probabilities: Float32Array } {
  const users = Int32Array.from(holdout, (p) => userRow.get(p.user) ?? UNSEEN);
  const items = Int32Array.from(holdout, (p) => noteRow.get(p.note.id) ?? UNSEEN);
  const probabilities = model.predict(users, items, features);
  return { scores: feedScores(probabilities, weights), probabilities };
}

/** Expected calibration error of each trained head's probability on the holdout (row-major [pairs, heads]). */
function calibrationOf(probabilities: Float32Array, holdout: readonly Pair[], trained: readonly Head[]): Partial<Record<Head, number>> {
  const calibration: Partial<Record<Head, number>> = {};
  HEADS.forEach((head, h) => {
    if (!trained.includes(head)) return;
    const predicted = Float32Array.from(holdout, (_, n) => probabilities[n * HEADS.length + h] as number);
    calibration[head] = expectedCalibrationError(
      predicted,
      holdout.map((p) => p.labels.has(head)),
    );
  });
  return calibration;
}

/**
 * Each viewer's engaged notes (of those with a row), most recent first, once each: the baskets of
 * co-engagement. `engagements` are in time order.
 */
function engagedBaskets(engagements: readonly TrainingEngagement[], noteRow: ReadonlyMap<string, number>): Int32Array[] {
  const byUser = new Map<string, Set<number>>();
  for (let i = engagements.length - 1; i >= 0; i -= 1) {
    const e = engagements[i] as TrainingEngagement;
    const row = noteRow.get(e.noteId);
    if (row === undefined) continue;
    let rows = byUser.get(e.userId);
    if (!rows) byUser.set(e.userId, (rows = new Set()));
    rows.add(row);
  }
  return [...byUser.values()].map((rows) => Int32Array.from(rows));
}
