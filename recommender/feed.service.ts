import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { errors } from '../core/errors';
import type { Logger } from '../core/logger';
import { rowsById, type ReadCache } from '../core/read-cache';
import type {
  CandidateRow,
  NoteCard,
  NoteMediaRow,
  NoteProductRow,
  NoteRow,
  NotesRepository,
} from '../models/repositories/notes.repository';
import type { RecommenderRepository } from '../models/repositories/recommender.repository';
import { hasMarked, type SocialRepository, type ViewerContext } from '../models/repositories/social.repository';
import { filterCandidates } from './rank/filter';
import { selectPage } from './rank/mixer';
import { explain, type RankContext } from './rank/page';
import { armOf, type ArmConfig, type Experiment } from './experiment';
import { withRetrieval } from './signals';
import type { FeedSessionStore, ViewerFeedState } from './serving/session-store';
import { VIEWER_CONTEXT } from './serving/freshness';
import type { ModelServing } from './serving/model-serving';
import { RankedLists, type RankedPage, type Ranking } from './serving/ranked-lists';
import type { SharedRankedLists } from './serving/shared-ranked';
import { decodeSessionCursor, encodeSessionCursor } from './serving/session-cursor';
import { RECALL_QUOTAS, type RecallQuotas } from './recall-quotas';
import { alsoLikedSource } from './recall/also-liked';
import { embeddingSource } from './recall/embedding';
import { FollowingSource } from './recall/following';
import { freshSource } from './recall/fresh';
import { interestsSource } from './recall/interests';
import { similarSource } from './recall/similar';
import type { Candidate, CandidateSource, RecallRequest, RecallSource } from './recall/source';
import { towerSource } from './recall/tower';
import { trendingSource } from './recall/trending';
import { SharedRecall } from './serving/shared-recall';
import { ReadHistory } from './serving/read-history';
import { ViewerStateCache } from './serving/viewer-state-cache';

export type FeedKind = 'for_you' | 'following' | 'trending';

export interface FeedItem {
  note: NoteRow;
  cursor: string;
  /** Why the note is there (see explain()); null for pages replayed from a cursor. */
  reason: string | null;
  /** What the page already read of the card, so showing it costs no further query; absent when not read. */
  card?: {
    media: NoteMediaRow[];
    tags: NoteProductRow[];
    /** Whether the viewer liked or collected the note, where their cached context says. */
    viewerHasLiked: boolean | undefined;
    viewerHasCollected: boolean | undefined;
  };
}

