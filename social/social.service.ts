import { errors } from '../core/errors';
import type { Logger } from '../core/logger';
import type { ReadCache } from '../core/read-cache';
import type { NoteCard } from '../models/repositories/notes.repository';
import type { BoardRow, BoardWithCount, CommentRow, MarkedRow, Page } from '../models/repositories/social.repository';
import type { Repositories, Transact } from '../models/transaction';
import type { FeedSessionStore } from '../recommender/serving/session-store';
import type { AccountsService, Actor } from '../accounts/accounts.service';
import { requireId, validate } from '../core/validate';
import { logAction } from '../events/event-log';
import { boardName, commentInput, hideReason, shareChannel } from './social.inputs';

/**
 * Follows, likes, collects, comments, shares and hides. Each action and its log event are written
 * in one transaction, and repeating an action changes nothing: counters and the event log move once.
 */
export class SocialService {
  private readonly repos: Pick<Repositories, 'notes' | 'social' | 'users'>;
  private readonly transact: Transact;
  private readonly accounts: AccountsService;
  private readonly noteCards: ReadCache<NoteCard>;
  /** Told of every follow, like, collect and hide, which change what the feed knows of the viewer. */
  private readonly feedState: Pick<FeedSessionStore, 'viewerChanged'>;
  private readonly logger: Logger;

  constructor(deps: {
    repos: Pick<Repositories, 'notes' | 'social' | 'users'>;
    transact: Transact;
    accounts: AccountsService;
    noteCards: ReadCache<NoteCard>;
    feedState: Pick<FeedSessionStore, 'viewerChanged'>;
    logger: Logger;
  }) {
    this.repos = deps.repos;
    this.transact = deps.transact;
    this.accounts = deps.accounts;
    this.noteCards = deps.noteCards;
    this.feedState = deps.feedState;
    this.logger = deps.logger;
  }

  /**
   * After the action committed: telling the feed (in Redis) is best-effort, as failing the request
   * would report an action that was stored as not done. Until Redis is back, the feed may show the
   * viewer's state from before it for as long as its caches hold.
   */
  private async viewerChanged(viewerId: string): Promise<void> {
    await this.feedState
      .viewerChanged(viewerId)
      .catch((error: unknown) => this.logger.warn({ err: error, viewerId }, 'could not tell the feed of a viewer change (Redis)'));
  }

  /** Runs `work` in one transaction, then lets this process's feed cards show the note's new counts. */
  private async changeNote<T>(noteId: string, work: (tx: Repositories) => Promise<T>): Promise<T> {
    try {
      return await this.transact(work);
    } finally {
      this.noteCards.forget(noteId);
    }
  }

  async follow(viewer: Actor | null, userId: string): Promise<string> {
    const me = await this.accounts.requireUser(viewer);
    const target = await this.requireUser(userId);
    if (target === me.id) throw errors.badInput('You cannot follow yourself', 'userId');
    await this.transact(async (tx) => {
      if (!(await tx.social.follow(me.id, target))) return;
      await tx.users.adjustCounts(me.id, { following: 1 });
      await tx.users.adjustCounts(target, { followers: 1 });
      await logAction(tx.events, 'follow', me.id, { targetUserId: target });
    });
    this.accounts.forgetUsers(me.id, target);
    await this.viewerChanged(me.id);
    return target;
  }

  async unfollow(viewer: Actor | null, userId: string): Promise<string> {
    const me = await this.accounts.requireUser(viewer);
    const target = await this.requireUser(userId);
    await this.transact(async (tx) => {
      if (!(await tx.social.unfollow(me.id, target))) return;
      await tx.users.adjustCounts(me.id, { following: -1 });
      await tx.users.adjustCounts(target, { followers: -1 });
    });
    this.accounts.forgetUsers(me.id, target);
    await this.viewerChanged(me.id);
    return target;
  }

  async like(viewer: Actor | null, noteId: string): Promise<string> {
    const me = await this.accounts.requireUser(viewer);
    const note = await this.requirePublishedNote(noteId);
    await this.changeNote(note, async (tx) => {
      if (!(await tx.social.like(me.id, note))) return;
      await tx.notes.adjustCounters(note, { likes: 1 });
      await logAction(tx.events, 'like', me.id, { noteId: note });
    });
    await this.viewerChanged(me.id);
    return note;
  }

  async unlike(viewer: Actor | null, noteId: string): Promise<string> {
    const me = await this.accounts.requireUser(viewer);
    const note = requireId(noteId, 'noteId');
    await this.changeNote(note, async (tx) => {
      if (await tx.social.unlike(me.id, note)) await tx.notes.adjustCounters(note, { likes: -1 });
    });
    await this.viewerChanged(me.id);
    return note;
  }

  async collect(viewer: Actor | null, noteId: string, boardId: string | null | undefined): Promise<string> {
    const me = await this.accounts.requireUser(viewer);
    const note = await this.requirePublishedNote(noteId);
    if (boardId) {
      const board = await this.repos.social.findBoard(requireId(boardId, 'boardId'));
      if (!board || board.userId !== me.id) throw errors.notFound('Board', boardId);
    }
    await this.changeNote(note, async (tx) => {
      if (!(await tx.social.collect(me.id, note, boardId ?? null))) return;
      await tx.notes.adjustCounters(note, { collects: 1 });
      await logAction(tx.events, 'collect', me.id, { noteId: note });
    });
    await this.viewerChanged(me.id);
    return note;
  }

