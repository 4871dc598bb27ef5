import { sql } from 'drizzle-orm';
import { integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('account_role', ['viewer', 'creator', 'brand', 'admin']);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  handle: text('handle').notNull().unique(),
  email: text('email').unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  bio: text('bio').notNull().default(''),
  avatarUrl: text('avatar_url'),
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
});

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
