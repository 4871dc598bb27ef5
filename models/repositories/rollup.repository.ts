import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../core/db';
import { isReadSql } from '../read-rule';
import { ORGANIC_NOTE } from '../sql';

/** What one fold of the rollups took in. */
export interface FoldResult {
  events: number;
  orders: number;
  refunds: number;
  /** The receipt time folded up to. */
  upto: Date;
}

const GRAINS = sql.raw(`(VALUES ('day'::rollup_grain), ('hour'::rollup_grain)) AS g(grain)`);
const bucketOf = (column: SQL) => sql`date_trunc(g.grain::text, ${column}, 'UTC')`;
/** The SET list of an upsert that adds the new counts to the stored ones. */
const addUp = (table: string, columns: readonly string[]) => sql.raw(columns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));
/** Adds the rows of `select` (grain, bucket, product_id, note_id, currency, then `columns`) to product_note_stats. */
const addToSalesStats = (columns: readonly string[], select: SQL) => sql`
  INSERT INTO product_note_stats (grain, bucket, product_id, note_id, currency, ${sql.raw(columns.join(', '))})
  ${select}
  ON CONFLICT (grain, product_id, note_id, currency, bucket) DO UPDATE SET ${addUp('product_note_stats', columns)}`;

/**
 * Keeps the brand and creator dashboards' tables (see AnalyticsRepository): per note and per (product, note),
 * by day and by hour, folded in from the event log, orders and refunds by a scheduled job, so no request scans the log.
 */
export class RollupRepository {
  constructor(private readonly db: Db) {}

  /** Folds what arrived since the last fold into the rollups, in one transaction (see foldAll). */
  async fold(lagMs: number): Promise<FoldResult> {
    return this.db.transaction((tx) => foldAll(tx as unknown as Db, lagMs));
  }

  /** Empties the rollups and folds everything again from the sources, in one transaction. */
  async rebuild(lagMs: number): Promise<FoldResult> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`TRUNCATE note_stats, product_note_stats, note_audience_topics, rollup_watermarks`);
      return foldAll(tx as unknown as Db, lagMs);
    });
  }

  /** Every row of the rollups in a stable order, for comparing an incremental run with a rebuild. */
  async snapshot(): Promise<{ notes: unknown[]; sales: unknown[]; topics: unknown[] }> {
    const all = async (query: SQL) => rowsOf(await this.db.execute(query));
    return {
      notes: await all(sql`SELECT * FROM note_stats ORDER BY grain, note_id, bucket`),
      sales: await all(sql`SELECT * FROM product_note_stats ORDER BY grain, product_id, note_id, currency, bucket`),
      topics: await all(sql`SELECT * FROM note_audience_topics ORDER BY note_id, day, topic`),
    };
  }
}

/**
 * Folds everything stored since the last fold and up to `lagMs` ago into the rollups, with the
 * watermarks, in the caller's transaction: a crash folds nothing twice. The lag leaves rows of
 * transactions still in flight (their receipt time is their transaction's start) for the next fold.
 */
async function foldAll(tx: Db, lagMs: number): Promise<FoldResult> {
  await tx.execute(sql`INSERT INTO rollup_watermarks (source) VALUES ('events'), ('orders'), ('refunds') ON CONFLICT DO NOTHING`);
  const marks = rowsOf<{ source: string; upto: string | Date; hi: string | Date }>(
    await tx.execute(sql`
      SELECT source, upto::text AS upto, now() - make_interval(secs => ${lagMs / 1000}) AS hi
        FROM rollup_watermarks WHERE source IN ('events', 'orders', 'refunds') FOR UPDATE`),
  );
  const hi = new Date(marks[0]?.hi ?? Date.now()).toISOString();
  const window = (column: SQL, source: string) => {
    const lo = marks.find((m) => m.source === source)?.upto ?? '-infinity';
    return sql`${column} > ${String(lo)}::timestamptz AND ${column} <= ${hi}::timestamptz`;
  };
  const events = await foldEvents(tx, window(sql`e.received_at`, 'events'));
  const orders = await foldOrders(tx, window(sql`o.paid_at`, 'orders'));
  const refunds = await foldRefunds(tx, window(sql`r.created_at`, 'refunds'));
  await tx.execute(
    sql`UPDATE rollup_watermarks SET upto = greatest(upto, ${hi}::timestamptz) WHERE source IN ('events', 'orders', 'refunds')`,
  );
  return { events, orders, refunds, upto: new Date(hi) };
}

