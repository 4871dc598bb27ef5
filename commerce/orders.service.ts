import { authorize, can, type Actor } from '../accounts/policy';
import { loadSubject } from '../accounts/subject';
import type { ProductsService } from '../catalog/products.service';
import { AppError, ErrorCode, errors } from '../core/errors';
import { logPurchase } from '../events/event-log';
import { isUuid, uuidv7 } from '../core/ids';
import { validate } from '../core/validate';
import type { NewOrder, OrderRow, RefundRow } from '../models/repositories/commerce.repository';
import type { ProductRow } from '../models/repositories/products.repository';
import type { BrandRow } from '../models/repositories/users.repository';
import type { Repositories, Transact } from '../models/transaction';
import { attribute, type Attribution, type AttributionWindows, type Touch } from './attribution';
import { checkoutInput, payOrderInput, refundInput, sponsorDealInput, webhookEvent, type WebhookEvent } from './orders.inputs';
import type { PaymentOption, PaymentProvider } from './payments';
import { newWebhookSecret, verifyWebhook } from './webhook-signature';

/** How long past its deadline a pending order waits before expiring: a charge already under way may still complete. */
const PAYMENT_GRACE_MS = 60_000;

/** How long a rotated-out webhook secret still verifies. */
const WEBHOOK_SECRET_OVERLAP_MS = 24 * 3600_000;

export interface WebhookOutcome {
  status: 'created' | 'duplicate';
  orderId: string;
  refundId?: string;
}

type Repos = Pick<Repositories, 'commerce' | 'products' | 'users' | 'notes'>;

/** A past order whose purchase is already in the event log: a shop's history, or the demo world's. */
export interface ImportedOrder {
  externalId: string;
  userId: string;
  productId: string;
  quantity: number;
  amountMinor: number;
  occurredAt: Date;
  refund?: { kind: RefundRow['kind']; amountMinor: number; occurredAt: Date };
}

/**
 * Orders and refunds, from the in-app checkout and from brands' shops (signed webhooks), each
 * attributed to the notes that drove it when it is recorded. Every order also enters the event log
 * as a purchase, which the interest model learns from.
 */
export class OrdersService {
  private readonly repos: Repos;
  private readonly transact: Transact;
  private readonly windows: AttributionWindows;
  /** The catalogue's product cards, which show stock: a checkout that took some forgets its product. */
  private readonly catalog: Pick<ProductsService, 'forgetProducts'> | undefined;
  private readonly payment: { provider: PaymentProvider; ttlMs: number };

  constructor(deps: {
    repos: Repos;
    transact: Transact;
    windows: AttributionWindows;
    payment: { provider: PaymentProvider; ttlMs: number };
    catalog?: Pick<ProductsService, 'forgetProducts'>;
  }) {
    this.repos = deps.repos;
    this.transact = deps.transact;
    this.windows = deps.windows;
    this.payment = deps.payment;
    this.catalog = deps.catalog;
  }

  /**
   * Places an in-app order at the product's current price. It is pending: its units are held for
   * the buyer until it is paid (payOrder, or the brand's shop through its webhook) or expires.
   */
  async checkout(actor: Actor | null, raw: unknown, now = new Date()): Promise<OrderRow> {
    if (!actor) throw errors.unauthenticated('Sign in to buy');
    const input = validate(checkoutInput, raw);
    const product = await this.product(input.productId);
    const externalId = input.idempotencyKey ? `${actor.id}:${input.idempotencyKey}` : uuidv7(now.getTime());
    const earlier = await this.repos.commerce.findOrderByExternalId(product.brandId, 'checkout', externalId);
    if (earlier) return earlier;
    const attribution = await this.attribute(actor.id, product.id, now, input.clickEventId);
    const { order, created } = await this.transact(async (tx) => {
      const placed = await tx.commerce.insertOrder({
        brandId: product.brandId,
        productId: product.id,
        userId: actor.id,
        source: 'checkout',
        externalId,
        quantity: input.quantity,
        amountMinor: product.priceMinor * input.quantity,
        currency: product.currency,
        clickEventId: attribution.credits.some((c) => c.touch.eventId === input.clickEventId) ? (input.clickEventId ?? null) : null,
        attribution: attribution.kind,
        status: 'pending',
        expiresAt: new Date(now.getTime() + this.payment.ttlMs),
        occurredAt: now,
      });
      if (!placed.created) return placed;
      const sold = await tx.products.takeStock(product.id, input.quantity);
      if (!sold) throw errors.conflict(`Only ${product.stock} left in stock`, 'quantity');
      await insertCredits(tx, placed.order, attribution);
      return placed;
    });
    if (created) this.catalog?.forgetProducts(product.id);
    return order;
  }

