import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
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
import { alsoLikedSource } from './recall/also-liked';
import { embeddingSource } from './recall/embedding';
import { FollowingSource } from './recall/following';
import { freshSource } from './recall/fresh';
import { interestsSource } from './recall/interests';
import { similarSource } from './recall/similar';
import type { CandidateSource, RecallRequest } from './recall/source';
import { trendingSource } from './recall/trending';
import { SharedRecall } from './shared-recall';
import { ViewerStateCache } from './viewer-state-cache';

export type FeedKind = 'for_you' | 'following' | 'trending';

export interface FeedPage {
  /** `reason` says why the note is there (see explain()); null for pages replayed from a cursor. */
  items: { note: NoteRow; cursor: string; reason: string | null }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface FeedOptions {
  /** Leave out notes whose tagged products are all sold out (FEED_HIDE_SOLD_OUT). */
  hideSoldOut: boolean;
  /** Candidates per recall source and page (FEED_RECALL_QUOTAS). */
  quotas: RecallQuotas;
}

export class FeedService {
  private readonly sources: CandidateSource[];
  private readonly viewers = new ViewerStateCache<ViewerContext | undefined>({ max: 50_000, ttlMs: 10 * 60_000 });

  constructor(
    private readonly repos: { notes: NotesRepository; social: SocialRepository },
    private readonly sessions: FeedSessionStore,
    private readonly cards: ReadCache<NoteRow>,
    /** Reads the notes the card cache misses (services.ts's reader brings their media and product tags along). */
    private readonly loadCards: (ids: readonly string[]) => Promise<NoteRow[]>,
    /** Notes proposed by id (embedding recall) as candidates; the page's final read of cards decides what is still published. */
    private readonly candidateRows: ReadCache<CandidateRow>,
    private readonly ranker: ModelRanker | null = null,
    private readonly experiment: Experiment | null = null,
    private readonly options: FeedOptions = { hideSoldOut: false, quotas: RECALL_QUOTAS },
  ) {
    const shared = new SharedRecall(repos.notes);
    this.sources = [new FollowingSource(repos.notes), trendingSource(shared), freshSource(shared), interestsSource(shared)];
    if (ranker) this.sources.push(similarSource(ranker), alsoLikedSource(ranker), embeddingSource(ranker));
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

    const viewer =
      viewerId && state ? await this.viewers.get(viewerId, state.version, () => this.repos.social.viewerContext(viewerId)) : undefined;
    const recent = state?.recent ?? [];
    const context = rankContext(viewerId, viewer, sessionId, this.options.hideSoldOut);
    const request = (exclude: ReadonlySet<string>) => this.recallRequest(viewerId, viewer, state?.version ?? null, exclude);
    // A new session avoids what the viewer was served lately, unless that leaves less than a page:
    // a viewer who has seen everything still gets a feed.
    let eligible = filterCandidates((await this.recall(request(new Set([...served, ...recent])))).values(), context);
    if (eligible.length < first && recent.length > 0) {
      eligible = filterCandidates((await this.recall(request(new Set(served)))).values(), context);
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

  /** What the sources know of this page; the rows they propose by id are read once for all of them. */
  private recallRequest(
    viewerId: string | null,
    viewer: ViewerContext | undefined,
    version: string | null,
    exclude: ReadonlySet<string>,
  ): RecallRequest {
    const rows = new DataLoader<string, CandidateRow | undefined>(
      async (ids) => this.candidateRows.getMany(ids, async (missing) => rowsById(await this.repos.notes.candidatesByIds(missing))),
      { cache: false },
    );
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

  /** Note rows as cards: counters may lag by the cache TTL, status changes made here show at once. */
  private async notesByIds(ids: readonly string[]): Promise<NoteRow[]> {
    const rows = await this.cards.getMany(ids, async (missing) => rowsById(await this.loadCards(missing)));
    return rows.filter((row) => row !== undefined);
  }

  /** Every source with a quota, at once; a note proposed by several keeps them all. */
  private async recall(request: RecallRequest): Promise<Map<string, Candidate>> {
    const quotas = this.options.quotas;
    const active = this.sources.filter((source) => quotas[source.name] > 0);
    const results = await Promise.all(active.map((source) => source.recall(request, quotas[source.name])));
    const candidates = new Map<string, Candidate>();
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
