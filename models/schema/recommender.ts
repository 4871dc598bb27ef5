import { sql } from 'drizzle-orm';
import { customType, doublePrecision, integer, jsonb, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The bytes as a Buffer, without a copy: node-postgres gives a Buffer, PGlite (and a copy to another thread) a Uint8Array. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: asBuffer,
});

export const modelStatusEnum = pgEnum('model_status', ['serving', 'retired', 'rejected']);

/** What a version's weights are: the model's shape and, per embedding row, the user or note it stands for. */
export interface ModelLayout {
  shape: { users: number; items: number; dim: number; features: number; hidden: number };
  /** Byte offsets of each weight tensor in `weights` (float32, little-endian). */
  tensors: { name: string; offset: number; length: number }[];
  /** Embedding row r + 1 belongs to userIds[r] / noteIds[r]; row 0 stands for anyone or anything unseen. */
  userIds: string[];
  noteIds: string[];
  /** The heads that had labels to learn from; the others weigh nothing in the score. */
  heads: string[];
  /**
   * The dense features the version reads, in input order. Versions stored before layouts named them
   * have none: the code's features may have changed since, so they are not served.
   */
  features?: string[];
  /**
   * The creators and topics (`author:<id>`, `topic:<name>`) whose mean note vectors the `contentEmb` and
   * `contentBias` tensors hold, row by row, for notes posted after training; absent in older versions.
   */
  contentKeys?: string[];
  /**
   * The feed's retrieval tower (recommender/training/feed-tower.ts), whose weights are the `tower.*`
   * tensors; absent in versions stored before it. `items[i]` is the note of the tower's input index i.
   */
  tower?: {
    shape: { inputs: number; items: number; dim: number; context: number };
    items: string[];
    contentKeys: string[];
    ann: { maxNorm: number; probes: number; recall: number };
    epochs: number;
  };
}

/** Trained interest models. One is serving at most; a new one replaces it only by beating it on the holdout. */
export const modelVersions = pgTable(
  'model_versions',
  {
    id: uuid('id').primaryKey(),
    status: modelStatusEnum('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    promotedAt: timestamp('promoted_at', { withTimezone: true, precision: 3 }),
    trainExamples: integer('train_examples').notNull(),
    /** AUC of the feed score on the time-ordered holdout: liked, collected, clicked or bought versus not. */
    holdoutAuc: doublePrecision('holdout_auc').notNull(),
    /** The serving version's AUC on the same holdout when this one was trained; null when none served. */
    servingAuc: doublePrecision('serving_auc'),
    metrics: jsonb('metrics').$type<Record<string, number>>().notNull(),
    layout: jsonb('layout').$type<ModelLayout>().notNull(),
    weights: bytea('weights').notNull(),
    /** The notes' co-engagement neighbours (see recommender/rank/co-engagement.ts); null for versions stored before them. */
    neighbours: bytea('neighbours'),
  },
  (t) => [
    uniqueIndex('model_versions_one_serving')
      .on(t.status)
      .where(sql`status = 'serving'`),
  ],
);
