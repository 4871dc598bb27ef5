import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../core/db';
import { anyUuid, keysetBefore } from '../sql';
import { brandWebhookSecrets, orderAttributions, orderRefunds, orders, sponsorDeals } from '../schema';
import { isReadSql } from '../read-rule';

export type OrderRow = typeof orders.$inferSelect;
export type NewOrder = Omit<typeof orders.$inferInsert, 'id' | 'createdAt' | 'refundedMinor' | 'paidAt'>;
export type RefundRow = typeof orderRefunds.$inferSelect;
export type NewRefund = Omit<typeof orderRefunds.$inferInsert, 'id' | 'createdAt'>;
export type AttributionRow = typeof orderAttributions.$inferSelect;
export type SponsorDealRow = typeof sponsorDeals.$inferSelect;

/** A buyer's product click from a note, or long view of a note tagging the product, with the impression before it. */
export interface TouchRow {
  eventId: string;
  type: 'product_click' | 'read';
  noteId: string;
  creatorId: string;
  at: Date;
  impressionEventId: string | null;
  impressedAt: Date | null;
}

export class CommerceRepository {
  constructor(private readonly db: Db) {}

  /** Inserts an order unless the brand already has one with this source and external id; returns it either way. */
  async insertOrder(order: NewOrder): Promise<{ order: OrderRow; created: boolean }> {
    const paidAt = order.status === 'paid' ? sql`now()` : null;
    const [inserted] = await this.db
      .insert(orders)
      .values({ ...order, paidAt })
      .onConflictDoNothing()
      .returning();
    if (inserted) return { order: inserted, created: true };
    const existing = await this.findOrderByExternalId(order.brandId, order.source, order.externalId);
    if (!existing) throw new Error('order conflicted but was not found');
    return { order: existing, created: false };
  }

  async findOrder(id: string): Promise<OrderRow | undefined> {
    const [row] = await this.db.select().from(orders).where(eq(orders.id, id));
    return row;
  }

  async findOrderByExternalId(brandId: string, source: OrderRow['source'], externalId: string): Promise<OrderRow | undefined> {
    const [row] = await this.db
      .select()
      .from(orders)
      .where(and(eq(orders.brandId, brandId), eq(orders.source, source), eq(orders.externalId, externalId)));
    return row;
  }

  /** Locks an order's row, so two refunds cannot both pass the "not more than paid" check, nor a payment race its expiry. */
  async lockOrder(id: string): Promise<OrderRow | undefined> {
    const [row] = await this.db.select().from(orders).where(eq(orders.id, id)).for('update');
    return row;
  }

  /** Records an order's payment, dated by the database's clock like every row the rollups fold. */
  async markPaid(id: string, paymentRef: string): Promise<OrderRow> {
    const [row] = await this.db
      .update(orders)
      .set({ status: 'paid', paidAt: sql`now()`, paymentRef })
      .where(eq(orders.id, id))
      .returning();
    if (!row) throw new Error(`order ${id} vanished while being paid`);
    return row;
  }

  /** Marks pending orders whose deadline passed before `before` expired, and returns them (their stock is to be released). */
  async expirePending(before: Date): Promise<Pick<OrderRow, 'id' | 'productId' | 'quantity'>[]> {
    return this.db
      .update(orders)
      .set({ status: 'expired' })
      .where(and(eq(orders.status, 'pending'), lt(orders.expiresAt, before)))
      .returning({ id: orders.id, productId: orders.productId, quantity: orders.quantity });
  }

  async listBrandOrders(
    brandId: string,
    status: OrderRow['status'] | null,
    limit: number,
    after?: { at: Date; id: string },
  ): Promise<OrderRow[]> {
    const page = keysetBefore(orders.occurredAt, orders.id, after && { key: after.at, id: after.id });
    return this.db
      .select()
      .from(orders)
      .where(and(eq(orders.brandId, brandId), status ? eq(orders.status, status) : undefined, page))
      .orderBy(desc(orders.occurredAt), desc(orders.id))
      .limit(limit);
  }

  async listBuyerOrders(userId: string, limit: number, after?: { at: Date; id: string }): Promise<OrderRow[]> {
    const page = keysetBefore(orders.occurredAt, orders.id, after && { key: after.at, id: after.id });
    return this.db
      .select()
      .from(orders)
      .where(and(eq(orders.userId, userId), page))
      .orderBy(desc(orders.occurredAt), desc(orders.id))
      .limit(limit);
  }

  /**
   * Inserts a refund and adds it to the order's refunded amount. Callers hold the order's row lock and
   * have checked the refund id is new; the unique key still refuses a second one.
   */
  async insertRefund(refund: NewRefund): Promise<RefundRow> {
    const [inserted] = await this.db.insert(orderRefunds).values(refund).returning();
    if (!inserted) throw new Error('insert into order_refunds returned nothing');
    await this.db
      .update(orders)
      .set({ refundedMinor: sql`${orders.refundedMinor} + ${refund.amountMinor}` })
      .where(eq(orders.id, refund.orderId));
    return inserted;
  }

  refundsOf(orderIds: readonly string[]): Promise<RefundRow[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.db.select().from(orderRefunds).where(anyUuid(orderRefunds.orderId, orderIds)).orderBy(orderRefunds.occurredAt);
  }

