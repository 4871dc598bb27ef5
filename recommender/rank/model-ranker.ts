import { LRUCache } from 'lru-cache';
import type { Logger } from '../../core/logger';
import { spreadTtl } from '../../core/read-cache';
import type { RecommenderRepository } from '../../models/repositories/recommender.repository';
import { NEIGHBOURS, PROFILES } from '../serving/freshness';
import { ENGAGEMENT_EVENTS, feedScores, headsIn, scoreWeights, type Head } from '../signals';
import { AffinityProfile, DAY_MS, PROFILE_HISTORY } from './affinity-profile';
import { CoEngagement } from './co-engagement';
import { initTensorflow, InterestModel } from './interest-model';
import { decodeModel, readsFeatures, rowsOf } from './model-codec';
import { NOTE_FEATURES, writeNoteFeatures, type FeatureNote, type FeatureViewer } from './note-features';

interface Loaded {
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
  /** Co-engagement neighbours built with the version; null for versions stored before them. */
  coEngagement: CoEngagement | null;
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
  /** Neighbour recall results by model version and query: a viewer's vector, or their latest likes, stay the same from page to page. */
  private readonly recalled = new LRUCache<string, string[]>(NEIGHBOURS);

  /** Versions an experiment arm serves instead of the promoted one, loaded once. */
  private readonly pinned = new Map<string, Loaded>();

  /** Versions trained on other features than this code computes: never served, and not read again every poll. */
  private readonly unservable = new Set<string>();

  /** Affinity profiles by viewer; concurrent misses for one viewer share one query. */
  private readonly profiles = new LRUCache<string, AffinityProfile>({
    max: PROFILES.max,
    fetchMethod: (viewerId) => this.loadProfile(viewerId),
  });

