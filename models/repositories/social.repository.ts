import { and, asc, count, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { anyUuid, keysetBefore } from '../sql';
import { boards, collects, comments, follows, hiddenCreators, hiddenNotes, likes, notes, shares, users } from '../schema';

export type BoardRow = typeof boards.$inferSelect;
export type BoardWithCount = BoardRow & { noteCount: number };
/** One entry of a profile list: whom or what (`id`), and when it was marked (`at`), the list's order and cursor. */
export interface MarkedRow {
  id: string;
  at: Date;
}
export type Page = { at: Date; id: string } | undefined;
export type CommentRow = typeof comments.$inferSelect;

/** Sets where a feed page asks membership: an API process builds them once per cached context, not per page. */
export interface ViewerContext {
  interests: string[];
  followees: ReadonlySet<string>;
  hiddenNotes: ReadonlySet<string>;
  hiddenCreators: ReadonlySet<string>;
  /** The notes the viewer liked or collected last, newest first: what they are into right now. */
  recentlyEngaged: string[];
  /** The viewer's latest likes and collects, so a feed page can say which of its notes they marked without a query. */
  liked: Marks;
  collected: Marks;
}

/** Some of a viewer's marks (likes or collects): the latest MARKS_IN_CONTEXT, and whether that is all of them. */
export interface Marks {
  ids: ReadonlySet<string>;
  complete: boolean;
}

/** Whether the viewer marked the note, or undefined when the marks held do not say. */
export function hasMarked(marks: Marks, noteId: string): boolean | undefined {
  return marks.ids.has(noteId) ? true : marks.complete ? false : undefined;
}

const FOLLOWEES_IN_CONTEXT = 500;
const RECENTLY_ENGAGED = 20;
// Bounds what a cached viewer context holds; the rare viewer with more marks has the rest read per page.
const MARKS_IN_CONTEXT = 500;

// Each toggle reports whether it changed anything, so counters move exactly once however often
// a client repeats the call.
export class SocialRepository {
  constructor(private readonly db: Db) {}

  async follow(followerId: string, followeeId: string): Promise<boolean> {
    const rows = await this.db.insert(follows).values({ followerId, followeeId }).onConflictDoNothing().returning();
    return rows.length > 0;
  }

  async unfollow(followerId: string, followeeId: string): Promise<boolean> {
    const rows = await this.db
      .delete(follows)
      .where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)))
      .returning();
    return rows.length > 0;
  }

  async followedAmong(followerId: string, followeeIds: readonly string[]): Promise<Set<string>> {
    if (followeeIds.length === 0) return new Set();
    const rows = await this.db
      .select({ id: follows.followeeId })
      .from(follows)
      .where(and(eq(follows.followerId, followerId), anyUuid(follows.followeeId, followeeIds)));
    return new Set(rows.map((r) => r.id));
  }

  async like(userId: string, noteId: string): Promise<boolean> {
    const rows = await this.db.insert(likes).values({ userId, noteId }).onConflictDoNothing().returning();
    return rows.length > 0;
  }

  /** Records the viewer's share of a note; false when they had shared it before. */
  async share(userId: string, noteId: string, channel: string | null): Promise<boolean> {
    const rows = await this.db.insert(shares).values({ userId, noteId, channel }).onConflictDoNothing().returning();
    return rows.length > 0;
  }

  async unlike(userId: string, noteId: string): Promise<boolean> {
    const rows = await this.db
      .delete(likes)
      .where(and(eq(likes.userId, userId), eq(likes.noteId, noteId)))
      .returning();
    return rows.length > 0;
  }

  async likedAmong(userId: string, noteIds: readonly string[]): Promise<Set<string>> {
    if (noteIds.length === 0) return new Set();
    const rows = await this.db
      .select({ id: likes.noteId })
      .from(likes)
      .where(and(eq(likes.userId, userId), anyUuid(likes.noteId, noteIds)));
    return new Set(rows.map((r) => r.id));
  }

  async collect(userId: string, noteId: string, boardId: string | null): Promise<boolean> {
    const rows = await this.db.insert(collects).values({ userId, noteId, boardId }).onConflictDoNothing().returning();
    if (rows.length > 0) return true;
    // Collecting again into another board moves the note; it is still one collect.
    await this.db
      .update(collects)
      .set({ boardId })
      .where(and(eq(collects.userId, userId), eq(collects.noteId, noteId)));
    return false;
  }

  async uncollect(userId: string, noteId: string): Promise<boolean> {
    const rows = await this.db
      .delete(collects)
      .where(and(eq(collects.userId, userId), eq(collects.noteId, noteId)))
      .returning();
    return rows.length > 0;
  }

  async collectedAmong(userId: string, noteIds: readonly string[]): Promise<Set<string>> {
    if (noteIds.length === 0) return new Set();
    const rows = await this.db
      .select({ id: collects.noteId })
      .from(collects)
      .where(and(eq(collects.userId, userId), anyUuid(collects.noteId, noteIds)));
    return new Set(rows.map((r) => r.id));
  }

  async createBoard(userId: string, name: string): Promise<BoardRow | undefined> {
    const [row] = await this.db.insert(boards).values({ userId, name }).onConflictDoNothing().returning();
    return row;
  }

  async findBoard(id: string): Promise<BoardRow | undefined> {
    const [row] = await this.db.select().from(boards).where(eq(boards.id, id)).limit(1);
    return row;
  }

  async boardsOf(userId: string): Promise<BoardWithCount[]> {
    return this.boardsWithCount(eq(boards.userId, userId)).orderBy(asc(boards.createdAt));
  }

  async findBoardWithCount(id: string): Promise<BoardWithCount | undefined> {
    const [row] = await this.boardsWithCount(eq(boards.id, id));
    return row;
  }

  /** Boards with how many published notes they hold, the count Board.notes pages through. */
  private boardsWithCount(where: SQL) {
    return this.db
      .select({ id: boards.id, userId: boards.userId, name: boards.name, createdAt: boards.createdAt, noteCount: count(notes.id) })
      .from(boards)
      .leftJoin(collects, eq(collects.boardId, boards.id))
      .leftJoin(notes, and(eq(notes.id, collects.noteId), eq(notes.status, 'published')))
      .where(where)
      .groupBy(boards.id);
  }

  /** The published notes a user liked, newest like first. */
  async likedNotes(userId: string, limit: number, after: Page): Promise<MarkedRow[]> {
    return this.db
      .select({ id: likes.noteId, at: likes.createdAt })
      .from(likes)
      .innerJoin(notes, eq(notes.id, likes.noteId))
      .where(
        and(
          eq(likes.userId, userId),
          eq(notes.status, 'published'),
          keysetBefore(likes.createdAt, likes.noteId, after && { key: after.at, id: after.id }),
        ),
      )
      .orderBy(desc(likes.createdAt), desc(likes.noteId))
      .limit(limit);
  }

  /** The published notes collected into a board, newest collect first. */
  async boardNotes(boardId: string, limit: number, after: Page): Promise<MarkedRow[]> {
    return this.db
      .select({ id: collects.noteId, at: collects.createdAt })
      .from(collects)
      .innerJoin(notes, eq(notes.id, collects.noteId))
      .where(
        and(
          eq(collects.boardId, boardId),
          eq(notes.status, 'published'),
          keysetBefore(collects.createdAt, collects.noteId, after && { key: after.at, id: after.id }),
        ),
      )
      .orderBy(desc(collects.createdAt), desc(collects.noteId))
      .limit(limit);
  }

  /** Who follows a user, newest follow first. */
  async followers(userId: string, limit: number, after: Page): Promise<MarkedRow[]> {
    return this.db
      .select({ id: follows.followerId, at: follows.createdAt })
      .from(follows)
      .where(
        and(eq(follows.followeeId, userId), keysetBefore(follows.createdAt, follows.followerId, after && { key: after.at, id: after.id })),
      )
      .orderBy(desc(follows.createdAt), desc(follows.followerId))
      .limit(limit);
  }

  /** Whom a user follows, newest follow first. */
  async following(userId: string, limit: number, after: Page): Promise<MarkedRow[]> {
    return this.db
      .select({ id: follows.followeeId, at: follows.createdAt })
      .from(follows)
      .where(
        and(eq(follows.followerId, userId), keysetBefore(follows.createdAt, follows.followeeId, after && { key: after.at, id: after.id })),
      )
      .orderBy(desc(follows.createdAt), desc(follows.followeeId))
      .limit(limit);
  }

  async insertComment(comment: typeof comments.$inferInsert): Promise<CommentRow> {
    const [row] = await this.db.insert(comments).values(comment).returning();
    if (!row) throw new Error('insert into comments returned nothing');
    return row;
  }

  async findComment(id: string): Promise<CommentRow | undefined> {
    const [row] = await this.db.select().from(comments).where(eq(comments.id, id)).limit(1);
    return row;
  }

  /** Top-level comments of a note (or replies of one comment), oldest first. */
  async listComments(
    scope: { noteId: string } | { parentId: string },
    limit: number,
    after?: { at: Date; id: string },
  ): Promise<CommentRow[]> {
    const where =
      'noteId' in scope ? and(eq(comments.noteId, scope.noteId), isNull(comments.parentId)) : eq(comments.parentId, scope.parentId);
    const page = after ? or(gt(comments.createdAt, after.at), and(eq(comments.createdAt, after.at), gt(comments.id, after.id))) : undefined;
    return this.db.select().from(comments).where(and(where, page)).orderBy(asc(comments.createdAt), asc(comments.id)).limit(limit);
  }

  async hideNote(userId: string, noteId: string, reason: string | null): Promise<boolean> {
    const rows = await this.db.insert(hiddenNotes).values({ userId, noteId, reason }).onConflictDoNothing().returning();
    return rows.length > 0;
  }

  async hideCreator(userId: string, creatorId: string): Promise<boolean> {
    const rows = await this.db.insert(hiddenCreators).values({ userId, creatorId }).onConflictDoNothing().returning();
    return rows.length > 0;
  }

  /**
   * What ranking needs to know of a viewer, in one round trip: topic interests, the 500 most
   * recently followed creators, the notes and creators they hid, and their latest likes and collects.
   * Undefined for an unknown id.
   */
  async viewerContext(userId: string): Promise<ViewerContext | undefined> {
    const latest = (table: typeof likes | typeof collects) =>
      sql<
        string[]
      >`ARRAY(SELECT ${table.noteId} FROM ${table} WHERE ${table.userId} = ${users.id} ORDER BY ${table.createdAt} DESC LIMIT ${MARKS_IN_CONTEXT})`;
    const [row] = await this.db
      .select({
        interests: users.interests,
        followees: sql<
          string[]
        >`ARRAY(SELECT ${follows.followeeId} FROM ${follows} WHERE ${follows.followerId} = ${users.id} ORDER BY ${follows.createdAt} DESC LIMIT ${FOLLOWEES_IN_CONTEXT})`,
        hiddenNotes: sql<string[]>`ARRAY(SELECT ${hiddenNotes.noteId} FROM ${hiddenNotes} WHERE ${hiddenNotes.userId} = ${users.id})`,
        hiddenCreators: sql<
          string[]
        >`ARRAY(SELECT ${hiddenCreators.creatorId} FROM ${hiddenCreators} WHERE ${hiddenCreators.userId} = ${users.id})`,
        recentlyEngaged: sql<string[]>`ARRAY(SELECT e.note_id FROM (
          SELECT ${likes.noteId} AS note_id, ${likes.createdAt} AS at FROM ${likes} WHERE ${likes.userId} = ${users.id}
          UNION ALL
          SELECT ${collects.noteId}, ${collects.createdAt} FROM ${collects} WHERE ${collects.userId} = ${users.id}
        ) e ORDER BY e.at DESC LIMIT ${RECENTLY_ENGAGED})`,
        liked: latest(likes),
        collected: latest(collects),
      })
      .from(users)
      .where(eq(users.id, userId));
    if (!row) return undefined;
    const marks = (ids: string[]): Marks => ({ ids: new Set(ids), complete: ids.length < MARKS_IN_CONTEXT });
    return {
      ...row,
      followees: new Set(row.followees),
      hiddenNotes: new Set(row.hiddenNotes),
      hiddenCreators: new Set(row.hiddenCreators),
      liked: marks(row.liked),
      collected: marks(row.collected),
    };
  }
}