  /** How the buyer can pay in the app: empty when payment is taken by the brands' shops. */
  paymentOptions(): PaymentOption[] {
    return [...this.payment.provider.options()];
  }

  /**
   * Pays the buyer's own pending order through the payment provider. Paying a paid order again
   * returns it unchanged; an expired order cannot be paid (its units went back on sale).
   */
  async payOrder(actor: Actor | null, raw: unknown, now = new Date()): Promise<OrderRow> {
    if (!actor) throw errors.unauthenticated('Sign in to pay');
    const input = validate(payOrderInput, raw);
    const order = await this.repos.commerce.findOrder(input.orderId);
    if (!order || order.userId !== actor.id || order.source !== 'checkout') throw errors.notFound('Order', input.orderId);
    if (order.status === 'paid') return order;
    if (order.status === 'expired' || (order.expiresAt && order.expiresAt <= now)) throw expired();
    const outcome = await this.payment.provider.charge({
      orderId: order.id,
      amountMinor: order.amountMinor,
      currency: order.currency,
      method: input.method,
    });
    if (outcome.status === 'declined') throw new AppError(ErrorCode.PAYMENT_DECLINED, outcome.reason, 'method');
    const paid = await this.completePayment(order.id, outcome.paymentRef);
    if (!paid) {
      await this.payment.provider.refund(outcome.paymentRef);
      throw expired();
    }
    return paid;
  }

  /**
   * Expires pending orders past their deadline and a grace for payments still in flight, and puts
   * their units back on sale. Returns how many expired.
   */
  async expireUnpaid(now = new Date()): Promise<number> {
    const released = await this.transact(async (tx) => {
      const rows = await tx.commerce.expirePending(new Date(now.getTime() - PAYMENT_GRACE_MS));
      for (const row of rows) await tx.products.releaseStock(row.productId, row.quantity);
      return rows;
    });
    if (released.length > 0) this.catalog?.forgetProducts(...new Set(released.map((r) => r.productId)));
    return released.length;
  }

  /**
   * Records past orders as webhook orders of their product's brand, attributed from the touches in
   * the log, without logging their purchases again. Orders already imported are skipped.
   */
  async importOrders(imported: readonly ImportedOrder[], onProgress: (done: number) => void = () => undefined): Promise<number> {
    const products = new Map((await this.repos.products.findByIds([...new Set(imported.map((o) => o.productId))])).map((p) => [p.id, p]));
    let created = 0;
    for (const [i, item] of imported.entries()) {
      const product = products.get(item.productId);
      if (!product) continue;
      const attribution = await this.attribute(item.userId, product.id, item.occurredAt);
      const fresh = await this.transact(async (tx) => {
        const { order, created: isNew } = await tx.commerce.insertOrder(shopOrder(product, { ...item, clickEventId: null }, attribution));
        if (!isNew) return false;
        await insertCredits(tx, order, attribution);
        if (item.refund) {
          await tx.commerce.insertRefund({ orderId: order.id, externalId: `${item.externalId}-r`, reason: '', ...item.refund });
        }
        return true;
      });
      if (fresh) created += 1;
      if (i % 100 === 99) onProgress(i + 1);
    }
    onProgress(imported.length);
    return created;
  }

  /** A refund or return of an in-app order, by the brand that sold it. */
  async refund(actor: Actor | null, raw: unknown, now = new Date()): Promise<RefundRow> {
    const brand = await this.requireBrand(actor);
    const input = validate(refundInput, raw);
    const order = await this.repos.commerce.findOrder(input.orderId);
    if (!order || order.brandId !== brand.id) throw errors.notFound('Order', input.orderId);
    const externalId = input.idempotencyKey ?? uuidv7(now.getTime());
    return (await this.recordRefund(order.id, externalId, input.kind, input.amountMinor ?? null, input.reason, now)).refund;
  }

