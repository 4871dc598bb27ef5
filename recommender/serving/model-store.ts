import type { Logger } from '../../core/logger';
import type { RecommenderRepository } from '../../models/repositories/recommender.repository';
import type { ModelLayout } from '../../models/schema';
import { headsIn, type Head } from '../signals';
import { CoEngagement } from '../rank/co-engagement';
import type { ContentVectors } from '../rank/content-vectors';
import { InterestModel } from '../rank/interest-model';
import { initTensorflow } from '../tensorflow';
import { decodeModel, readsFeatures, rowsOf } from '../rank/model-codec';
import { NOTE_FEATURES } from '../rank/note-features';
import { loadTower, type LoadedTower } from '../retrieval/tower-codec';

/** A model version in memory, with what scoring and neighbour recall read of it. */
export interface LoadedModel {
  id: string;
  model: InterestModel;
  userRow: Map<string, number>;
  noteRow: Map<string, number>;
  /** The heads the version learnt; the others weigh nothing whatever weights are asked for. */
  heads: Head[];
  /** The embeddings again, as plain arrays, for nearest-neighbour recall without a round trip through tfjs. */
  dim: number;
  noteIds: string[];
  userEmb: Float32Array;
  itemEmb: Float32Array;
  itemBias: Float32Array;
  /** Vectors for notes posted after the version was trained; null for versions stored before them. */
  content: ContentVectors | null;
  /** Co-engagement neighbours built with the version; null for versions stored before them. */
  coEngagement: CoEngagement | null;
  /** The feed's retrieval tower and its index; null for versions stored before it, or trained on too little. */
  tower: LoadedTower | null;
}

export interface ModelStoreOptions {
  repo: Pick<RecommenderRepository, 'servingVersionId' | 'findVersion'>;
  logger: Logger;
  /** Versions experiment arms serve instead of the promoted one. */
  pinnedVersions?: readonly string[];
  /** How often start() looks for a newly promoted version (freshness.ts); unset, it loads once. */
  pollMs?: number;
}

/**
 * The interest model versions a process serves: the promoted one, swapped for a newly promoted one
 * without a restart, and those experiment arms pin, loaded once. Until a version exists, `serving` is
 * null and the feed keeps its heuristic order.
 */
export class ModelStore {
  private loaded: LoadedModel | null = null;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly pinned = new Map<string, LoadedModel>();
  /** Versions trained on other features than this code computes: never served, and not read again every poll. */
  private readonly unservable = new Set<string>();
  private readonly repo: ModelStoreOptions['repo'];
  private readonly logger: Logger;
  private readonly pinnedVersions: readonly string[];
  private readonly pollMs: number | undefined;

  constructor(options: ModelStoreOptions) {
    this.repo = options.repo;
    this.logger = options.logger;
    this.pinnedVersions = options.pinnedVersions ?? [];
    this.pollMs = options.pollMs;
  }

  get versionId(): string | null {
    return this.loaded?.id ?? null;
  }

  /** The promoted version, or null until one is loaded. */
  get serving(): LoadedModel | null {
    return this.loaded;
  }

  /** The version an experiment arm pins, once loaded; otherwise the promoted one. */
  versionFor(pinned: string | null | undefined): LoadedModel | null {
    return (pinned ? this.pinned.get(pinned) : undefined) ?? this.loaded;
  }

  /** Loads the serving version now and, given `pollMs`, looks for a newer one that often. */
  start(): void {
    void this.refresh();
    if (this.pollMs === undefined) return;
    this.timer = setInterval(() => void this.refresh(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.loaded?.model.dispose();
    this.loaded = null;
    for (const pinned of this.pinned.values()) pinned.model.dispose();
    this.pinned.clear();
  }

  /** Loads the serving version if it is not the one in memory; a failure keeps the current one. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load()
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not load the serving interest model'))
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    for (const id of this.pinnedVersions) {
      if (this.pinned.has(id) || this.unservable.has(id)) continue;
      const pinned = await this.version(id);
      if (pinned) this.pinned.set(id, pinned);
      else this.logger.warn({ version: id }, 'the model version an experiment pins does not exist');
    }
    const id = await this.repo.servingVersionId();
    if (id === null || id === this.loaded?.id) return;
    const loaded = await this.version(id);
    if (!loaded) return;
    const previous = this.loaded;
    this.loaded = loaded;
    previous?.model.dispose();
    this.logger.info({ version: id }, 'serving interest model loaded');
  }

  private async version(id: string): Promise<LoadedModel | null> {
    if (this.unservable.has(id)) return null;
    const version = await this.repo.findVersion(id);
    if (!version) return null;
    if (!readsFeatures(version.layout, NOTE_FEATURES)) {
      this.unservable.add(id);
      this.logger.warn(
        { version: id, features: version.layout.features ?? null, expected: NOTE_FEATURES },
        'the model version reads other features than this code computes: not serving it until a retrained one is promoted',
      );
      return null;
    }
    await initTensorflow();
    const serialized = decodeModel(version.layout, version.weights);
    return {
      id,
      model: InterestModel.restore(serialized),
      userRow: rowsOf(version.layout.userIds),
      noteRow: rowsOf(version.layout.noteIds),
      heads: headsIn(version.layout.heads),
      dim: version.layout.shape.dim,
      noteIds: version.layout.noteIds,
      userEmb: serialized.weights.userEmb as Float32Array,
      itemEmb: serialized.weights.itemEmb as Float32Array,
      itemBias: serialized.weights.itemBias as Float32Array,
      content: contentVectorsOf(version.layout, serialized.weights),
      coEngagement: version.neighbours ? CoEngagement.decode(version.neighbours) : null,
      tower: loadTower(version.layout.tower, serialized.weights),
    };
  }
}

function contentVectorsOf(layout: ModelLayout, weights: Record<string, Float32Array>): ContentVectors | null {
  const { contentKeys } = layout;
  const emb = weights.contentEmb;
  const bias = weights.contentBias;
  if (!contentKeys || !emb || !bias || bias.length !== contentKeys.length) return null;
  return { keys: new Map(contentKeys.map((key, k) => [key, k])), dim: layout.shape.dim, emb, bias };
}

/** The rows of the notes the version knows, in order; the others are left out. */
export function noteRowsOf(loaded: LoadedModel, noteIds: readonly string[]): number[] {
  return noteIds.flatMap((id) => {
    const row = loaded.noteRow.get(id);
    return row === undefined ? [] : [row];
  });
}
