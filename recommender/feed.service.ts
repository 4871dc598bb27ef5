import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { errors } from '../core/errors';
import { rowsById, type ReadCache } from '../core/read-cache';
import type { CandidateRow, NoteRow, NotesRepository } from '../models/repositories/notes.repository';
import type { SocialRepository, ViewerContext } from '../models/repositories/social.repository';
import { explain, filterCandidates, selectPage, type Candidate, type RankContext, type RecallSource } from './rank/page';
import { armOf, type Experiment } from './experiment';
import type { ModelRanker } from './rank/model-ranker';
import type { FeedSessionStore, ViewerFeedState } from './session-store';
import { RECALL_QUOTAS, type RecallQuotas } from './recall-quotas';
import { SHARED_RECALL_TTL_MS, SharedRecall } from './shared-recall';
import { ViewerStateCache } from './viewer-state-cache';

export type FeedKind = 'for_you' | 'following' | 'trending';

export interface FeedPage {
  /** `reason` says why the note is there (see explain()); null for pages replayed from a cursor. */
  items: { note: NoteRow; cursor: string; reason: string | null }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

const FOLLOWING_FRESH_DAYS = 14;

export interface FeedOptions {
  /** Leave out notes whose tagged products are all sold out (FEED_HIDE_SOLD_OUT). */
  hideSoldOut: boolean;
  /** Candidates per recall source and page (FEED_RECALL_QUOTAS). */
  quotas: RecallQuotas;
}

export class FeedService {
  private readonly shared: SharedRecall;
  private readonly viewers = new ViewerStateCache<ViewerContext | undefined>({ max: 50_000, ttlMs: 10 * 60_000 });
  /** New notes of followed creators show within this long: the same lag as the shared pools. */
  private readonly followed = new ViewerStateCache<CandidateRow[]>({ max: 50_000, ttlMs: SHARED_RECALL_TTL_MS });

  constructor(
    private readonly repos: { notes: NotesRepository; social: SocialRepository },
    private readonly sessions: FeedSessionStore,
    private readonly cards: ReadCache<NoteRow>,
    /** Notes proposed by id (embedding recall) as candidates; the page's final read of cards decides what is still published. */
    private readonly candidateRows: ReadCache<CandidateRow>,
    private readonly ranker: ModelRanker | null = null,
    private readonly experiment: Experiment | null = null,
    private readonly options: FeedOptions = { hideSoldOut: false, quotas: RECALL_QUOTAS },
  ) {
    this.shared = new SharedRecall(repos.notes);
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
    if (after) {
      const [id, previous] = decodeCursor(after, ['string', 'number'] as const);
      pageNumber = previous + 1;
      const session = await this.sessions.load(id, pageNumber, viewerId);
      if (session.owner === null || session.owner !== (viewerId ?? '')) throw errors.badCursor();
      sessionId = id;
      if (session.page) return this.replay(session.page, encodeCursor([sessionId, pageNumber]));
      served = session.served;
      state = session.viewer;
    } else {
      sessionId = randomUUID();
      pageNumber = 0;
      if (viewerId) state = await this.sessions.viewerState(viewerId);
    }
    const cursor = encodeCursor([sessionId, pageNumber]);

    const [viewer, followed] =
      viewerId && state
        ? await Promise.all([
            this.viewers.get(viewerId, state.version, () => this.repos.social.viewerContext(viewerId)),
            this.followedNotes(viewerId, state.version, served),
          ])
        : [undefined, []];
    const recent = state?.recent ?? [];
    const context = rankContext(viewerId, viewer, sessionId, this.options.hideSoldOut);
    // A new session avoids what the viewer was served lately, unless that leaves less than a page:
    // a viewer who has seen everything still gets a feed.
    let eligible = filterCandidates((await this.recall(viewerId, viewer, followed, new Set([...served, ...recent]))).values(), context);
    if (eligible.length < first && recent.length > 0) {
      eligible = filterCandidates((await this.recall(viewerId, viewer, followed, new Set(served))).values(), context);
    }
    // Anonymous visitors keep the heuristic order: the model knows nothing personal about them.
    const arm = viewerId && this.experiment ? this.experiment.arms[armOf(this.experiment, viewerId)] : undefined;
    const scores =
      viewerId && this.ranker
        ? await this.ranker.score(
            viewerId,
            context,
            eligible.map((c) => c.note),
            arm,
          )
        : null;
    const picked = selectPage(eligible, context, first, scores);
    const ids = picked.map((c) => c.note.id);
    const [notes] = await Promise.all([this.notesByIds(ids), this.sessions.recordPage(sessionId, viewerId, pageNumber, ids)]);
    // Shared candidate pools may be seconds old: the rows read now decide what is still published.
    const current = new Map(notes.filter((n) => n.status === 'published').map((n) => [n.id, n]));
    return {
      items: picked.flatMap((c) => {
        const note = current.get(c.note.id);
        return note ? [{ note, cursor, reason: explain(c, context) }] : [];
      }),
      hasNextPage: eligible.length > picked.length || picked.length === first,
      endCursor: cursor,
    };
  }

  private async replay(ids: readonly string[], cursor: string): Promise<FeedPage> {
    const byId = new Map((await this.notesByIds(ids)).map((n) => [n.id, n]));
    const items = ids.flatMap((id) => {
      const note = byId.get(id);
      return note?.status === 'published' ? [{ note, cursor, reason: null }] : [];
    });
    return { items, hasNextPage: items.length > 0, endCursor: cursor };
  }

