import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { brands } from './accounts';
import { tsvector } from './tsvector';

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    // Money in minor units (fen, cents) so sums are exact.
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    imageUrls: text('image_urls')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    category: text('category').notNull(),
    stock: integer('stock').notNull().default(0),
    buyUrl: text('buy_url').notNull(),
    // Written by catalog/search-index.ts from segmented words; NULL until then.
    search: tsvector('search'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('products_brand_idx').on(t.brandId, t.createdAt), index('products_search_idx').using('gin', t.search)],
);
