import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, toPgArray, type Db } from '../../core/db';
import { isReadSql } from '../read-rule';
import { ORGANIC_NOTE } from '../sql';

export type Grain = 'day' | 'hour';

/** What one fold of the rollups took in. */
export interface FoldResult {
  events: number;
  orders: number;
  refunds: number;
  /** The receipt time folded up to. */
  upto: Date;
}

/**
 * What a dashboard query covers. A note or a set of notes may be narrowed to one brand's products,
 * so a brand sees only its own sales on a note that also tags others'.
 */
export type Subject =
  | { kind: 'brand'; brandId: string }
  | { kind: 'product'; productId: string }
  | { kind: 'creator'; creatorId: string }
  | { kind: 'notes'; noteIds: readonly string[]; brandId?: string };

/** A subject as conditions on the rollup tables and on orders (aliased `o`). */
interface SubjectSql {
  /** On `note_id` of note_stats and note_audience_topics. */
  notes: SQL;
  /** On `product_id` and `note_id` of product_note_stats. */
  sales: SQL;
  orders: SQL;
}

function subjectSql(subject: Subject): SubjectSql {
  switch (subject.kind) {
    case 'brand':
      return {
        notes: sql`note_id IN (SELECT np.note_id FROM note_products np JOIN products p ON p.id = np.product_id WHERE p.brand_id = ${subject.brandId})`,
        sales: sql`product_id IN (SELECT id FROM products WHERE brand_id = ${subject.brandId})`,
        orders: sql`o.brand_id = ${subject.brandId}`,
      };
    case 'product':
      return {
        notes: sql`note_id IN (SELECT np.note_id FROM note_products np WHERE np.product_id = ${subject.productId})`,
        sales: sql`product_id = ${subject.productId}`,
        orders: sql`o.product_id = ${subject.productId}`,
      };
    case 'creator':
      return {
        notes: sql`note_id IN (SELECT id FROM notes WHERE author_id = ${subject.creatorId})`,
        sales: sql`note_id IN (SELECT id FROM notes WHERE author_id = ${subject.creatorId})`,
        orders: sql`EXISTS (SELECT 1 FROM order_attributions a WHERE a.order_id = o.id AND a.model IN ('last_click', 'view_through') AND a.creator_id = ${subject.creatorId})`,
      };
    case 'notes': {
      const ids = sql`${toPgArray(subject.noteIds)}::uuid[]`;
      const brand = subject.brandId;
      return {
        notes: sql`note_id = ANY(${ids})`,
        sales: brand
          ? sql`note_id = ANY(${ids}) AND product_id IN (SELECT id FROM products WHERE brand_id = ${brand})`
          : sql`note_id = ANY(${ids})`,
        orders: sql`EXISTS (SELECT 1 FROM order_attributions a WHERE a.order_id = o.id AND a.model IN ('last_click', 'view_through') AND a.note_id = ANY(${ids}))
          ${brand ? sql`AND o.brand_id = ${brand}` : sql``}`,
      };
    }
  }
}

/** Orders credited one way, and their refunds; money in minor units of the funnel's currency. */
export interface SalesRow {
  orders: number;
  units: number;
  gmvMinor: number;
  refunds: number;
  refundedMinor: number;
}

export interface FunnelRow {
  impressions: number;
  reads: number;
  likes: number;
  collects: number;
  comments: number;
  shares: number;
  productClicks: number;
  /** Orders credited to a note by last click: the funnel's conversions. */
  sales: SalesRow;
  viewThrough: SalesRow;
  organic: SalesRow;
  /** Position-based multi-touch credit: fractional orders and GMV. */
  positionOrders: number;
  positionGmvMinor: number;
}