  /**
   * The newest notes of the creators the viewer follows, from the cache while the viewer's version holds
   * and the cached list still covers what this session has not been served.
   */
  private async followedNotes(viewerId: string, version: string, served: readonly string[]): Promise<CandidateRow[]> {
    const since = new Date(Date.now() - FOLLOWING_FRESH_DAYS * 24 * 3600 * 1000);
    const quota = this.options.quotas.following;
    if (quota === 0) return [];
    const rows = await this.followed.get(viewerId, version, () => this.repos.notes.recallFollowed(viewerId, since, quota, []));
    const seen = new Set(served);
    const unseen = rows.filter((row) => !seen.has(row.id));
    if (unseen.length === rows.length || rows.length < quota) return unseen;
    return this.repos.notes.recallFollowed(viewerId, since, quota, served);
  }

  /**
   * Trending within each of the viewer's topics, the quota shared equally between them, so a busy
   * topic cannot crowd out a quiet one the viewer also chose. Each topic's pool is shared by every
   * viewer who has it.
   */
  private async trendingInTopics(topics: readonly string[], served: ReadonlySet<string>): Promise<CandidateRow[]> {
    const quota = Math.ceil(this.options.quotas.interests / topics.length);
    const perTopic = await Promise.all(topics.map((topic) => this.shared.candidates({ kind: 'topic', topic }, quota, served)));
    return perTopic.flat();
  }

  /** Notes proposed by id (embedding recall) as candidates; ones already served are left out. */
  private async candidatesByIds(ids: readonly string[], served: ReadonlySet<string>): Promise<CandidateRow[]> {
    const unseen = ids.filter((id) => !served.has(id));
    const rows = await this.candidateRows.getMany(unseen, async (missing) => rowsById(await this.repos.notes.candidatesByIds(missing)));
    return rows.filter((row) => row !== undefined);
  }

  /** Note rows as cards: counters may lag by the cache TTL, status changes made here show at once. */
  private async notesByIds(ids: readonly string[]): Promise<NoteRow[]> {
    const rows = await this.cards.getMany(ids, async (missing) => rowsById(await this.repos.notes.findByIds(missing)));
    return rows.filter((row) => row !== undefined);
  }

  private async recall(
    viewerId: string | null,
    viewer: ViewerContext | undefined,
    followed: CandidateRow[],
    served: ReadonlySet<string>,
  ): Promise<Map<string, Candidate>> {
    const quotas = this.options.quotas;
    const interests = quotas.interests > 0 ? (viewer?.interests ?? []) : [];
    const sources: [RecallSource, Promise<CandidateRow[]>][] = [['following', Promise.resolve(followed)]];
    if (quotas.trending > 0) sources.push(['trending', this.shared.candidates({ kind: 'trending' }, quotas.trending, served)]);
    if (quotas.fresh > 0) sources.push(['fresh', this.shared.candidates({ kind: 'fresh' }, quotas.fresh, served)]);
    if (viewerId && this.ranker) {
      const recent = viewer?.recentlyEngaged ?? [];
      const ranker = this.ranker;
      const byModel: [RecallSource, () => string[]][] = [
        ['similar', () => ranker.similarTo(recent, quotas.similar)],
        ['alsoLiked', () => ranker.alsoEngaged(recent, quotas.alsoLiked)],
        ['embedding', () => ranker.nearestTo(viewerId, quotas.embedding)],
      ];
      const proposed = byModel.flatMap(([source, ids]): [RecallSource, string[]][] => (quotas[source] > 0 ? [[source, ids()]] : []));
      // One read for the three: they propose notes by id, from the same cache and table.
      const rows = this.candidatesByIds([...new Set(proposed.flatMap(([, ids]) => ids))], served).then(rowsById);
      for (const [source, ids] of proposed) {
        if (ids.length > 0) sources.push([source, rows.then((byId) => ids.flatMap((id) => byId.get(id) ?? []))]);
      }
    }
    if (interests.length > 0) sources.push(['interests', this.trendingInTopics(interests, served)]);
    const results = await Promise.all(sources.map(([, rows]) => rows));
    const candidates = new Map<string, Candidate>();
    results.forEach((rows, i) => {
      const source = sources[i]?.[0];
      if (!source) return;
      for (const note of rows) {
        const existing = candidates.get(note.id);
        if (existing) existing.sources.add(source);
        else candidates.set(note.id, { note, sources: new Set([source]) });
      }
    });
    return candidates;
  }
}

function rankContext(viewerId: string | null, viewer: ViewerContext | undefined, sessionId: string, hideSoldOut: boolean): RankContext {
  return {
    hideSoldOut,
    now: new Date(),
    sessionId,
    viewerId,
    followed: new Set(viewer?.followees),
    interests: new Set(viewer?.interests),
    hiddenNotes: new Set(viewer?.hiddenNotes),
    hiddenCreators: new Set(viewer?.hiddenCreators),
  };
}

function keysetPage(rows: NoteRow[], first: number, cursorOf: (n: NoteRow) => string, source: RecallSource): FeedPage {
  const page = rows.slice(0, first);
  const items = page.map((note) => ({ note, cursor: cursorOf(note), reason: source }));
  return { items, hasNextPage: rows.length > first, endCursor: items.at(-1)?.cursor ?? null };
}