  async uncollect(viewer: Actor | null, noteId: string): Promise<string> {
    const me = await this.accounts.requireUser(viewer);
    const note = requireId(noteId, 'noteId');
    await this.changeNote(note, async (tx) => {
      if (await tx.social.uncollect(me.id, note)) await tx.notes.adjustCounters(note, { collects: -1 });
    });
    await this.viewerChanged(me.id);
    return note;
  }

  async createBoard(viewer: Actor | null, rawName: unknown): Promise<BoardRow> {
    const me = await this.accounts.requireUser(viewer);
    const name = validate(boardName, rawName);
    const board = await this.repos.social.createBoard(me.id, name);
    if (!board) throw errors.conflict('You already have a board with that name', 'name');
    return board;
  }

  // Boards and their notes are public, like the likes and follows below: a profile shows them to everyone.
  boardsOf(userId: string) {
    return this.repos.social.boardsOf(requireId(userId, 'userId'));
  }

  async board(id: string): Promise<BoardWithCount> {
    const board = await this.repos.social.findBoardWithCount(requireId(id));
    if (!board) throw errors.notFound('Board', id);
    return board;
  }

  boardNotes(boardId: string, limit: number, after: Page): Promise<MarkedRow[]> {
    return this.repos.social.boardNotes(boardId, limit, after);
  }

  likedNotes(userId: string, limit: number, after: Page): Promise<MarkedRow[]> {
    return this.repos.social.likedNotes(userId, limit, after);
  }

  followers(userId: string, limit: number, after: Page): Promise<MarkedRow[]> {
    return this.repos.social.followers(userId, limit, after);
  }

  following(userId: string, limit: number, after: Page): Promise<MarkedRow[]> {
    return this.repos.social.following(userId, limit, after);
  }

  async comment(viewer: Actor | null, raw: unknown): Promise<CommentRow> {
    const me = await this.accounts.requireUser(viewer);
    const input = validate(commentInput, raw);
    const note = await this.requirePublishedNote(input.noteId);
    let parentId: string | null = null;
    let replyToUserId: string | null = null;
    if (input.parentId) {
      const parent = await this.repos.social.findComment(input.parentId);
      if (!parent || parent.noteId !== note) throw errors.notFound('Comment', input.parentId);
      // Threads are one level deep: a reply to a reply joins its root and names whom it answers.
      parentId = parent.parentId ?? parent.id;
      replyToUserId = parent.authorId;
    }
    return this.changeNote(note, async (tx) => {
      const comment = await tx.social.insertComment({ noteId: note, authorId: me.id, parentId, replyToUserId, body: input.body });
      await tx.notes.adjustCounters(note, { comments: 1 });
      await logAction(tx.events, 'comment', me.id, { noteId: note });
      return comment;
    });
  }

  listComments(scope: { noteId: string } | { parentId: string }, limit: number, after?: { at: Date; id: string }) {
    return this.repos.social.listComments(scope, limit, after);
  }

  /** A viewer's share of a note counts once, however often they share it (or retry the request). */
  async share(viewer: Actor | null, noteId: string, rawChannel: unknown): Promise<string> {
    const me = await this.accounts.requireUser(viewer);
    const channel = validate(shareChannel, rawChannel) ?? null;
    const note = await this.requirePublishedNote(noteId);
    await this.changeNote(note, async (tx) => {
      if (!(await tx.social.share(me.id, note, channel))) return;
      await tx.notes.adjustCounters(note, { shares: 1 });
      await logAction(tx.events, 'share', me.id, { noteId: note });
    });
    return note;
  }

  async hideNote(viewer: Actor | null, noteId: string, rawReason: unknown): Promise<boolean> {
    const me = await this.accounts.requireUser(viewer);
    const reason = validate(hideReason, rawReason) ?? null;
    const note = await this.requirePublishedNote(noteId);
    await this.transact(async (tx) => {
      if (await tx.social.hideNote(me.id, note, reason)) await logAction(tx.events, 'hide', me.id, { noteId: note });
    });
    await this.viewerChanged(me.id);
    return true;
  }

  async hideCreator(viewer: Actor | null, userId: string): Promise<boolean> {
    const me = await this.accounts.requireUser(viewer);
    const creator = await this.requireUser(userId);
    if (creator === me.id) throw errors.badInput('You cannot hide yourself', 'userId');
    await this.transact(async (tx) => {
      if (await tx.social.hideCreator(me.id, creator)) await logAction(tx.events, 'hide', me.id, { targetUserId: creator });
    });
    await this.viewerChanged(me.id);
    return true;
  }

  followedAmong(viewerId: string, userIds: readonly string[]) {
    return this.repos.social.followedAmong(viewerId, userIds);
  }

  likedAmong(viewerId: string, noteIds: readonly string[]) {
    return this.repos.social.likedAmong(viewerId, noteIds);
  }

  collectedAmong(viewerId: string, noteIds: readonly string[]) {
    return this.repos.social.collectedAmong(viewerId, noteIds);
  }

  private async requireUser(userId: string): Promise<string> {
    const [user] = await this.repos.users.findByIds([requireId(userId, 'userId')]);
    if (!user) throw errors.notFound('User', userId);
    return user.id;
  }

  private async requirePublishedNote(noteId: string): Promise<string> {
    const [note] = await this.repos.notes.findByIds([requireId(noteId, 'noteId')]);
    if (!note || note.status !== 'published') throw errors.notFound('Note', noteId);
    return note.id;
  }
}
