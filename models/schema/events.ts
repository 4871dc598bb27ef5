import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const EVENT_TYPES = [
  'impression',
  'view',
  'like',
  'collect',
  'comment',
  'share',
  'follow',
  'product_click',
  'purchase',
  'hide',
  // A note the feed served, logged by the server (an impression is what a client reports on screen):
  // the negatives of the next training run when nothing else follows.
  'served',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const eventTypeEnum = pgEnum('event_type', EVENT_TYPES);

// The append-only interaction log read by training, analytics and attribution. No foreign keys:
// rows outlive what they point at, and checking them would slow the hottest write in the product.
// It is partitioned by month of occurred_at (migration 0016; events/partitions.ts keeps the months
// ahead and drops those past retention), so a time-window read touches only its months and the log
// can grow without the hot ones growing. A partitioned table cannot hold a unique event_id (the key
// would have to include occurred_at), so event_ids is what makes a resent id a duplicate.
// occurred_at is indexed with BRIN: rows arrive in time order, so a few block ranges summarise
// millions of rows and time-window scans stay cheap at a sliver of a B-tree's size.
export const interactionEvents = pgTable(
  'interaction_events',
  {
    eventId: uuid('event_id').notNull(),
    type: eventTypeEnum('type').notNull(),
    userId: uuid('user_id'),
    noteId: uuid('note_id'),
    productId: uuid('product_id'),
    targetUserId: uuid('target_user_id'),
    value: doublePrecision('value'),
    sessionId: text('session_id'),
    // A view by a viewer who already viewed the note within the dedupe window: kept for the interest
    // model, counted nowhere (view counts, trending, reads).
    isRepeat: boolean('is_repeat').notNull().default(false),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('events_occurred_brin').using('brin', t.occurredAt).with({ autosummarize: true }),
    // The analytics rollup folds in what arrived since its last run.
    index('events_received_brin').using('brin', t.receivedAt).with({ autosummarize: true }),
    index('events_user_time_idx').on(t.userId, t.occurredAt),
    index('events_note_time_idx').on(t.noteId, t.occurredAt),
    // A viewer's engagements (ENGAGEMENT_EVENTS), read for their affinity profile on a feed request,
    // without stepping over the many served, impression and view rows between them.
    index('events_user_engagement_idx')
      .on(t.userId, t.occurredAt)
      .where(sql`${t.type} IN ('like', 'collect', 'product_click', 'purchase')`),
  ],
);

// Every event id stored lately, the log's idempotency record: an id is remembered as long as a client
// may still send its event (events/partitions.ts prunes the rest), and its time points into the log.
export const eventIds = pgTable(
  'event_ids',
  {
    eventId: uuid('event_id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('event_ids_received_brin').using('brin', t.receivedAt).with({ autosummarize: true })],
);