  constructor(
    private readonly repo: Pick<RecommenderRepository, 'servingVersionId' | 'findVersion' | 'recentEngagements'>,
    private readonly logger: Logger,
    private readonly pinnedVersions: readonly string[] = [],
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

  /**
   * Feed scores of the notes for the viewer, or null when no model is serving (or the viewer's profile
   * cannot be read: the feed's heuristic order beats scores from wrong inputs). An experiment arm may
   * ask for other score weights and for a pinned version (the promoted one serves until it is loaded).
   */
  async score(
    viewerId: string,
    viewer: FeatureViewer,
    notes: readonly (FeatureNote & { id: string })[],
    arm?: { weights: Readonly<Record<Head, number>>; modelVersion: string | null },
  ): Promise<Float32Array | null> {
    if (!this.versionFor(arm) || notes.length === 0) return null;
    const profile = await this.profileOf(viewerId);
    // Chosen after the wait: a version swapped in meanwhile has disposed of the one before.
    const loaded = this.versionFor(arm);
    if (!loaded || !profile) return null;
    const f = NOTE_FEATURES.length;
    const features = new Float32Array(notes.length * f);
    const items = new Int32Array(notes.length);
    const now = Date.now();
    notes.forEach((note, n) => {
      items[n] = loaded.noteRow.get(note.id) ?? 0;
      writeNoteFeatures(note, viewer, profile, now, features, n * f);
    });
    const weights = scoreWeights(loaded.heads, arm?.weights);
    return feedScores(loaded.model.predictForUser(loaded.userRow.get(viewerId) ?? 0, items, features), weights);
  }

  private versionFor(arm: { modelVersion: string | null } | undefined): Loaded | null {
    return (arm?.modelVersion ? this.pinned.get(arm.modelVersion) : undefined) ?? this.loaded;
  }

  private async profileOf(viewerId: string): Promise<AffinityProfile | null> {
    try {
      return (await this.profiles.fetch(viewerId, { ttl: spreadTtl(PROFILES.ttlMs) })) ?? null;
    } catch (error: unknown) {
      this.logger.warn({ err: error, viewer: viewerId }, 'could not read the viewer’s affinity profile');
      return null;
    }
  }

  /** One query over the viewer's latest engagements, bounded as training bounds its profiles. */
  private async loadProfile(viewerId: string): Promise<AffinityProfile> {
    const since = new Date(Date.now() - PROFILE_HISTORY.days * DAY_MS);
    return AffinityProfile.of(await this.repo.recentEngagements(viewerId, ENGAGEMENT_EVENTS, since, PROFILE_HISTORY.engagements));
  }

  /**
   * Item-to-item recall: the notes whose embeddings are nearest the mean of the given notes' (what the
   * viewer just liked or collected), so a like changes the feed at once, before any retraining.
   */
  similarTo(noteIds: readonly string[], k: number): string[] {
    const loaded = this.loaded;
    if (!loaded || noteIds.length === 0) return [];
    return this.remembered(`similar:${loaded.id}:${k}:${noteIds.join(',')}`, () => {
      const rows = noteRowsOf(loaded, noteIds);
      if (rows.length === 0) return [];
      const query = new Float32Array(loaded.dim);
      for (const row of rows) {
        for (let d = 0; d < loaded.dim; d += 1)
          query[d] = (query[d] as number) + (loaded.itemEmb[row * loaded.dim + d] as number) / rows.length;
      }
      return nearest(loaded, query, k, new Set(rows));
    });
  }

  /**
   * Co-engagement recall: the notes most engaged with by the viewers who engaged with the given notes
   * (what this viewer liked or collected last).
   */
  alsoEngaged(noteIds: readonly string[], k: number): string[] {
    const loaded = this.loaded;
    const graph = loaded?.coEngagement;
    if (!loaded || !graph || noteIds.length === 0) return [];
    return this.remembered(`also:${loaded.id}:${k}:${noteIds.join(',')}`, () =>
      graph.nearest(noteRowsOf(loaded, noteIds), k).map((row) => loaded.noteIds[row - 1] as string),
    );
  }

  /** Embedding retrieval: the notes nearest the viewer's own vector; none for a viewer the model has not seen. */
  nearestTo(viewerId: string, k: number): string[] {
    const loaded = this.loaded;
    const row = loaded?.userRow.get(viewerId);
    if (!loaded || row === undefined) return [];
    return this.remembered(`nearest:${loaded.id}:${k}:${viewerId}`, () =>
      nearest(loaded, loaded.userEmb.subarray(row * loaded.dim, (row + 1) * loaded.dim), k, new Set()),
    );
  }

  /** A recall result from the cache, or computed and kept: keys name the kind, the version, k and the query. */
  private remembered(key: string, compute: () => string[]): string[] {
    const cached = this.recalled.get(key);
    if (cached) return cached;
    const found = compute();
    this.recalled.set(key, found);
    return found;
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

  private async version(id: string): Promise<Loaded | null> {
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
      coEngagement: version.neighbours ? CoEngagement.decode(version.neighbours) : null,
    };
  }
}

/** The rows of the notes the version knows, in order; the others are left out. */
function noteRowsOf(loaded: Loaded, noteIds: readonly string[]): number[] {
  return noteIds.flatMap((id) => {
    const row = loaded.noteRow.get(id);
    return row === undefined ? [] : [row];
  });
}

/** The k notes with the largest dot product with `query` (rows from 1; row 0 is the unseen note), skipping `skip`. */
function nearest(loaded: Loaded, query: Float32Array, k: number, skip: ReadonlySet<number>): string[] {
  const { dim, itemEmb, noteIds } = loaded;
  const best: { row: number; score: number }[] = [];
  for (let row = 1; row <= noteIds.length; row += 1) {
    if (skip.has(row)) continue;
    let score = 0;
    for (let d = 0; d < dim; d += 1) score += (query[d] as number) * (itemEmb[row * dim + d] as number);
    if (best.length < k) {
      best.push({ row, score });
      if (best.length === k) best.sort((a, b) => a.score - b.score);
    } else if (score > (best[0] as { score: number }).score) {
      best[0] = { row, score };
      for (let i = 0; i + 1 < best.length && (best[i] as { score: number }).score > (best[i + 1] as { score: number }).score; i += 1) {
        [best[i], best[i + 1]] = [best[i + 1] as { row: number; score: number }, best[i] as { row: number; score: number }];
      }
    }
  }
  return best.sort((a, b) => b.score - a.score).map((b) => noteIds[b.row - 1] as string);
}
