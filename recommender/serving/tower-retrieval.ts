import type { Logger } from '../../core/logger';
import type { RecentInterest, RecommenderRepository } from '../../models/repositories/recommender.repository';
import { EVENT_TYPES } from '../../models/schema/events';
import { DAY_MS } from '../rank/affinity-profile';
import { writeContentVector } from '../rank/content-vectors';
import { token } from '../retrieval/sequences';
import type { LoadedTower } from '../retrieval/tower-codec';
import { ENGAGEMENT_EVENTS, NOT_POSITIVE } from '../signals';
import { TOWER } from './freshness';
import type { LoadedModel, ModelStore } from './model-store';
import { ViewerStateCache } from './viewer-state-cache';

/** The events the tower reads as interest in a note, as training's sequences do (retrieval/sequences.ts). */
const INTEREST_EVENTS = EVENT_TYPES.filter((type) => !NOT_POSITIVE.has(type));

/**
 * Two-tower retrieval for the feed: the viewer's vector is computed on each page from the notes they
 * showed interest in lately (a like is in it on the next page), and the notes nearest it come from the
 * serving version's ANN index, which also holds every note published since training, by its content.
 */
export class TowerRetrieval {
  private readonly histories = new ViewerStateCache<RecentInterest[]>(TOWER);
  /** The version whose index holds the notes published through `through`, and when it was last brought up to date. */
  private synced: { modelId: string; through: Date | null; atMs: number } | null = null;
  private syncing: Promise<void> | undefined;

  constructor(
    private readonly models: ModelStore,
    private readonly repo: Pick<RecommenderRepository, 'recentInterests' | 'publishedNotes'>,
    private readonly logger: Logger,
  ) {}

  /**
   * Up to k notes nearest the viewer's vector, best first, none of `exclude` nor of their own history; none
   * while no version with a tower serves, or for a viewer with no history yet (the other sources serve them).
   */
  async nearest(viewerId: string, version: string | null, k: number, exclude: ReadonlySet<string>): Promise<string[]> {
    const viewer = await this.viewerQuery(viewerId, version);
    if (!viewer) return [];
    const skip = new Set([...exclude, ...viewer.history.map((h) => h.noteId)]);
    return viewer.tower.index.search(viewer.query, k, skip).map((s) => s.id);
  }

  /**
   * The viewer's retrieval score of each note (what nearest() ranks by), NaN for a note without a vector;
   * null when there is no vector for the viewer, as for nearest().
   */
  async scores(viewerId: string, version: string | null, noteIds: readonly string[]): Promise<Float32Array | null> {
    const viewer = await this.viewerQuery(viewerId, version);
    if (!viewer) return null;
    return Float32Array.from(noteIds, (id) => viewer.tower.index.score(viewer.query, id) ?? NaN);
  }

  /** The query [user vector, 1] from the viewer's latest history, with the index kept up to date. */
  private async viewerQuery(
    viewerId: string,
    version: string | null,
  ): Promise<{ tower: LoadedTower; query: Float32Array; history: RecentInterest[] } | null> {
    const loaded = this.models.serving;
    const tower = loaded?.tower;
    if (!loaded || !tower) return null;
    const [history] = await Promise.all([
      version === null ? this.historyOf(viewerId) : this.histories.get(viewerId, version, () => this.historyOf(viewerId)),
      this.current(loaded),
    ]);
    const tokens = history.flatMap(({ noteId, engaged }) => {
      const index = tower.vocabulary.get(noteId);
      return index === undefined ? [] : [token(index, engaged)];
    });
    if (tokens.length === 0) return null;
    return { tower, query: Float32Array.of(...tower.user.vector(tokens), 1), history };
  }

  private historyOf(viewerId: string): Promise<RecentInterest[]> {
    const tower = this.models.serving?.tower;
    return this.repo.recentInterests(viewerId, {
      types: INTEREST_EVENTS,
      engaging: ENGAGEMENT_EVENTS,
      since: new Date(Date.now() - TOWER.days * DAY_MS),
      limit: tower?.user.shape.context ?? 0,
    });
  }

  /**
   * Brings the index up to date with the notes published since: awaited the first time for a version
   * (every note not trained on joins it), then in the background once every TOWER.notesRefreshMs.
   */
  private async current(loaded: LoadedModel): Promise<void> {
    const synced = this.synced?.modelId === loaded.id ? this.synced : null;
    if (synced && Date.now() - synced.atMs < TOWER.notesRefreshMs) return;
    const catchingUp = this.catchUp();
    if (!synced) await catchingUp;
  }

  /** Adds the notes published since the last call to the serving version's index now; one run at a time. */
  catchUp(): Promise<void> {
    const loaded = this.models.serving;
    if (!loaded?.tower) return Promise.resolve();
    const through = this.synced?.modelId === loaded.id ? this.synced.through : null;
    this.syncing ??= this.sync(loaded, through)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not add newly published notes to the retrieval index'))
      .finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async sync(loaded: LoadedModel, through: Date | null): Promise<void> {
    const tower = loaded.tower as LoadedTower;
    const notes = await this.repo.publishedNotes(through);
    const vector = new Float32Array(tower.index.width);
    for (const note of notes) {
      if (tower.index.has(note.id)) continue;
      const bias = writeContentVector(tower.content, note, vector, 0);
      if (bias === null) continue;
      vector[tower.content.dim] = bias;
      tower.index.add(note.id, vector);
    }
    this.synced = { modelId: loaded.id, through: notes.at(-1)?.publishedAt ?? through, atMs: Date.now() };
  }
}