export interface Range {
  grain: Grain;
  from: Date;
  to: Date;
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

const NOTE_SUMS = sql`coalesce(sum(impressions), 0)::int AS impressions, coalesce(sum(reads), 0)::int AS reads,
  coalesce(sum(likes), 0)::int AS likes, coalesce(sum(collects), 0)::int AS collects,
  coalesce(sum(comments), 0)::int AS comments, coalesce(sum(shares), 0)::int AS shares`;
// Product clicks count when made from a note: clicks from a product page alone are not the notes' doing.
const salesSums = (currency: string) => sql`coalesce(sum(clicks) FILTER (WHERE note_id <> ${ORGANIC_NOTE}), 0)::int AS product_clicks,
  coalesce(sum(orders) FILTER (WHERE note_id <> ${ORGANIC_NOTE}), 0)::int AS orders,
  coalesce(sum(units) FILTER (WHERE note_id <> ${ORGANIC_NOTE}), 0)::int AS units,
  coalesce(sum(gmv_minor) FILTER (WHERE note_id <> ${ORGANIC_NOTE} AND currency = ${currency}), 0)::float8 AS gmv_minor,
  coalesce(sum(refunds) FILTER (WHERE note_id <> ${ORGANIC_NOTE}), 0)::int AS refunds,
  coalesce(sum(refunded_minor) FILTER (WHERE note_id <> ${ORGANIC_NOTE} AND currency = ${currency}), 0)::float8 AS refunded_minor,
  coalesce(sum(view_through_orders), 0)::int AS vt_orders,
  coalesce(sum(view_through_units), 0)::int AS vt_units,
  coalesce(sum(view_through_gmv_minor) FILTER (WHERE currency = ${currency}), 0)::float8 AS vt_gmv_minor,
  coalesce(sum(view_through_refunds), 0)::int AS vt_refunds,
  coalesce(sum(view_through_refunded_minor) FILTER (WHERE currency = ${currency}), 0)::float8 AS vt_refunded_minor,
  coalesce(sum(orders) FILTER (WHERE note_id = ${ORGANIC_NOTE}), 0)::int AS organic_orders,
  coalesce(sum(units) FILTER (WHERE note_id = ${ORGANIC_NOTE}), 0)::int AS organic_units,
  coalesce(sum(gmv_minor) FILTER (WHERE note_id = ${ORGANIC_NOTE} AND currency = ${currency}), 0)::float8 AS organic_gmv_minor,
  coalesce(sum(refunds) FILTER (WHERE note_id = ${ORGANIC_NOTE}), 0)::int AS organic_refunds,
  coalesce(sum(refunded_minor) FILTER (WHERE note_id = ${ORGANIC_NOTE} AND currency = ${currency}), 0)::float8 AS organic_refunded_minor,
  coalesce(sum(position_orders), 0)::float8 AS position_orders,
  coalesce(sum(position_gmv_minor) FILTER (WHERE currency = ${currency}), 0)::float8 AS position_gmv_minor`;

/**
 * The brand and creator dashboards' tables: per note and per (product, note), by day and by hour,
 * folded in from the event log, orders and refunds by a scheduled job, so no request scans the log.
 */
export class AnalyticsRepository {
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

  async funnel(subject: Subject, range: Range, currency: string): Promise<FunnelRow> {
    const [row] = await this.funnelRows(subjectSql(subject), range, currency, false);
    return row ?? emptyFunnelRow();
  }

  /** One funnel per bucket of the range that saw anything, in time order. */
  async series(subject: Subject, range: Range, currency: string): Promise<(FunnelRow & { bucket: Date })[]> {
    return this.funnelRows(subjectSql(subject), range, currency, true) as Promise<(FunnelRow & { bucket: Date })[]>;
  }

  /** Funnels per note (or per creator) of a scope's sales, the best sellers first. */
  async top(subject: Subject, range: Range, currency: string, by: 'note' | 'creator', limit: number) {
    const scope = subjectSql(subject);
    const key = by === 'note' ? sql`s.note_id` : sql`n.author_id`;
    const result = await this.db.execute(sql`
      WITH sales AS (
        SELECT ${key} AS key, ${salesSums(currency)}
          FROM product_note_stats s JOIN notes n ON n.id = s.note_id
         WHERE s.grain = ${range.grain} AND s.bucket >= ${range.from.toISOString()} AND s.bucket < ${range.to.toISOString()}
           AND ${scope.sales}
         GROUP BY 1
         ORDER BY gmv_minor DESC, orders DESC, product_clicks DESC, 1
         LIMIT ${limit}
      ), reach AS (
        SELECT ${by === 'note' ? sql`ns.note_id` : sql`n.author_id`} AS key, ${NOTE_SUMS}
          FROM note_stats ns JOIN notes n ON n.id = ns.note_id
         WHERE ns.grain = ${range.grain} AND ns.bucket >= ${range.from.toISOString()} AND ns.bucket < ${range.to.toISOString()}
           AND ${scope.notes} AND ${by === 'note' ? sql`ns.note_id` : sql`n.author_id`} IN (SELECT key FROM sales)
         GROUP BY 1
      )
      SELECT sales.*, reach.impressions, reach.reads, reach.likes, reach.collects, reach.comments, reach.shares
        FROM sales LEFT JOIN reach USING (key)
       ORDER BY gmv_minor DESC, orders DESC, product_clicks DESC, key`);
    return rowsOf<Record<string, unknown>>(result).map((r) => ({ key: String(r.key), ...toFunnel(r) }));
  }

  /** Reads of a scope's notes by the readers' chosen topics. */
  async audienceTopics(subject: Subject, from: Date, to: Date): Promise<{ topic: string; reads: number }[]> {
    const scope = subjectSql(subject);
    const result = await this.db.execute(sql`
      SELECT topic, sum(reads)::int AS reads FROM note_audience_topics
       WHERE day >= ${dayOf(from)}::date AND day < ${dayOf(to)}::date AND ${scope.notes}
       GROUP BY topic ORDER BY reads DESC, topic`);
    return rowsOf<{ topic: string; reads: number }>(result).map((r) => ({ topic: r.topic, reads: Number(r.reads) }));
  }