async function foldEvents(db: Db, window: SQL): Promise<number> {
  const counted = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM interaction_events e WHERE ${window}`))[0]?.n;
  const read = isReadSql(sql`e.value`, sql`n.kind::text`);
  await db.execute(sql`
    INSERT INTO note_stats (grain, bucket, note_id, impressions, reads, likes, collects, comments, shares, product_clicks,
                            anonymous_impressions, anonymous_reads)
    SELECT g.grain, ${bucketOf(sql`e.occurred_at`)}, e.note_id,
           count(*) FILTER (WHERE e.type = 'impression' AND e.user_id IS NOT NULL),
           count(*) FILTER (WHERE e.type = 'view' AND ${read} AND e.user_id IS NOT NULL),
           count(*) FILTER (WHERE e.type = 'like'),
           count(*) FILTER (WHERE e.type = 'collect'),
           count(*) FILTER (WHERE e.type = 'comment'),
           count(*) FILTER (WHERE e.type = 'share'),
           count(*) FILTER (WHERE e.type = 'product_click'),
           count(*) FILTER (WHERE e.type = 'impression' AND e.user_id IS NULL),
           count(*) FILTER (WHERE e.type = 'view' AND ${read} AND e.user_id IS NULL)
      FROM interaction_events e JOIN notes n ON n.id = e.note_id CROSS JOIN ${GRAINS}
     WHERE ${window} AND NOT e.is_repeat
       AND e.type IN ('impression', 'view', 'like', 'collect', 'comment', 'share', 'product_click')
     GROUP BY 1, 2, 3
    ON CONFLICT (grain, note_id, bucket) DO UPDATE SET
      ${addUp('note_stats', [
        'impressions',
        'reads',
        'likes',
        'collects',
        'comments',
        'shares',
        'product_clicks',
        'anonymous_impressions',
        'anonymous_reads',
      ])}`);
  await db.execute(
    addToSalesStats(
      ['clicks'],
      sql`SELECT g.grain, ${bucketOf(sql`e.occurred_at`)}, e.product_id, coalesce(e.note_id, ${ORGANIC_NOTE}), p.currency, count(*)
            FROM interaction_events e JOIN products p ON p.id = e.product_id CROSS JOIN ${GRAINS}
           WHERE ${window} AND e.type = 'product_click'
           GROUP BY 1, 2, 3, 4, 5`,
    ),
  );
  await db.execute(sql`
    INSERT INTO note_audience_topics (day, note_id, topic, reads)
    SELECT (date_trunc('day', e.occurred_at, 'UTC'))::date, e.note_id, t.topic, count(*)
      FROM interaction_events e JOIN notes n ON n.id = e.note_id JOIN users u ON u.id = e.user_id
      CROSS JOIN LATERAL unnest(u.interests) AS t(topic)
     WHERE ${window} AND e.type = 'view' AND ${read} AND NOT e.is_repeat
     GROUP BY 1, 2, 3
    ON CONFLICT (note_id, day, topic) DO UPDATE SET ${addUp('note_audience_topics', ['reads'])}`);
  return Number(counted ?? 0);
}

const SALE_COLUMNS = [
  'orders',
  'units',
  'gmv_minor',
  'view_through_orders',
  'view_through_units',
  'view_through_gmv_minor',
  'position_orders',
  'position_gmv_minor',
] as const;
const REFUND_COLUMNS = ['refunds', 'refunded_minor', 'view_through_refunds', 'view_through_refunded_minor'] as const;

/**
 * A paid order counts, once paid, where its sale is credited: on the last-clicked note's row, on the long-viewed
 * note's row as view-through, or on the organic row; position-based credit spreads over the touches.
 */
async function foldOrders(db: Db, window: SQL): Promise<number> {
  const result = await db.execute(sql`
    WITH o AS (SELECT * FROM orders o WHERE o.status = 'paid' AND ${window}),
    credited AS (
      SELECT o.occurred_at, o.product_id, coalesce(a.note_id, ${ORGANIC_NOTE}) AS note_id, o.currency,
             (o.attribution <> 'view_through')::int AS orders,
             CASE WHEN o.attribution <> 'view_through' THEN o.quantity ELSE 0 END AS units,
             CASE WHEN o.attribution <> 'view_through' THEN o.amount_minor ELSE 0 END AS gmv,
             (o.attribution = 'view_through')::int AS vt_orders,
             CASE WHEN o.attribution = 'view_through' THEN o.quantity ELSE 0 END AS vt_units,
             CASE WHEN o.attribution = 'view_through' THEN o.amount_minor ELSE 0 END AS vt_gmv,
             0::float8 AS pos_orders, 0::float8 AS pos_gmv
        FROM o LEFT JOIN order_attributions a ON a.order_id = o.id AND a.model IN ('last_click', 'view_through')
      UNION ALL
      SELECT o.occurred_at, o.product_id, a.note_id, o.currency, 0, 0, 0, 0, 0, 0, a.credit, a.credit * o.amount_minor
        FROM o JOIN order_attributions a ON a.order_id = o.id AND a.model = 'position'
    ), folded AS (${addToSalesStats(
      SALE_COLUMNS,
      sql`SELECT g.grain, ${bucketOf(sql`c.occurred_at`)}, c.product_id, c.note_id, c.currency, sum(c.orders), sum(c.units), sum(c.gmv),
                 sum(c.vt_orders), sum(c.vt_units), sum(c.vt_gmv), sum(c.pos_orders), sum(c.pos_gmv)
            FROM credited c CROSS JOIN ${GRAINS}
           GROUP BY 1, 2, 3, 4, 5`,
    )})
    SELECT (SELECT count(*) FROM o)::int AS n`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

/** A refund counts when it happens, where its order counted (see product_note_stats). */
async function foldRefunds(db: Db, window: SQL): Promise<number> {
  const result = await db.execute(sql`
    WITH r AS (
      SELECT r.occurred_at, r.amount_minor, o.product_id, o.currency, coalesce(a.note_id, ${ORGANIC_NOTE}) AS note_id,
             o.attribution = 'view_through' AS vt
        FROM order_refunds r JOIN orders o ON o.id = r.order_id
        LEFT JOIN order_attributions a ON a.order_id = o.id AND a.model IN ('last_click', 'view_through')
       WHERE ${window}
    ), folded AS (${addToSalesStats(
      REFUND_COLUMNS,
      sql`SELECT g.grain, ${bucketOf(sql`r.occurred_at`)}, r.product_id, r.note_id, r.currency,
                 count(*) FILTER (WHERE NOT r.vt), coalesce(sum(r.amount_minor) FILTER (WHERE NOT r.vt), 0),
                 count(*) FILTER (WHERE r.vt), coalesce(sum(r.amount_minor) FILTER (WHERE r.vt), 0)
            FROM r CROSS JOIN ${GRAINS}
           GROUP BY 1, 2, 3, 4, 5`,
    )})
    SELECT (SELECT count(*) FROM r)::int AS n`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}