  /**
   * An order event from a brand's shop. The body must carry the brand's signature; an order id
   * (or refund id) already recorded is acknowledged again and changes nothing.
   */
  async receiveWebhook(brandId: string, body: Buffer, signature: string | undefined, now = new Date()): Promise<WebhookOutcome> {
    const secrets = isUuid(brandId) ? await this.repos.commerce.webhookSecrets(brandId, now) : [];
    if (secrets.length === 0) throw errors.unauthenticated('This brand has no webhook secret: create one with rotateWebhookSecret');
    const verdicts = secrets.map((secret) => verifyWebhook(secret, body, signature, Math.floor(now.getTime() / 1000)));
    if (!verdicts.includes('ok')) throw errors.unauthenticated(`Bad webhook signature (${verdicts[0]})`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw errors.badInput('The body is not JSON');
    }
    const event = validate(webhookEvent, parsed);
    if (event.type === 'order.paid' && event.checkoutOrderId) return this.shopPaidCheckout(brandId, event);
    if (event.type === 'order.paid') return this.webhookOrder(brandId, event, now);
    const order = await this.repos.commerce.findOrderByExternalId(brandId, 'webhook', event.orderId);
    if (!order) throw errors.notFound('Order', event.orderId);
    const kind = event.type === 'order.returned' ? 'return' : 'refund';
    const at = notAhead(new Date(event.occurredAt), now);
    const { refund, created } = await this.recordRefund(order.id, event.refundId, kind, event.amountMinor, event.reason, at);
    return { status: created ? 'created' : 'duplicate', orderId: order.id, refundId: refund.id };
  }

  /**
   * A new signing secret for the brand's order webhook, shown once. The one it replaces keeps
   * verifying for a day, so a shop's events are not refused while its settings are being changed.
   */
  async rotateWebhookSecret(actor: Actor | null, now = new Date()): Promise<{ brandId: string; secret: string; previousValidUntil: Date }> {
    const brand = await this.requireBrand(actor);
    const secret = newWebhookSecret();
    const previousValidUntil = new Date(now.getTime() + WEBHOOK_SECRET_OVERLAP_MS);
    await this.repos.commerce.rotateWebhookSecret(brand.id, secret, previousValidUntil);
    return { brandId: brand.id, secret, previousValidUntil };
  }

  /** Records what the brand paid for one of its sponsored notes. */
  async setSponsorDeal(actor: Actor | null, raw: unknown) {
    const brand = await this.requireBrand(actor);
    const input = validate(sponsorDealInput, raw);
    const [note] = await this.repos.notes.findByIds([input.noteId]);
    if (!note) throw errors.notFound('Note', input.noteId);
    const [owner] = await this.repos.users.findByIds([brand.ownerId]);
    if (!owner) throw errors.unauthenticated();
    authorize({ ...owner, brandId: brand.id }, 'sponsorDeal.record', note);
    return this.repos.commerce.upsertSponsorDeal({
      noteId: note.id,
      brandId: brand.id,
      costMinor: input.costMinor,
      currency: input.currency,
    });
  }

  /** An order with the touches that earned it and its refunds, for the brand that sold it (and admins). */
  async explain(actor: Actor | null, orderId: string) {
    const account = await loadSubject(this.repos.users, actor);
    const order = isUuid(orderId) ? await this.repos.commerce.findOrder(orderId) : undefined;
    // Another brand's order is not found rather than forbidden: its id alone says nothing.
    if (!order || !can(account, 'order.attribution', order)) throw errors.notFound('Order', orderId);
    return order;
  }

  /** The brand whose console a request reads: the brand account's own, or the one an admin names. */
  async consoleBrand(actor: Actor | null, brandId?: string | null): Promise<BrandRow> {
    if (!brandId) return this.requireBrand(actor);
    const account = await loadSubject(this.repos.users, actor);
    const [brand] = isUuid(brandId) ? await this.repos.users.findBrandsByIds([brandId]) : [];
    if (!brand) throw errors.notFound('Brand', brandId);
    authorize(account, 'analytics.brand', { brandId: brand.id });
    return brand;
  }

  /** Brands whose names contain the words, for an admin switching console; nobody else lists them. */
  async listBrands(actor: Actor | null, nameContains: string, limit: number): Promise<BrandRow[]> {
    authorize(await loadSubject(this.repos.users, actor), 'brands.list', null);
    return this.repos.users.listBrands(nameContains.trim(), Math.min(Math.max(limit, 1), 100));
  }

  listBrandOrders(
    brandId: string,
    status: OrderRow['status'] | null,
    limit: number,
    after?: { at: Date; id: string },
  ): Promise<OrderRow[]> {
    return this.repos.commerce.listBrandOrders(brandId, status, limit, after);
  }

