import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, toPgArray, type Db } from '../../core/db';
import { ORGANIC_NOTE } from '../sql';

export type Grain = 'day' | 'hour';

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
  /** Impressions and reads of signed-in viewers; signed-out viewers' are counted apart. */
  impressions: number;
  reads: number;
  anonymousImpressions: number;
  anonymousReads: number;
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

const NOTE_SUMS = sql`coalesce(sum(impressions), 0)::int AS impressions, coalesce(sum(reads), 0)::int AS reads,
  coalesce(sum(anonymous_impressions), 0)::int AS anonymous_impressions, coalesce(sum(anonymous_reads), 0)::int AS anonymous_reads,
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

/** The brand and creator dashboards' reads, from the rollups RollupRepository keeps, so no request scans the log. */
export class AnalyticsRepository {
  constructor(private readonly db: Db) {}

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
      SELECT sales.*, reach.impressions, reach.reads, reach.anonymous_impressions, reach.anonymous_reads, reach.likes, reach.collects, reach.comments, reach.shares
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

  /** Buyers of the scope's paid orders in the range, and how many of them bought more than once. */
  async buyers(subject: Subject, from: Date, to: Date): Promise<{ buyers: number; repeat: number }> {
    const { orders } = subjectSql(subject);
    const result = await this.db.execute(sql`
      SELECT count(*)::int AS buyers, count(*) FILTER (WHERE n > 1)::int AS repeat FROM (
        SELECT o.user_id, count(*) AS n FROM orders o
         WHERE o.user_id IS NOT NULL AND o.status = 'paid' AND o.occurred_at >= ${from.toISOString()} AND o.occurred_at < ${to.toISOString()} AND ${orders}
         GROUP BY o.user_id) b`);
    const row = rowsOf<{ buyers: number; repeat: number }>(result)[0];
    return { buyers: Number(row?.buyers ?? 0), repeat: Number(row?.repeat ?? 0) };
  }

  /** The subject's sponsored notes with a deal in the currency, and what was paid for them. */
  async sponsorDeals(subject: Subject, currency: string, brandId?: string): Promise<{ costMinor: number; noteIds: string[] }> {
    const rows = await this.dealRows(subject, currency, brandId);
    return { costMinor: rows.reduce((sum, r) => sum + r.costMinor, 0), noteIds: rows.map((r) => r.noteId) };
  }

  /** People who began following a creator in [from, to) and follow them still: an unfollow removes its follow. */
  async followerGain(creatorId: string, from: Date, to: Date): Promise<number> {
    const result = await this.db.execute(sql`
      SELECT count(*)::int AS n FROM follows
       WHERE followee_id = ${creatorId} AND created_at >= ${from.toISOString()} AND created_at < ${to.toISOString()}`);
    return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
  }

  /** Each deal recorded on the scope's notes in a currency (of one brand when given), newest first. */
  async dealRows(subject: Subject, currency: string, brandId?: string): Promise<{ noteId: string; costMinor: number }[]> {
    const { notes } = subjectSql(subject);
    const result = await this.db.execute(sql`
      SELECT note_id, cost_minor::float8 AS cost FROM sponsor_deals
       WHERE currency = ${currency} AND ${notes} ${brandId ? sql`AND brand_id = ${brandId}` : sql``}
       ORDER BY updated_at DESC, note_id`);
    return rowsOf<{ note_id: string; cost: number }>(result).map((r) => ({ noteId: r.note_id, costMinor: Number(r.cost) }));
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
    anonymousImpressions: n('anonymous_impressions'),
    anonymousReads: n('anonymous_reads'),
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