  /** Buyers of the scope's orders in the range, and how many of them bought more than once. */
  async buyers(subject: Subject, from: Date, to: Date): Promise<{ buyers: number; repeat: number }> {
    const { orders } = subjectSql(subject);
    const result = await this.db.execute(sql`
      SELECT count(*)::int AS buyers, count(*) FILTER (WHERE n > 1)::int AS repeat FROM (
        SELECT o.user_id, count(*) AS n FROM orders o
         WHERE o.user_id IS NOT NULL AND o.occurred_at >= ${from.toISOString()} AND o.occurred_at < ${to.toISOString()} AND ${orders}
         GROUP BY o.user_id) b`);
    const row = rowsOf<{ buyers: number; repeat: number }>(result)[0];
    return { buyers: Number(row?.buyers ?? 0), repeat: Number(row?.repeat ?? 0) };
  }

  /** The subject's sponsored notes with a deal in the currency, and what was paid for them. */
  async sponsorDeals(subject: Subject, currency: string, brandId?: string): Promise<{ costMinor: number; noteIds: string[] }> {
    const { notes } = subjectSql(subject);
    const result = await this.db.execute(sql`
      SELECT note_id, cost_minor::float8 AS cost FROM sponsor_deals
       WHERE currency = ${currency} AND ${notes} ${brandId ? sql`AND brand_id = ${brandId}` : sql``}`);
    const rows = rowsOf<{ note_id: string; cost: number }>(result);
    return { costMinor: rows.reduce((sum, r) => sum + Number(r.cost), 0), noteIds: rows.map((r) => r.note_id) };
  }

  private async funnelRows(scope: SubjectSql, range: Range, currency: string, byBucket: boolean): Promise<FunnelRow[]> {
    const inRange = sql`grain = ${range.grain} AND bucket >= ${range.from.toISOString()} AND bucket < ${range.to.toISOString()}`;
    const bucket = byBucket ? sql`bucket,` : sql``;
    const group = byBucket ? sql`GROUP BY bucket` : sql``;
    const result = await this.db.execute(sql`
      WITH reach AS (SELECT ${bucket} ${NOTE_SUMS} FROM note_stats WHERE ${inRange} AND ${scope.notes} ${group}),
           sales AS (SELECT ${bucket} ${salesSums(currency)} FROM product_note_stats WHERE ${inRange} AND ${scope.sales} ${group})
      SELECT * FROM reach ${byBucket ? sql`FULL JOIN sales USING (bucket) ORDER BY bucket` : sql`CROSS JOIN sales`}`);
    return rowsOf<Record<string, unknown>>(result).map((r) => ({
      ...(byBucket ? { bucket: new Date(r.bucket as string) } : {}),
      ...toFunnel(r),
    }));
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
  const orders = await foldOrders(tx, window(sql`o.created_at`, 'orders'));
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
    INSERT INTO note_stats (grain, bucket, note_id, impressions, reads, likes, collects, comments, shares, product_clicks)
    SELECT g.grain, ${bucketOf(sql`e.occurred_at`)}, e.note_id,
           count(*) FILTER (WHERE e.type = 'impression'),
           count(*) FILTER (WHERE e.type = 'view' AND ${read}),
           count(*) FILTER (WHERE e.type = 'like'),
           count(*) FILTER (WHERE e.type = 'collect'),
           count(*) FILTER (WHERE e.type = 'comment'),
           count(*) FILTER (WHERE e.type = 'share'),
           count(*) FILTER (WHERE e.type = 'product_click')
      FROM interaction_events e JOIN notes n ON n.id = e.note_id CROSS JOIN ${GRAINS}
     WHERE ${window} AND e.type IN ('impression', 'view', 'like', 'collect', 'comment', 'share', 'product_click')
     GROUP BY 1, 2, 3
    ON CONFLICT (grain, note_id, bucket) DO UPDATE SET
      ${addUp('note_stats', ['impressions', 'reads', 'likes', 'collects', 'comments', 'shares', 'product_clicks'])}`);
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
     WHERE ${window} AND e.type = 'view' AND ${read}
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
 * An order counts where its sale is credited: on the last-clicked note's row, on the long-viewed
 * note's row as view-through, or on the organic row; position-based credit spreads over the touches.
 */
async function foldOrders(db: Db, window: SQL): Promise<number> {
  const result = await db.execute(sql`
    WITH o AS (SELECT * FROM orders o WHERE ${window}),
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

function toFunnel(r: Record<string, unknown>): FunnelRow {
  const n = (key: string) => Number(r[key] ?? 0);
  const sales = (prefix: string): SalesRow => ({
    orders: n(`${prefix}orders`),
    units: n(`${prefix}units`),
    gmvMinor: n(`${prefix}gmv_minor`),
    refunds: n(`${prefix}refunds`),
    refundedMinor: n(`${prefix}refunded_minor`),
  });
  return {
    impressions: n('impressions'),
    reads: n('reads'),
    likes: n('likes'),
    collects: n('collects'),
    comments: n('comments'),
    shares: n('shares'),
    productClicks: n('product_clicks'),
    sales: sales(''),
    viewThrough: sales('vt_'),
    organic: sales('organic_'),
    positionOrders: n('position_orders'),
    positionGmvMinor: n('position_gmv_minor'),
  };
}

/** The funnel of a bucket that saw nothing. */
export function emptyFunnelRow(): FunnelRow {
  return toFunnel({});
}

function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
