import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { errors } from '../core/errors';
import type { NoteRow, NotesRepository } from '../models/repositories/notes.repository';
import type { SocialRepository } from '../models/repositories/social.repository';
import type { UserRow, UsersRepository } from '../models/repositories/users.repository';
import { filterCandidates, selectPage, type Candidate, type RankContext, type RecallSource } from './rank';
import type { FeedSessionStore } from './session-store';

export type FeedKind = 'for_you' | 'following' | 'trending';

export interface FeedPage {
  items: { note: NoteRow; cursor: string; sources: RecallSource[] }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** How many candidates each recall source proposes per page. */
export const RECALL_QUOTAS: Record<RecallSource, number> = {
  trending: 150,
  interests: 100,
  following: 60,
  fresh: 40,
};
const FOLLOWING_FRESH_DAYS = 14;

export class FeedService {
  constructor(
    private readonly repos: { notes: NotesRepository; social: SocialRepository; users: UsersRepository },
    private readonly sessions: FeedSessionStore,
  ) {}

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
    if (after) {
      const [id, previous] = decodeCursor(after, ['string', 'number'] as const);
      const owner = await this.sessions.owner(id);
      if (owner === null || owner !== (viewerId ?? '')) throw errors.badCursor();
      sessionId = id;
      pageNumber = previous + 1;
    } else {
      sessionId = randomUUID();
      pageNumber = 0;
      await this.sessions.create(sessionId, viewerId);
    }
    const cursor = encodeCursor([sessionId, pageNumber]);

    const replay = await this.sessions.page(sessionId, pageNumber);
    if (replay) {
      const notes = await this.repos.notes.findByIds(replay);
      const byId = new Map(notes.map((n) => [n.id, n]));
      const items = replay.flatMap((id) => {
        const note = byId.get(id);
        return note ? [{ note, cursor, sources: [] as RecallSource[] }] : [];
      });
      return { items, hasNextPage: items.length > 0, endCursor: cursor };
    }

    const served = await this.sessions.served(sessionId);
    const [viewer] = viewerId ? await this.repos.users.findByIds([viewerId]) : [];
    const [context, candidates] = await Promise.all([this.rankContext(viewer, sessionId), this.recall(viewer, served)]);
    const eligible = filterCandidates(candidates.values(), context);
    const picked = selectPage(eligible, context, first);
    await this.sessions.recordPage(
      sessionId,
      pageNumber,
      picked.map((c) => c.note.id),
    );
    return {
      items: picked.map((c) => ({ note: c.note, cursor, sources: [...c.sources] })),
      hasNextPage: eligible.length > picked.length || picked.length === first,
      endCursor: cursor,
    };
  }

  private async rankContext(viewer: UserRow | undefined, sessionId: string): Promise<RankContext> {
    const base = { now: new Date(), sessionId, viewerId: viewer?.id ?? null };
    if (!viewer) {
      return { ...base, followed: new Set(), interests: new Set(), hiddenNotes: new Set(), hiddenCreators: new Set() };
    }
    const [followees, hidden] = await Promise.all([this.repos.social.recentFollowees(viewer.id), this.repos.social.hiddenBy(viewer.id)]);
    return {
      ...base,
      followed: new Set(followees),
      interests: new Set(viewer.interests),
      hiddenNotes: hidden.noteIds,
      hiddenCreators: hidden.creatorIds,
    };
  }

  private async recall(viewer: UserRow | undefined, served: readonly string[]): Promise<Map<string, Candidate>> {
    const since = new Date(Date.now() - FOLLOWING_FRESH_DAYS * 24 * 3600 * 1000);
    const viewerId = viewer?.id;
    const sources: [RecallSource, Promise<NoteRow[]>][] = [
      ['trending', this.repos.notes.recallTrending(RECALL_QUOTAS.trending, served)],
      ['fresh', this.repos.notes.recallFresh(RECALL_QUOTAS.fresh, served)],
    ];
    if (viewerId) sources.push(['following', this.repos.notes.recallFollowed(viewerId, since, RECALL_QUOTAS.following, served)]);
    if (viewer && viewer.interests.length > 0) {
      sources.push(['interests', this.repos.notes.recallByTopics(viewer.interests, RECALL_QUOTAS.interests, served)]);
    }
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

function keysetPage(rows: NoteRow[], first: number, cursorOf: (n: NoteRow) => string, source: RecallSource): FeedPage {
  const page = rows.slice(0, first);
  const items = page.map((note) => ({ note, cursor: cursorOf(note), sources: [source] }));
  return { items, hasNextPage: rows.length > first, endCursor: items.at(-1)?.cursor ?? null };
}