  /** The actor's own purchases; nobody lists another account's. */
  listBuyerOrders(actor: Actor | null, limit: number, after?: { at: Date; id: string }): Promise<OrderRow[]> {
    if (!actor) throw errors.unauthenticated('Sign in to see your orders');
    return this.repos.commerce.listBuyerOrders(actor.id, limit, after);
  }

  attributionsOf(orderIds: readonly string[]) {
    return this.repos.commerce.attributionsOf(orderIds);
  }

  refundsOf(orderIds: readonly string[]) {
    return this.repos.commerce.refundsOf(orderIds);
  }

  async requireBrand(actor: Actor | null): Promise<BrandRow> {
    if (!actor) throw errors.unauthenticated();
    const brand = await this.repos.users.findBrandOwnedBy(actor.id);
    if (!brand) throw errors.forbidden('Only a brand account can do this');
    return brand;
  }

  /** The brand's shop took the payment of an order placed in the app: it becomes paid, once. */
  private async shopPaidCheckout(brandId: string, event: Extract<WebhookEvent, { type: 'order.paid' }>): Promise<WebhookOutcome> {
    const id = event.checkoutOrderId ?? '';
    const order = await this.repos.commerce.findOrder(id);
    if (!order || order.brandId !== brandId || order.source !== 'checkout') throw errors.notFound('Order', id);
    if (order.productId !== event.productId || order.quantity !== event.quantity) {
      throw errors.badInput('productId and quantity must be those of the order placed in the app', 'checkoutOrderId');
    }
    if (order.amountMinor !== event.amountMinor || order.currency !== event.currency) {
      throw errors.badInput(`amountMinor: the order is ${order.amountMinor} ${order.currency}`, 'amountMinor');
    }
    if (order.status === 'paid') return { status: 'duplicate', orderId: order.id };
    const paid = await this.completePayment(order.id, `shop:${event.orderId}`);
    if (!paid) throw expired();
    return { status: 'created', orderId: paid.id };
  }

  /**
   * Marks a charged order paid and logs its purchase, under the order's lock. An order that expired
   * meanwhile is paid only if its units can still be taken; undefined when they cannot.
   */
  private async completePayment(orderId: string, paymentRef: string): Promise<OrderRow | undefined> {
    const result = await this.transact(async (tx) => {
      const order = await tx.commerce.lockOrder(orderId);
      if (!order) throw errors.notFound('Order', orderId);
      if (order.status === 'paid') return { order, retaken: false };
      if (order.status === 'expired' && !(await tx.products.takeStock(order.productId, order.quantity))) return undefined;
      const paid = await tx.commerce.markPaid(order.id, paymentRef);
      const [credited] = (await tx.commerce.attributionsOf([order.id])).filter((a) => a.model !== 'position');
      if (paid.userId) await logPurchase(tx.events, { ...paid, userId: paid.userId }, credited?.noteId ?? null);
      return { order: paid, retaken: order.status === 'expired' };
    });
    if (result?.retaken) this.catalog?.forgetProducts(result.order.productId);
    return result?.order;
  }

  private async webhookOrder(brandId: string, event: Extract<WebhookEvent, { type: 'order.paid' }>, now: Date): Promise<WebhookOutcome> {
    const earlier = await this.repos.commerce.findOrderByExternalId(brandId, 'webhook', event.orderId);
    if (earlier) return { status: 'duplicate', orderId: earlier.id };
    const product = await this.product(event.productId);
    if (product.brandId !== brandId) throw errors.notFound('Product', event.productId);
    if (event.currency !== product.currency) {
      throw errors.badInput(`currency: this product is sold in ${product.currency}, not ${event.currency}`, 'currency');
    }
    const at = notAhead(new Date(event.occurredAt), now);
    const click = event.clickId ? await this.repos.commerce.productClick(event.clickId, product.id) : undefined;
    const clickId = click ? (event.clickId ?? null) : null;
    let buyer = event.userId ?? click?.userId ?? null;
    if (buyer && (await this.repos.users.findByIds([buyer])).length === 0) buyer = null;
    const attribution = buyer ? await this.attribute(buyer, product.id, at, clickId) : { kind: 'organic' as const, credits: [] };
    return this.transact(async (tx) => {
      const { order, created } = await tx.commerce.insertOrder(
        shopOrder(
          product,
          {
            userId: buyer,
            externalId: event.orderId,
            quantity: event.quantity,
            amountMinor: event.amountMinor,
            clickEventId: clickId,
            occurredAt: at,
          },
          attribution,
        ),
      );
      if (created) await recordSale(tx, order, attribution);
      return { status: created ? 'created' : 'duplicate', orderId: order.id };
    });
  }