  async insertAttributions(rows: (typeof orderAttributions.$inferInsert)[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insert(orderAttributions).values(rows).onConflictDoNothing();
  }

  attributionsOf(orderIds: readonly string[]): Promise<AttributionRow[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(orderAttributions)
      .where(anyUuid(orderAttributions.orderId, orderIds))
      .orderBy(orderAttributions.touchedAt);
  }

  /**
   * The buyer's touches of a product between `from` and `to`: clicks on its card in a note, and long
   * views of notes that tag it, each with the buyer's last impression of that note before the touch.
   */
  async touches(userId: string, productId: string, from: Date, to: Date): Promise<TouchRow[]> {
    const result = await this.db.execute(sql`
      WITH touch AS (
        SELECT e.event_id, 'product_click' AS type, e.note_id, n.author_id, e.occurred_at
          FROM interaction_events e JOIN notes n ON n.id = e.note_id
         WHERE e.user_id = ${userId} AND e.type = 'product_click' AND e.product_id = ${productId}
           AND e.occurred_at BETWEEN ${from.toISOString()} AND ${to.toISOString()}
        UNION ALL
        SELECT e.event_id, 'read', e.note_id, n.author_id, e.occurred_at
          FROM interaction_events e
          JOIN notes n ON n.id = e.note_id
          JOIN note_products np ON np.note_id = e.note_id AND np.product_id = ${productId}
         WHERE e.user_id = ${userId} AND e.type = 'view'
           AND e.occurred_at BETWEEN ${from.toISOString()} AND ${to.toISOString()}
           AND ${isReadSql(sql`e.value`, sql`n.kind::text`)}
      )
      SELECT t.event_id, t.type, t.note_id, t.author_id, t.occurred_at, imp.event_id AS impression_id, imp.occurred_at AS impressed_at
        FROM touch t
        LEFT JOIN LATERAL (
          SELECT i.event_id, i.occurred_at FROM interaction_events i
           WHERE i.user_id = ${userId} AND i.note_id = t.note_id AND i.type IN ('impression', 'served')
             AND i.occurred_at <= t.occurred_at AND i.occurred_at >= t.occurred_at - interval '1 day'
           ORDER BY i.occurred_at DESC LIMIT 1
        ) imp ON true`);
    return rowsOf<{
      event_id: string;
      type: TouchRow['type'];
      note_id: string;
      author_id: string;
      occurred_at: string | Date;
      impression_id: string | null;
      impressed_at: string | Date | null;
    }>(result).map((r) => ({
      eventId: r.event_id,
      type: r.type,
      noteId: r.note_id,
      creatorId: r.author_id,
      at: new Date(r.occurred_at),
      impressionEventId: r.impression_id,
      impressedAt: r.impressed_at === null ? null : new Date(r.impressed_at),
    }));
  }

  /** Purchases in the event log that no order records yet, oldest first, with their product's price. */
  async purchasesWithoutOrders(): Promise<
    { eventId: string; userId: string; productId: string; amountMinor: number; priceMinor: number; at: Date }[]
  > {
    const result = await this.db.execute(sql`
      SELECT e.event_id, e.user_id, e.product_id, coalesce(e.value, p.price_minor)::float8 AS amount, p.price_minor::float8 AS price, e.occurred_at
        FROM interaction_events e JOIN products p ON p.id = e.product_id
       WHERE e.type = 'purchase' AND e.user_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.brand_id = p.brand_id AND o.source = 'webhook' AND o.external_id = 'log-' || e.event_id::text)
       ORDER BY e.occurred_at`);
    return rowsOf<{ event_id: string; user_id: string; product_id: string; amount: number; price: number; occurred_at: string | Date }>(
      result,
    ).map((r) => ({
      eventId: r.event_id,
      userId: r.user_id,
      productId: r.product_id,
      amountMinor: Number(r.amount),
      priceMinor: Number(r.price),
      at: new Date(r.occurred_at),
    }));
  }

  /**
   * A product click on this product, by the tracking parameter a shop reports back: who made it (null
   * for an anonymous viewer), or undefined when the event is no such click. event_ids remembers a
   * click's time for the click window, which leads to its month and block range of the log.
   */
  async productClick(eventId: string, productId: string): Promise<{ userId: string | null } | undefined> {
    const result = await this.db.execute(sql`
      SELECT e.user_id FROM event_ids k JOIN interaction_events e ON e.occurred_at = k.occurred_at AND e.event_id = k.event_id
       WHERE k.event_id = ${eventId} AND e.type = 'product_click' AND e.product_id = ${productId}`);
    const row = rowsOf<{ user_id: string | null }>(result)[0];
    return row && { userId: row.user_id };
  }

  /** The brand's signing secrets that verify at `now`: the current one, then the one it replaced while it overlaps. */
  async webhookSecrets(brandId: string, now: Date): Promise<string[]> {
    const [row] = await this.db.select().from(brandWebhookSecrets).where(eq(brandWebhookSecrets.brandId, brandId));
    if (!row) return [];
    const previous = row.previousSecret && row.previousValidUntil && row.previousValidUntil > now ? [row.previousSecret] : [];
    return [row.secret, ...previous];
  }

  /** Makes `secret` the brand's current one; the one it replaces keeps verifying until `previousValidUntil`. */
  async rotateWebhookSecret(brandId: string, secret: string, previousValidUntil: Date): Promise<void> {
    await this.db
      .insert(brandWebhookSecrets)
      .values({ brandId, secret })
      .onConflictDoUpdate({
        target: brandWebhookSecrets.brandId,
        set: { secret, createdAt: new Date(), previousSecret: sql`${brandWebhookSecrets.secret}`, previousValidUntil },
      });
  }

  async upsertSponsorDeal(deal: Omit<SponsorDealRow, 'updatedAt'>): Promise<SponsorDealRow> {
    const [row] = await this.db
      .insert(sponsorDeals)
      .values(deal)
      .onConflictDoUpdate({
        target: sponsorDeals.noteId,
        set: { costMinor: deal.costMinor, currency: deal.currency, brandId: deal.brandId, updatedAt: new Date() },
      })
      .returning();
    if (!row) throw new Error('upsert into sponsor_deals returned nothing');
    return row;
  }
}
