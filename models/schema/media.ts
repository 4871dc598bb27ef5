import { bigint, index, integer, jsonb, pgEnum, pgTable, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { noteKindEnum } from './notes';

// processing → ready | failed. A failed file stays failed: the creator uploads a new one.
export const mediaStatusEnum = pgEnum('media_status', ['processing', 'ready', 'failed']);

/** Where each produced file of a media item lives in storage (keys, not URLs). */
export interface MediaVariants {
  images?: { name: string; format: string; width: number; height: number; bytes: number; key: string }[];
  video?: {
    master: string;
    poster: string;
    preview: string;
    rungs: { name: string; width: number; height: number; playlist: string }[];
  };
}

/** One uploaded file and what the pipeline made of it. */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    kind: noteKindEnum('kind').notNull(),
    status: mediaStatusEnum('status').notNull().default('processing'),
    progress: smallint('progress').notNull().default(0),
    failureReason: text('failure_reason'),
    failureMessage: text('failure_message'),
    contentType: text('content_type').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    originalKey: text('original_key'),
    width: integer('width'),
    height: integer('height'),
    durationMs: integer('duration_ms'),
    aspectRatio: real('aspect_ratio'),
    dominantColor: text('dominant_color'),
    thumbhash: text('thumbhash'),
    variants: jsonb('variants').$type<MediaVariants>(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [index('media_owner_idx').on(t.ownerId, t.createdAt)],
);
