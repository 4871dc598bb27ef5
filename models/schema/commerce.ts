import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { brands, users } from './accounts';
import { notes } from './notes';
import { products } from './products';

export const orderSourceEnum = pgEnum('order_source', ['checkout', 'webhook']);
/** How an order's sale is credited: to a clicked note, to a long-viewed note, or to nothing (organic). */
export const orderAttributionEnum = pgEnum('order_attribution', ['click', 'view_through', 'organic']);
export const attributionModelEnum = pgEnum('attribution_model', ['last_click', 'view_through', 'position']);
export const refundKindEnum = pgEnum('refund_kind', ['refund', 'return']);
/** An in-app order waits for its payment, holding its stock, until it is paid or expires and gives the stock back. */
export const orderStatusEnum = pgEnum('order_status', ['pending', 'paid', 'expired']);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    // The buyer, when known: a shop's webhook may name nobody we know.
    userId: uuid('user_id').references(() => users.id),
    source: orderSourceEnum('source').notNull(),
    // The brand's order id (webhook) or the buyer's idempotency key (checkout): resending is a no-op.
    externalId: text('external_id').notNull(),
    quantity: integer('quantity').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    // The tracking parameter of the product link the buyer followed, when the shop reports it back.
    clickEventId: uuid('click_event_id'),
    attribution: orderAttributionEnum('attribution').notNull(),
    status: orderStatusEnum('status').notNull(),
    // When the order's payment was recorded: the rollups fold paid orders by it, so a late payment still counts.
    paidAt: timestamp('paid_at', { withTimezone: true, precision: 3 }),
    // A pending order's deadline; past it (and a grace for a payment in flight) its stock goes back on sale.
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
    // The payment provider's id for the charge, or the brand shop's order id when its webhook paid it.
    paymentRef: text('payment_ref'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    unique('orders_external_id_key').on(t.brandId, t.source, t.externalId),
    index('orders_product_time_idx').on(t.productId, t.occurredAt),
    index('orders_brand_time_idx').on(t.brandId, t.occurredAt),
    index('orders_buyer_idx').on(t.userId, t.productId),
    index('orders_paid_idx').on(t.paidAt),
    index('orders_pending_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const orderRefunds = pgTable(
  'order_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    // The brand's refund id, or the caller's idempotency key.
    externalId: text('external_id').notNull(),
    kind: refundKindEnum('kind').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    reason: text('reason').notNull().default(''),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [unique('order_refunds_external_id_key').on(t.orderId, t.externalId), index('order_refunds_created_idx').on(t.createdAt)],
);

// The credit of one touch (a product click or a long view of a note) towards one order, under one model,
// with the impression that preceded it: the explanation a brand sees.
export const orderAttributions = pgTable(
  'order_attributions',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    model: attributionModelEnum('model').notNull(),
    touchEventId: uuid('touch_event_id').notNull(),
    touchType: text('touch_type').notNull(),
    touchedAt: timestamp('touched_at', { withTimezone: true, precision: 3 }).notNull(),
    noteId: uuid('note_id').notNull(),
    creatorId: uuid('creator_id').notNull(),
    credit: doublePrecision('credit').notNull(),
    impressionEventId: uuid('impression_event_id'),
    impressedAt: timestamp('impressed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.model, t.touchEventId] }), index('order_attributions_note_idx').on(t.noteId)],
);

// What a brand paid a creator for a sponsored note: the cost behind CPM, CPE and ROI.
export const sponsorDeals = pgTable('sponsor_deals', {
  noteId: uuid('note_id')
    .primaryKey()
    .references(() => notes.id),
  brandId: uuid('brand_id')
    .notNull()
    .references(() => brands.id),
  costMinor: bigint('cost_minor', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const brandWebhookSecrets = pgTable('brand_webhook_secrets', {
  brandId: uuid('brand_id')
    .primaryKey()
    .references(() => brands.id),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  // The secret before the last rotation still signs until then, while the shop's settings catch up.
  previousSecret: text('previous_secret'),
  previousValidUntil: timestamp('previous_valid_until', { withTimezone: true, precision: 3 }),
});

/** Rollup rows come at two grains: days (any range) and hours (the recent series). */
export const rollupGrainEnum = pgEnum('rollup_grain', ['day', 'hour']);

// Per note and bucket: what the note's audience did (views repeated within the dedupe window left out). Maintained by the rollup job.
export const noteStats = pgTable(
  'note_stats',
  {
    grain: rollupGrainEnum('grain').notNull(),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    noteId: uuid('note_id').notNull(),
    impressions: integer('impressions').notNull().default(0),
    reads: integer('reads').notNull().default(0),
    likes: integer('likes').notNull().default(0),
    collects: integer('collects').notNull().default(0),
    comments: integer('comments').notNull().default(0),
    shares: integer('shares').notNull().default(0),
    productClicks: integer('product_clicks').notNull().default(0),
    // Signed-out viewers' impressions and reads, apart: nothing vouches for them as it does for an account's.
    anonymousImpressions: integer('anonymous_impressions').notNull().default(0),
    anonymousReads: integer('anonymous_reads').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.grain, t.noteId, t.bucket] })],
);

// The sentinel note of sales no note touched (organic), so (product, note) stays a key.
export const ORGANIC_NOTE_ID = '00000000-0000-0000-0000-000000000000';

// Per product, note and bucket: clicks and sales the note drove, in the order's currency. Orders credited
// by last click count on the clicked note's row, by view-through in the view_through columns of the viewed
// note's row, and organic ones on the organic row; refunds go where their order counted, dated when refunded.
export const productNoteStats = pgTable(
  'product_note_stats',
  {
    grain: rollupGrainEnum('grain').notNull(),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    productId: uuid('product_id').notNull(),
    noteId: uuid('note_id').notNull(),
    currency: text('currency').notNull(),
    clicks: integer('clicks').notNull().default(0),
    orders: integer('orders').notNull().default(0),
    units: integer('units').notNull().default(0),
    gmvMinor: bigint('gmv_minor', { mode: 'number' }).notNull().default(0),
    refunds: integer('refunds').notNull().default(0),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    viewThroughOrders: integer('view_through_orders').notNull().default(0),
    viewThroughUnits: integer('view_through_units').notNull().default(0),
    viewThroughGmvMinor: bigint('view_through_gmv_minor', { mode: 'number' }).notNull().default(0),
    viewThroughRefunds: integer('view_through_refunds').notNull().default(0),
    viewThroughRefundedMinor: bigint('view_through_refunded_minor', { mode: 'number' }).notNull().default(0),
    positionOrders: doublePrecision('position_orders').notNull().default(0),
    positionGmvMinor: doublePrecision('position_gmv_minor').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.productId, t.noteId, t.currency, t.bucket] }),
    index('product_note_stats_note_idx').on(t.grain, t.noteId, t.bucket),
  ],
);

// Per note and day: reads by the readers' chosen topics, the audience's topic mix.
export const noteAudienceTopics = pgTable(
  'note_audience_topics',
  {
    day: date('day', { mode: 'string' }).notNull(),
    noteId: uuid('note_id').notNull(),
    topic: text('topic').notNull(),
    reads: integer('reads').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.day, t.topic] })],
);

// How far each source of the rollups has been folded in (by the time rows were stored, not when they happened).
export const rollupWatermarks = pgTable('rollup_watermarks', {
  source: text('source').primaryKey(),
  upto: timestamp('upto', { withTimezone: true, precision: 3 })
    .notNull()
    .default(sql`'-infinity'`),
});
