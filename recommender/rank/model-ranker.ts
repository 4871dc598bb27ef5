import type { Logger } from '../../core/logger';
import type { RecommenderRepository } from '../../models/repositories/recommender.repository';
import { feedScores, headsIn, scoreWeights, type Head } from '../signals';
import { initTensorflow, InterestModel } from './interest-model';
import { decodeModel, rowsOf } from './model-codec';
import { NOTE_FEATURES, writeNoteFeatures, type FeatureNote, type FeatureViewer } from './note-features';

interface Loaded {
  id: string;
  model: InterestModel;
  userRow: Map<string, number>;
  noteRow: Map<string, number>;
  weights: Record<Head, number>;
}

/**
 * The serving side of the interest model: holds the promoted version in memory and swaps to a newly
 * promoted one, checked every `pollMs`, without a restart. Until a version exists, score() returns
 * null and the feed keeps its heuristic order.
 */
export class ModelRanker {
  private loaded: Loaded | null = null;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly repo: Pick<RecommenderRepository, 'servingVersionId' | 'findVersion'>,
    private readonly logger: Logger,
  ) {}

  get versionId(): string | null {
    return this.loaded?.id ?? null;
  }

  start(pollMs: number): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.loaded?.model.dispose();
    this.loaded = null;
  }

  /** Loads the serving version if it is not the one in memory; a failure keeps the current one. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load()
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not load the serving interest model'))
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Feed scores of the notes for the viewer, or null when no model is serving. */
  score(viewerId: string, viewer: FeatureViewer, notes: readonly (FeatureNote & { id: string })[]): Float32Array | null {
    const loaded = this.loaded;
    if (!loaded || notes.length === 0) return null;
    const f = NOTE_FEATURES.length;
    const features = new Float32Array(notes.length * f);
    const items = new Int32Array(notes.length);
    const now = Date.now();
    notes.forEach((note, n) => {
      items[n] = loaded.noteRow.get(note.id) ?? 0;
      writeNoteFeatures(note, viewer, now, features, n * f);
    });
    return feedScores(loaded.model.predictForUser(loaded.userRow.get(viewerId) ?? 0, items, features), loaded.weights);
  }

  private async load(): Promise<void> {
    const id = await this.repo.servingVersionId();
    if (id === null || id === this.loaded?.id) return;
    const version = await this.repo.findVersion(id);
    if (!version) return;
    await initTensorflow();
    const model = InterestModel.restore(decodeModel(version.layout, version.weights));
    const previous = this.loaded;
    this.loaded = {
      id,
      model,
      userRow: rowsOf(version.layout.userIds),
      noteRow: rowsOf(version.layout.noteIds),
      weights: scoreWeights(headsIn(version.layout.heads)),
    };
    previous?.model.dispose();
    this.logger.info({ version: id, auc: version.holdoutAuc }, 'serving interest model loaded');
  }
}