export interface FeedPage {
  items: FeedItem[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface FeedServiceOptions {
  repos: { notes: NotesRepository; social: SocialRepository; recommender: Pick<RecommenderRepository, 'notesReadSince'> };
  sessions: FeedSessionStore;
  cards: ReadCache<NoteCard>;
  /** Notes proposed by id (embedding recall) as candidates; the page's final read of cards decides what is still published. */
  candidateRows: ReadCache<CandidateRow>;
  /** The interest model; without it every page keeps the heuristic order and the model's sources propose nothing. */
  model?: ModelServing | null;
  experiment?: Experiment | null;
  /** Leave out notes whose tagged products are all sold out (FEED_HIDE_SOLD_OUT). */
  hideSoldOut?: boolean;
  /** Candidates per recall source and page (FEED_RECALL_QUOTAS). */
  quotas?: RecallQuotas;
  /** Ranked lists shared with the other API processes (Redis); without it each process ranks on its own. */
  sharedRanked?: SharedRankedLists | null;
  /** Told when Redis fails and a page is served without its sessions. */
  logger?: Logger;
}

export class FeedService {
  private readonly sources: CandidateSource[];
  private readonly viewers = new ViewerStateCache<ViewerContext | undefined>(VIEWER_CONTEXT);
  private readonly rankedLists: RankedLists;
  private readonly readHistory: ReadHistory;
  private readonly repos: FeedServiceOptions['repos'];
  private readonly sessions: FeedSessionStore;
  private readonly cards: ReadCache<NoteCard>;
  private readonly candidateRows: ReadCache<CandidateRow>;
  private readonly model: ModelServing | null;
  private readonly experiment: Experiment | null;
  private readonly hideSoldOut: boolean;
  private readonly quotas: RecallQuotas;
  private readonly logger: Logger | null;

  constructor(options: FeedServiceOptions) {
    this.repos = options.repos;
    this.sessions = options.sessions;
    this.cards = options.cards;
    this.candidateRows = options.candidateRows;
    this.model = options.model ?? null;
    this.experiment = options.experiment ?? null;
    this.hideSoldOut = options.hideSoldOut ?? false;
    this.quotas = options.quotas ?? RECALL_QUOTAS;
    this.logger = options.logger ?? null;
    this.readHistory = new ReadHistory(this.repos.recommender, this.logger);
    this.rankedLists = new RankedLists(options.sharedRanked ?? null, (ids) => this.candidateRowsOf(ids), this.logger);
    const shared = new SharedRecall(this.repos.notes);
    this.sources = [new FollowingSource(this.repos.notes), trendingSource(shared), freshSource(shared), interestsSource(shared)];
    if (this.model) {
      const { embedding, coEngagement, tower } = this.model;
      this.sources.push(similarSource(embedding), alsoLikedSource(coEngagement), embeddingSource(embedding), towerSource(tower));
    }
  }

  async page(kind: FeedKind, viewerId: string | null, first: number, after: string | null): Promise<FeedPage> {
    if (kind === 'following') return this.following(viewerId, first, after);
    if (kind === 'trending') return this.trending(viewerId, first, after);
    return this.forYou(viewerId, first, after);
  }

  private async following(viewerId: string | null, first: number, after: string | null): Promise<FeedPage> {
    if (!viewerId) throw errors.unauthenticated('Sign in to see notes from the creators you follow');
    const position = after ? decodeCursor(after, ['number', 'string'] as const) : undefined;
    const rows = await this.repos.notes.listFollowing(viewerId, first + 1, position && { at: new Date(position[0]), id: position[1] });
    return keysetPage(rows, first, (n) => encodeCursor([(n.publishedAt ?? n.createdAt).getTime(), n.id]), 'following');
  }

  private async trending(viewerId: string | null, first: number, after: string | null): Promise<FeedPage> {
    const position = after ? decodeCursor(after, ['number', 'string'] as const) : undefined;
    const rows = await this.repos.notes.listTrending(viewerId, first + 1, position && { score: position[0], id: position[1] });
    return keysetPage(rows, first, (n) => encodeCursor([n.trendingScore, n.id]), 'trending');
  }

  /**
   * recall → filter → rank → diversify, within a scroll session that never serves a note twice.
   * The cursor names the session and the page; asking for the same page again returns it as served.
   */
  private async forYou(viewerId: string | null, first: number, after: string | null): Promise<FeedPage> {
    let sessionId: string;
    let pageNumber: number;
    let served: string[] = [];
    let state: ViewerFeedState | null = null;
    // Redis holds the sessions: without it a page is still served, ranked afresh, only without the
    // no-repeat rule (nothing says what the session served) or a replay of a page asked for again.
    let sessionsDown = false;
    // An anonymous first page Redis never saw: its notes come back in the cursor.
    let carried: string[] = [];
    if (after) {
      const position = decodeSessionCursor(after);
      if (position.firstPage && viewerId) throw errors.badCursor();
      pageNumber = position.page + 1;
      sessionId = position.sessionId;
      carried = position.firstPage ?? [];
      const session = await this.sessions
        .load(sessionId, pageNumber, viewerId)
        .catch((error: unknown) => this.sessionsFailed(error, 'load'));
      if (session?.owner != null) {
        if (session.owner !== (viewerId ?? '')) throw errors.badCursor();
        if (session.page) return this.replay(session.page, encodeSessionCursor(sessionId, pageNumber));
        served = session.served;
        state = session.viewer;
      } else if (session) {
        // No such session in Redis: an anonymous first page, or a session that expired or that Redis lost. The scroll
        // goes on as a new session under the same id; a signed-in viewer's latest served notes still keep it fresh.
        served = carried;
        state = session.viewer;
      } else {
        sessionsDown = true;
        served = carried;
      }
    } else {
      sessionId = randomUUID();
      pageNumber = 0;
      if (viewerId) {
        state = await this.sessions.viewerState(viewerId).catch((error: unknown) => this.sessionsFailed(error, 'viewerState'));
        sessionsDown = state === null;
      }
    }

    // The cached context holds only for the version Redis gives: without one it is read from the database.
    const [viewer, read] = viewerId
      ? await Promise.all([
          state
            ? this.viewers.get(viewerId, state.version, () => this.repos.social.viewerContext(viewerId))
            : this.repos.social.viewerContext(viewerId),
          this.readHistory.readBy(viewerId),
        ])
      : [undefined, NONE];
    const recent = state?.recent ?? [];
    const context = rankContext(viewerId, viewer, sessionId, this.hideSoldOut);
    const { candidates, scores } = await this.ranked({
      viewerId,
      viewer,
      version: state?.version ?? null,
      context,
      served,
      recent,
      read,
      first,
    });
    const picked = selectPage(candidates, context, first, scores);
    const ids = picked.map((c) => c.note.id);
    const anonymousFirstPage = viewerId === null && pageNumber === 0;
    const cursor = encodeSessionCursor(sessionId, pageNumber, anonymousFirstPage ? ids : undefined);
    const liked = likeToName(viewer, picked);
    const [notes] = await Promise.all([
      // The like the reasons name is read with the page's cards: one read, usually from the cache.
      this.notesByIds(liked && !ids.includes(liked) ? [...ids, liked] : ids),
      sessionsDown || anonymousFirstPage
        ? undefined
        : this.sessions
            .recordPage(sessionId, viewerId, pageNumber, ids, carried)
            .catch((error: unknown) => this.sessionsFailed(error, 'recordPage')),
    ]);
    // Shared candidate pools may be seconds old: the rows read now decide what is still published.
    const current = new Map(notes.filter((n) => n.status === 'published').map((n) => [n.id, n]));
    const likedTitle = (liked && current.get(liked)?.title.trim()) || null;
    return {
      items: picked.flatMap((c) => {
        const card = current.get(c.note.id);
        return card ? [{ ...cardItem(card, viewer), cursor, reason: explain(c, context, likedTitle) }] : [];
      }),
      hasNextPage: candidates.length > picked.length || picked.length === first,
      endCursor: cursor,
    };
  }

  /**
   * The page's candidates, recalled, filtered and scored, or for a signed-in viewer what is left of
   * those of their last page, ranked by this process or another (RankedLists).
   */
  private async ranked({
    viewerId,
    viewer,
    version,
    context,
    served,
    recent,
    read,
    first,
  }: {
    viewerId: string | null;
    viewer: ViewerContext | undefined;
    version: string | null;
    context: RankContext;
    served: readonly string[];
    recent: readonly string[];
    /** Notes the viewer read within READ_HISTORY.days: never served again, however short the page. */
    read: ReadonlySet<string>;
    first: number;
  }): Promise<RankedPage> {
    const exclude = new Set([...served, ...recent, ...read]);
    // Anonymous visitors keep the heuristic order: the model knows nothing personal about them.
    const armName = viewerId && this.experiment ? armOf(this.experiment, viewerId) : undefined;
    const arm = armName ? this.experiment?.arms[armName] : undefined;
    const key = version === null ? null : `${version}:${this.model?.store.versionId ?? ''}:${armName ?? ''}`;
    const rank = async (): Promise<Ranking> => {
      const request = (excluded: ReadonlySet<string>) => this.recallRequest(viewerId, viewer, version, excluded);
      // A new session avoids what the viewer was served lately, unless that leaves less than a page:
      // a viewer who was served everything still gets a feed, of what they were shown but did not read.
      let candidates = filterCandidates((await this.recall(request(exclude))).values(), context);
      if (candidates.length < first && recent.length > 0) {
        candidates = filterCandidates((await this.recall(request(new Set([...served, ...read])))).values(), context);
      }
      const scores = viewerId && this.model ? await this.scored(this.model, viewerId, context, candidates, { arm, version }) : null;
      // Unscored while a model serves means the viewer's profile could not be read: not worth keeping.
      return { candidates, scores, keep: scores !== null || !this.model?.store.versionId };
    };
    return viewerId && key !== null ? this.rankedLists.serve(viewerId, key, exclude, first, rank) : rank();
  }

  /** The interest model's scores, moved by how close each note is to the viewer's latest actions (withRetrieval). */
  private async scored(
    model: ModelServing,
    viewerId: string,
    context: RankContext,
    candidates: readonly Candidate[],
    options: { arm: ArmConfig | undefined; version: string | null },
  ): Promise<Float32Array | null> {
    const notes = candidates.map((c) => c.note);
    const [scores, retrieval] = await Promise.all([
      model.scorer.score(viewerId, context, notes, options),
      model.tower.scores(
        viewerId,
        options.version,
        notes.map((n) => n.id),
      ),
    ]);
    return scores && retrieval ? withRetrieval(scores, retrieval) : scores;
  }

  private sessionsFailed(error: unknown, step: string): null {
    this.logger?.warn({ err: error, step }, 'feed sessions unavailable (Redis): serving the page without them');
    return null;
  }

  private async replay(ids: readonly string[], cursor: string): Promise<FeedPage> {
    const byId = new Map((await this.notesByIds(ids)).map((n) => [n.id, n]));
    const items = ids.flatMap((id) => {
      const card = byId.get(id);
      return card?.status === 'published' ? [{ ...cardItem(card, undefined), cursor, reason: null }] : [];
    });
    return { items, hasNextPage: items.length > 0, endCursor: cursor };
  }

  /** What the sources know of this page; the rows they propose by id are read once for all of them. */
  private recallRequest(
    viewerId: string | null,
    viewer: ViewerContext | undefined,
    version: string | null,
    exclude: ReadonlySet<string>,
  ): RecallRequest {
    const rows = new DataLoader<string, CandidateRow | undefined>((ids) => this.candidateRowsOf(ids), { cache: false });
    return {
      viewerId,
      viewer,
      version,
      exclude,
      rowsByIds: async (ids) => {
        const found = await rows.loadMany(ids.filter((id) => !exclude.has(id)));
        return found.filter((row): row is CandidateRow => row !== undefined && !(row instanceof Error));
      },
    };
  }

  /** Candidate rows by id, in order, from this process's cache where it has them; undefined for a note no longer a candidate. */
  private candidateRowsOf(ids: readonly string[]): Promise<(CandidateRow | undefined)[]> {
    return this.candidateRows.getMany(ids, async (missing) => rowsById(await this.repos.notes.candidatesByIds(missing)));
  }

  /**
   * Cards (each note with its media and product tags, cached as one entry so they age together): counters
   * may lag by the cache TTL, status changes made here show at once.
   */
  private async notesByIds(ids: readonly string[]): Promise<NoteCard[]> {
    const rows = await this.cards.getMany(ids, async (missing) => rowsById(await this.repos.notes.cardsByIds(missing)));
    return rows.filter((row) => row !== undefined);
  }

  /** Every source with a quota, at once; a note proposed by several keeps them all. */
  private async recall(request: RecallRequest): Promise<Map<string, Candidate>> {
    const quotas = this.quotas;
    const active = this.sources.filter((source) => quotas[source.name] > 0);
    const results = await Promise.all(active.map((source) => source.recall(request, quotas[source.name])));
    const candidates = new Map<string, Candidate & { sources: Set<RecallSource> }>();
    results.forEach((rows, i) => {
      const source = (active[i] as CandidateSource).name;
      for (const note of rows) {
        const existing = candidates.get(note.id);
        if (existing) existing.sources.add(source);
        else candidates.set(note.id, { note, sources: new Set([source]) });
      }
    });
    return candidates;
  }
}

/** The sources that start from what the viewer liked or collected lately, whose reasons name the latest like. */
const LIKE_SOURCES: readonly RecallSource[] = ['similar', 'alsoLiked', 'tower'];

/**
 * The viewer's latest like or collect, which the page's reasons name, when a note on the page was
 * recalled from their likes; otherwise nothing to read.
 */
function likeToName(viewer: ViewerContext | undefined, picked: readonly Candidate[]): string | null {
  const latest = viewer?.recentlyEngaged[0];
  return latest && picked.some((c) => LIKE_SOURCES.some((source) => c.sources.has(source))) ? latest : null;
}

function cardItem({ media, tags, ...note }: NoteCard, viewer: ViewerContext | undefined): Pick<FeedItem, 'note' | 'card'> {
  return {
    note,
    card: {
      media,
      tags,
      viewerHasLiked: viewer && hasMarked(viewer.liked, note.id),
      viewerHasCollected: viewer && hasMarked(viewer.collected, note.id),
    },
  };
}

const NONE: ReadonlySet<string> = new Set();

function rankContext(viewerId: string | null, viewer: ViewerContext | undefined, sessionId: string, hideSoldOut: boolean): RankContext {
  return {
    hideSoldOut,
    now: new Date(),
    sessionId,
    viewerId,
    followed: viewer?.followees ?? NONE,
    interests: new Set(viewer?.interests),
    hiddenNotes: viewer?.hiddenNotes ?? NONE,
    hiddenCreators: viewer?.hiddenCreators ?? NONE,
  };
}

function keysetPage(rows: NoteRow[], first: number, cursorOf: (n: NoteRow) => string, source: RecallSource): FeedPage {
  const page = rows.slice(0, first);
  const items = page.map((note) => ({ note, cursor: cursorOf(note), reason: source }));
  return { items, hasNextPage: rows.length > first, endCursor: items.at(-1)?.cursor ?? null };
}
