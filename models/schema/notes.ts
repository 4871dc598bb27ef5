import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, primaryKey, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { brands, users } from './accounts';
import { products } from './products';
import { tsvector } from './tsvector';

export const noteKindEnum = pgEnum('note_kind', ['image', 'video']);
export const noteStatusEnum = pgEnum('note_status', ['draft', 'processing', 'published', 'failed', 'removed']);

/** Whether the brand a creator named as a note's sponsor has confirmed it. */
export const sponsorStatusEnum = pgEnum('sponsor_status', ['pending', 'accepted', 'declined']);

export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    kind: noteKindEnum('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    topics: text('topics')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: noteStatusEnum('status').notNull().default('draft'),
    sponsored: boolean('sponsored').notNull().default(false),
    sponsorBrandId: uuid('sponsor_brand_id').references(() => brands.id),
    // A creator names the sponsor; the brand confirms it. Until then no brand is shown, only the disclosure.
    sponsorStatus: sponsorStatusEnum('sponsor_status'),
    likeCount: integer('like_count').notNull().default(0),
    collectCount: integer('collect_count').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
    shareCount: integer('share_count').notNull().default(0),
    viewCount: integer('view_count').notNull().default(0),
    // Time-decayed engagement, recomputed by the trending.refresh job; the heuristic For-You order weighs it.
    trendingScore: real('trending_score').notNull().default(0),
    // Written by catalog/search-index.ts from segmented words; NULL until then.
    search: tsvector('search'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }),
    // Why a note is 'failed': the rejection of one of its files, worded for the creator.
    failureReason: text('failure_reason'),
  },
  (t) => [
    index('notes_author_created_idx').on(t.authorId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('notes_published_idx')
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status = 'published'`),
    index('notes_trending_idx')
      .on(t.trendingScore.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status = 'published'`),
    index('notes_topics_idx').using('gin', t.topics),
    index('notes_search_idx').using('gin', t.search),
  ],
);

/**
 * Views that event batches counted and notes.view_count does not hold yet. A batch appends its counts here
 * in its own transaction, which so takes no lock on the notes it names (concurrent batches naming the same
 * notes queued behind each other's locks until commit); the views.apply job adds them to the notes every
 * few seconds and deletes them in one statement (NotesRepository.applyQueuedViews).
 */
export const noteViewDeltas = pgTable('note_view_deltas', {
  noteId: uuid('note_id').notNull(),
  views: integer('views').notNull(),
});

export const noteMedia = pgTable(
  'note_media',
  {
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    kind: noteKindEnum('kind').notNull(),
    url: text('url').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    durationMs: integer('duration_ms'),
    // Set when the file was uploaded here; url and size are filled in once it is processed.
    mediaId: uuid('media_id'),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.position] }), index('note_media_media_idx').on(t.mediaId)],
);

// A product tag: a product card on a note, optionally pinned to a spot on an image or a moment of a video.
export const noteProducts = pgTable(
  'note_products',
  {
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    position: smallint('position').notNull(),
    imageIndex: smallint('image_index'),
    x: real('x'),
    y: real('y'),
    atMs: integer('at_ms'),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.productId] }), index('note_products_product_idx').on(t.productId)],
);
