import { index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { notes } from './notes';

export const follows = pgTable(
  'follows',
  {
    followerId: uuid('follower_id')
      .notNull()
      .references(() => users.id),
    followeeId: uuid('followee_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  // Profile lists page through a user's followers and followees newest first.
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    index('follows_followee_created_idx').on(t.followeeId, t.createdAt.desc(), t.followerId.desc()),
    index('follows_follower_created_idx').on(t.followerId, t.createdAt.desc(), t.followeeId.desc()),
  ],
);

export const likes = pgTable(
  'likes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  // A profile's liked notes page newest like first.
  (t) => [
    primaryKey({ columns: [t.userId, t.noteId] }),
    index('likes_note_idx').on(t.noteId),
    index('likes_user_created_idx').on(t.userId, t.createdAt.desc(), t.noteId.desc()),
  ],
);

// Who shared which note: a note's share count counts sharers, so sharing again (or a retried request) adds nothing.
export const shares = pgTable(
  'shares',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id),
    // Where it was first shared to (wechat, weibo, a copied link...), when the client says.
    channel: text('channel'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.noteId] }), index('shares_note_idx').on(t.noteId)],
);

export const boards = pgTable(
  'boards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [unique('boards_user_name_uq').on(t.userId, t.name)],
);

export const collects = pgTable(
  'collects',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id),
    boardId: uuid('board_id').references(() => boards.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  // A board's notes page newest collect first.
  (t) => [
    primaryKey({ columns: [t.userId, t.noteId] }),
    index('collects_board_created_idx').on(t.boardId, t.createdAt.desc(), t.noteId.desc()),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    // One level of threading: replies hang off a top-level comment and name whom they answer.
    parentId: uuid('parent_id'),
    replyToUserId: uuid('reply_to_user_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('comments_note_idx').on(t.noteId, t.createdAt, t.id), index('comments_parent_idx').on(t.parentId, t.createdAt, t.id)],
);

export const hiddenNotes = pgTable(
  'hidden_notes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.noteId] })],
);

export const hiddenCreators = pgTable(
  'hidden_creators',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.creatorId] })],
);
