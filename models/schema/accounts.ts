import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('account_role', ['viewer', 'creator', 'brand', 'admin']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    handle: text('handle').notNull().unique(),
    email: text('email').unique(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    bio: text('bio').notNull().default(''),
    avatarUrl: text('avatar_url'),
    // The upload the avatar was made from: the collector of unused uploads (media.collect) spares it.
    // No foreign key in this file, as media's schema already imports this one; nothing deletes media
    // but the collector, which checks this column.
    avatarMediaId: uuid('avatar_media_id'),
    role: roleEnum('role').notNull().default('viewer'),
    // Topics chosen at sign-up: the cold-start signal of the feed.
    interests: text('interests')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    followerCount: integer('follower_count').notNull().default(0),
    followingCount: integer('following_count').notNull().default(0),
    noteCount: integer('note_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    // Every token carries the generation it was issued in; logOut moves to the next, and the older tokens stop working.
    tokenGeneration: integer('token_generation').notNull().default(0),
  },
  (t) => [
    index('users_avatar_media_idx')
      .on(t.avatarMediaId)
      .where(sql`avatar_media_id is not null`),
  ],
);

export const brands = pgTable('brands', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id')
    .notNull()
    .unique()
    .references(() => users.id),
  name: text('name').notNull().unique(),
  logoUrl: text('logo_url'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