  private recordRefund(orderId: string, externalId: string, kind: RefundRow['kind'], amount: number | null, reason: string, at: Date) {
    return this.transact(async (tx) => {
      const order = await tx.commerce.lockOrder(orderId);
      if (!order) throw errors.notFound('Order', orderId);
      if (order.status !== 'paid') throw errors.conflict('Only a paid order can be refunded', 'orderId');
      const earlier = await tx.commerce.refundsOf([orderId]);
      const same = earlier.find((r) => r.externalId === externalId);
      if (same) return { refund: same, created: false };
      const left = order.amountMinor - order.refundedMinor;
      const amountMinor = amount ?? left;
      if (amountMinor <= 0 || amountMinor > left) {
        throw errors.conflict(`Only ${left} (minor units) of this order is left to refund`, 'amountMinor');
      }
      return { refund: await tx.commerce.insertRefund({ orderId, externalId, kind, amountMinor, reason, occurredAt: at }), created: true };
    });
  }

  private async product(id: string): Promise<ProductRow> {
    const [product] = await this.repos.products.findByIds([id]);
    if (!product) throw errors.notFound('Product', id);
    return product;
  }

  private async attribute(userId: string, productId: string, at: Date, clickId?: string | null): Promise<Attribution> {
    const lookback = Math.max(this.windows.clickMs, this.windows.viewMs);
    const rows = await this.repos.commerce.touches(userId, productId, new Date(at.getTime() - lookback), at);
    const touches: Touch[] = rows.map((r) => ({
      eventId: r.eventId,
      type: r.type,
      noteId: r.noteId,
      creatorId: r.creatorId,
      at: r.at,
      impression: r.impressionEventId && r.impressedAt ? { eventId: r.impressionEventId, at: r.impressedAt } : null,
    }));
    return attribute(at, touches, this.windows, clickId);
  }
}

/** An order from the product's brand's own shop (in its currency, which the webhook checks). */
function shopOrder(
  product: ProductRow,
  order: Pick<NewOrder, 'userId' | 'externalId' | 'quantity' | 'amountMinor' | 'clickEventId' | 'occurredAt'>,
  attribution: Attribution,
): NewOrder {
  return {
    brandId: product.brandId,
    productId: product.id,
    userId: order.userId,
    source: 'webhook',
    externalId: order.externalId,
    quantity: order.quantity,
    amountMinor: order.amountMinor,
    currency: product.currency,
    clickEventId: order.clickEventId,
    attribution: attribution.kind,
    // The shop reports orders it was paid for.
    status: 'paid',
    occurredAt: order.occurredAt,
  };
}

function expired() {
  return errors.conflict('This order expired before it was paid and its items went back on sale: place it again', 'orderId');
}

/** A shop's clock may run a little fast; more than five minutes ahead is a mistake. */
function notAhead(at: Date, now: Date): Date {
  if (at.getTime() > now.getTime() + 5 * 60_000) throw errors.badInput('occurredAt: is in the future', 'occurredAt');
  return at;
}

/** The attribution rows of a new order, and its purchase event (credited to the note that earned it). */
async function recordSale(tx: Pick<Repositories, 'commerce' | 'events'>, order: OrderRow, attribution: Attribution): Promise<void> {
  await insertCredits(tx, order, attribution);
  const credited = attribution.credits.find((c) => c.model !== 'position');
  if (!order.userId) return;
  await logPurchase(tx.events, { ...order, userId: order.userId }, credited?.touch.noteId ?? null);
}

function insertCredits(tx: Pick<Repositories, 'commerce'>, order: OrderRow, attribution: Attribution): Promise<void> {
  return tx.commerce.insertAttributions(
    attribution.credits.map(({ model, touch, credit }) => ({
      orderId: order.id,
      model,
      touchEventId: touch.eventId,
      touchType: touch.type,
      touchedAt: touch.at,
      noteId: touch.noteId,
      creatorId: touch.creatorId,
      credit,
      impressionEventId: touch.impression?.eventId ?? null,
      impressedAt: touch.impression?.at ?? null,
    })),
  );
}
