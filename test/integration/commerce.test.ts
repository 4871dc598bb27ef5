import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { signWebhook } from '../../commerce/webhook-signature';
import { rowsOf } from '../../core/db';
import { uuidv7 } from '../../core/ids';
import { RollupRepository } from '../../models/repositories/rollup.repository';
import { EventsRepository, type NewEvent } from '../../models/repositories/events.repository';
import { startTestApp, type TestApp } from '../support/harness';
import { createNote, createProduct, errorCode, payOrder, signUp, type Account } from '../support/factories';

// A small world with answers computed by hand. Day D is the day before yesterday (UTC), so client-style
// events stay within the 7 days the event log accepts, and the latest (hour 30 of D) is in the past at
// any time of today; every event happens at a known hour of D.
const HOUR = 3600_000;
const D = Math.floor(Date.now() / (24 * HOUR)) * 24 * HOUR - 48 * HOUR;
const at = (hours: number) => new Date(D + hours * HOUR);
// Three days, so a test running across midnight still finds today's orders inside.
const RANGE = { from: at(0).toISOString(), to: at(72).toISOString() };

let app: TestApp;
let brandA: Account;
let brandB: Account;
let creator: Account;
let v1: Account;
let v2: Account;
let v3: Account;
let pA: string;
let pB: string;
let n1: string;
let n2: string;
let brandAId: string;
let secret: string;
const ids = { impV1n1: uuidv7(), readV1n1: uuidv7(), click: uuidv7(), readV1n2: uuidv7() };

const FUNNEL = `
  impressions reads engagements likes collects productClicks ctr cvr readRate engagementRate repeatPurchaseRate
  averageOrderValue { amountMinor }
  sales { orders units gmv { amountMinor } refunds refundAmount { amountMinor } netGmv { amountMinor } }
  viewThrough { orders gmv { amountMinor } refunds refundAmount { amountMinor } }
  organic { orders gmv { amountMinor } }
  positionBasedOrders positionBasedGmv { amountMinor }
  sponsored { notes cost { amountMinor } impressions cpm { amountMinor } cpe { amountMinor } roi }`;
const FUNNEL_QUERY = `query($scope: AnalyticsScope!, $range: DateRange!) { analyticsFunnel(scope: $scope, range: $range) { ${FUNNEL} } }`;

function event(type: NewEvent['type'], user: Account, hours: number, extra: Partial<NewEvent> = {}): NewEvent {
  return { eventId: uuidv7(), type, userId: user.id, occurredAt: at(hours), ...extra };
}

async function webhook(brandId: string, body: object, options: { secret?: string; timestamp?: number } = {}) {
  const raw = JSON.stringify(body);
  const signature = signWebhook(options.secret ?? secret, raw, options.timestamp ?? Math.floor(Date.now() / 1000));
  return app.http
    .post(`/webhooks/orders/${brandId}`)
    .set('content-type', 'application/json')
    .set('x-seedfeed-signature', signature)
    .send(raw);
}

async function funnel(scope: { kind: string; id?: string }, token: string, range = RANGE) {
  return app.gql(FUNNEL_QUERY, { scope, range }, token);
}

beforeAll(async () => {
  app = await startTestApp({ ANALYTICS_ROLLUP_LAG_MS: '0' });
  [brandA, brandB, creator, v1, v2, v3] = await Promise.all([
    signUp(app, 'BRAND'),
    signUp(app, 'BRAND'),
    signUp(app, 'CREATOR'),
    signUp(app, 'VIEWER', { interests: ['beauty', 'fashion'] }),
    signUp(app, 'VIEWER', { interests: ['beauty'] }),
    signUp(app),
  ]);
  pA = await createProduct(app, brandA, { priceMinor: 10000, stock: 5, buyUrl: 'https://shop.example.com/p/a?ref=x' });
  pB = await createProduct(app, brandB, { priceMinor: 3000 });
  const rotated = await app.gql(`mutation { rotateWebhookSecret { brandId secret error { code } } }`, {}, brandA.token);
  brandAId = rotated.body.data?.rotateWebhookSecret.brandId;
  secret = rotated.body.data?.rotateWebhookSecret.secret;
  n1 = await createNote(app, creator, { productTags: [{ productId: pA }], sponsorBrandId: brandAId });
  await app.gql(`mutation($id: ID!) { respondToSponsorship(noteId: $id, accept: true) { id } }`, { id: n1 }, brandA.token);
  n2 = await createNote(app, creator, {
    kind: 'VIDEO',
    media: [{ url: 'https://v.example.com/a.mp4', width: 720, height: 1280, durationMs: 30_000 }],
    productTags: [{ productId: pA }, { productId: pB }],
  });

  await new EventsRepository(app.database.db).append([
    // Note 1 (image): three impressions, one read (6 s; 2 s is not one), a like and a collect.
    { ...event('impression', v1, 0.5, { noteId: n1 }), eventId: ids.impV1n1 },
    event('impression', v2, 1, { noteId: n1 }),
    event('impression', v3, 1, { noteId: n1 }),
    { ...event('view', v1, 0.6, { noteId: n1, value: 6 }), eventId: ids.readV1n1 },
    event('view', v2, 1.1, { noteId: n1, value: 2 }),
    event('like', v1, 0.7, { noteId: n1 }),
    event('collect', v2, 1.2, { noteId: n1 }),
    // v1 clicks note 1's product card, then reads note 2 (a video, 60% watched).
    { ...event('product_click', v1, 1, { noteId: n1, productId: pA }), eventId: ids.click },
    event('impression', v1, 1.4, { noteId: n2 }),
    { ...event('view', v1, 1.5, { noteId: n2, value: 0.6 }), eventId: ids.readV1n2 },
    // v2 reads note 2 without clicking (90%), and skims it once more (30%: not a read).
    event('view', v2, 2, { noteId: n2, value: 0.9 }),
    event('view', v2, 2.1, { noteId: n2, value: 0.3 }),
  ]);
});
afterAll(() => app.close());

describe('orders and attribution', () => {
  let checkoutId: string;
  let viewThroughId: string;

  it('a product card click is logged and links to the shop with its tracking parameter', async () => {
    const eventId = uuidv7();
    const res = await app.gql(
      `mutation($input: ProductClickInput!) { clickProduct(input: $input) { url clickId product { id } error { code } } }`,
      { input: { eventId, productId: pB, noteId: n2 } },
      v3.token,
    );
    expect(res.body.data?.clickProduct).toEqual({
      url: `https://shop.example.com/p/1?sf_click=${eventId}`,
      clickId: eventId,
      product: { id: pB },
      error: null,
    });
    const stored = rowsOf(await app.database.db.execute(sql`SELECT 1 FROM interaction_events WHERE event_id = ${eventId}`));
    expect(stored).toHaveLength(1);
  });

  it('a click on a card of a note that does not exist is refused and logs nothing', async () => {
    const res = await app.gql(
      `mutation($input: ProductClickInput!) { clickProduct(input: $input) { url error { code } } }`,
      { input: { eventId: uuidv7(), productId: pA, noteId: randomUUID() } },
      v3.token,
    );
    expect(res.body.data?.clickProduct).toEqual({ url: null, error: { code: 'NOT_FOUND' } });
  });

  it("a click on a product the note does not tag is refused and logs nothing (it would fabricate the note's clicks)", async () => {
    const eventId = uuidv7();
    const res = await app.gql(
      `mutation($input: ProductClickInput!) { clickProduct(input: $input) { url error { code field } } }`,
      { input: { eventId, productId: pB, noteId: n1 } },
      v3.token,
    );
    expect(res.body.data?.clickProduct).toEqual({ url: null, error: { code: 'BAD_USER_INPUT', field: 'productId' } });
    const stored = rowsOf(await app.database.db.execute(sql`SELECT 1 FROM interaction_events WHERE event_id = ${eventId}`));
    expect(stored).toHaveLength(0);
  });

  it('checkout charges the current price, takes stock, and credits the last clicked note', async () => {
    const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) {
      order { id quantity status amount { amountMinor currency } attribution credits { model note { id } credit touchType touchEventId impressionEventId } }
      error { code field } } }`;
    const input = { productId: pA, quantity: 2, idempotencyKey: 'cart-1' };
    // The product card on the note is read through the read cache, which the checkout must make forget it.
    type Tag = { product: { id: string; stock: number } };
    const cardStock = async () =>
      (
        (await app.gql(`query($id: ID!) { note(id: $id) { productTags { product { id stock } } } }`, { id: n1 })).body.data?.note
          .productTags as Tag[]
      ).find((t) => t.product.id === pA)?.product.stock;
    expect(await cardStock()).toBe(5);
    const res = await app.gql(CHECKOUT, { input }, v1.token);
    const receipt = res.body.data?.checkout.order;
    checkoutId = receipt.id;
    // The credits are the selling brand's analytics: the buyer's receipt leaves them out.
    expect(receipt).toMatchObject({
      quantity: 2,
      status: 'PENDING',
      amount: { amountMinor: 20000, currency: 'CNY' },
      attribution: null,
      credits: [],
    });
    const explained = await app.gql(
      `query($id: ID!) { order(id: $id) { attribution credits { model note { id } credit touchType touchEventId impressionEventId } } }`,
      { id: checkoutId },
      brandA.token,
    );
    const order = explained.body.data?.order;
    expect(order).toMatchObject({ attribution: 'CLICK' });
    const lastClick = order.credits.filter((c: { model: string }) => c.model === 'LAST_CLICK');
    expect(lastClick).toEqual([
      {
        model: 'LAST_CLICK',
        note: { id: n1 },
        credit: 1,
        touchType: 'PRODUCT_CLICK',
        touchEventId: ids.click,
        impressionEventId: ids.impV1n1,
      },
    ]);
    // Touches in time order: read of n1 (0.6 h), the click (1 h), read of n2 (1.5 h): 40/20/40.
    const position = order.credits.filter((c: { model: string }) => c.model === 'POSITION');
    expect(position.map((c: { touchEventId: string; credit: number }) => [c.touchEventId, c.credit])).toEqual([
      [ids.readV1n1, 0.4],
      [ids.click, expect.closeTo(0.2, 9)],
      [ids.readV1n2, 0.4],
    ]);

    const again = await app.gql(CHECKOUT, { input }, v1.token);
    expect(again.body.data?.checkout.order.id).toBe(checkoutId);
    const stock = await app.gql(`query($id: ID!) { product(id: $id) { stock } }`, { id: pA });
    expect(stock.body.data?.product.stock).toBe(3);
    expect(await cardStock()).toBe(3);
    const tooMany = await app.gql(CHECKOUT, { input: { productId: pA, quantity: 4 } }, v1.token);
    expect(tooMany.body.data?.checkout.error).toMatchObject({ code: 'CONFLICT', field: 'quantity' });
    // A purchase is what the interest model learns from: it is logged once the order is paid, not before.
    const purchases = async () =>
      rowsOf<{ note_id: string; value: number }>(
        await app.database.db.execute(sql`SELECT note_id, value FROM interaction_events WHERE type = 'purchase' AND user_id = ${v1.id}`),
      );
    expect(await purchases()).toEqual([]);
    expect(await payOrder(app, v1, checkoutId)).toBe('PAID');
    expect(await purchases()).toEqual([{ note_id: n1, value: 20000 }]);
  });

  it('a signed webhook records an order once; a long view without a click earns view-through credit', async () => {
    const body = {
      type: 'order.paid',
      orderId: 'SHOP-1',
      productId: pA,
      quantity: 1,
      amountMinor: 10000,
      currency: 'CNY',
      occurredAt: at(3).toISOString(),
      userId: v2.id,
    };
    const first = await webhook(brandAId, body);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('created');
    viewThroughId = first.body.orderId;
    const again = await webhook(brandAId, body);
    expect(again.body).toEqual({ status: 'duplicate', orderId: viewThroughId });
    const explained = await app.gql(
      `query($id: ID!) { order(id: $id) { attribution source externalId credits { model note { id } touchType } } }`,
      { id: viewThroughId },
      brandA.token,
    );
    expect(explained.body.data?.order).toMatchObject({ attribution: 'VIEW_THROUGH', source: 'WEBHOOK', externalId: 'SHOP-1' });
    expect(explained.body.data?.order.credits).toContainEqual({ model: 'VIEW_THROUGH', note: { id: n2 }, touchType: 'READ' });

    const organic = await webhook(brandAId, {
      ...body,
      orderId: 'SHOP-2',
      amountMinor: 5000,
      userId: undefined,
      occurredAt: at(4).toISOString(),
    });
    expect(organic.body.status).toBe('created');
    const row = rowsOf<{ attribution: string }>(
      await app.database.db.execute(sql`SELECT attribution FROM orders WHERE id = ${organic.body.orderId}`),
    );
    expect(row).toEqual([{ attribution: 'organic' }]);
  });

  it('credits a click exactly 7 days before the order, and not one a millisecond older', async () => {
    const clickedAt = Date.now() - 20 * 24 * HOUR;
    const click = { ...event('product_click', v3, 0, { noteId: n1, productId: pA }), occurredAt: new Date(clickedAt) };
    await new EventsRepository(app.database.db).append([click]);
    const order = (orderId: string, at: number) => ({
      type: 'order.paid',
      orderId,
      productId: pA,
      quantity: 1,
      amountMinor: 10000,
      currency: 'CNY',
      occurredAt: new Date(at).toISOString(),
      userId: v3.id,
    });
    const week = 7 * 24 * HOUR;
    const onEdge = await webhook(brandAId, order('EDGE-IN', clickedAt + week));
    const past = await webhook(brandAId, order('EDGE-OUT', clickedAt + week + 1));
    const kinds = rowsOf<{ external_id: string; attribution: string }>(
      await app.database.db.execute(
        sql`SELECT external_id, attribution FROM orders WHERE id IN (${onEdge.body.orderId}, ${past.body.orderId}) ORDER BY external_id`,
      ),
    );
    expect(kinds).toEqual([
      { external_id: 'EDGE-IN', attribution: 'click' },
      { external_id: 'EDGE-OUT', attribution: 'organic' },
    ]);
  });

  it('refuses forged, stale, unsigned and misdirected webhooks, and changes nothing', async () => {
    const count = async () => rowsOf<{ n: number }>(await app.database.db.execute(sql`SELECT count(*)::int AS n FROM orders`))[0]?.n;
    const before = await count();
    const body = {
      type: 'order.paid',
      orderId: 'FORGED',
      productId: pA,
      quantity: 1,
      amountMinor: 1,
      currency: 'CNY',
      occurredAt: at(5).toISOString(),
    };
    expect((await webhook(brandAId, body, { secret: 'whsec_guess' })).status).toBe(401);
    expect((await webhook(brandAId, body, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    const unsigned = await app.http.post(`/webhooks/orders/${brandAId}`).set('content-type', 'application/json').send(JSON.stringify(body));
    expect(unsigned.status).toBe(401);
    // Signed correctly, but for a brand that has no secret, or about another brand's product.
    expect((await webhook(randomUUID(), body)).status).toBe(401);
    expect((await webhook(brandAId, { ...body, productId: pB })).status).toBe(404);
    expect((await webhook(brandAId, { ...body, currency: 'USD' })).status).toBe(400);
    expect((await webhook(brandAId, { ...body, quantity: 'lots' })).body.error.code).toBe('BAD_USER_INPUT');
    expect((await webhook(brandAId, { nonsense: true })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("lists the brand's orders newest first, a page at a time, and no one else's", async () => {
    const PAGE = `query($after: String) { brandOrders(first: 2, after: $after) { edges { node { externalId occurredAt } } pageInfo { hasNextPage endCursor } } }`;
    const first = await app.gql(PAGE, {}, brandA.token);
    const second = await app.gql(PAGE, { after: first.body.data?.brandOrders.pageInfo.endCursor }, brandA.token);
    const listed = [...first.body.data?.brandOrders.edges, ...second.body.data?.brandOrders.edges].map(
      (e: { node: { occurredAt: string } }) => e.node.occurredAt,
    );
    expect(first.body.data?.brandOrders.pageInfo.hasNextPage).toBe(true);
    expect(listed).toEqual([...listed].sort().reverse());
    expect(new Set(listed).size).toBe(listed.length);
    expect((await app.gql(PAGE, {}, brandB.token)).body.data?.brandOrders.edges).toEqual([]);
    expect(errorCode(await app.gql(PAGE, {}, v1.token))).toBe('FORBIDDEN');
  });

  it("lets an admin open any brand's orders and list the brands; a brand only its own", async () => {
    const admin = await signUp(app, 'VIEWER');
    await app.database.db.execute(sql`UPDATE users SET role = 'admin' WHERE id = ${admin.id}`);
    const ORDERS = `query($brand: ID) { brandOrders(first: 50, status: null, brandId: $brand) { edges { node { id } } } }`;
    const own = (await app.gql(ORDERS, {}, brandA.token)).body.data?.brandOrders.edges;
    expect(own.length).toBeGreaterThan(0);
    expect((await app.gql(ORDERS, { brand: brandAId }, admin.token)).body.data?.brandOrders.edges).toEqual(own);
    expect(errorCode(await app.gql(ORDERS, { brand: brandAId }, brandB.token))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(ORDERS, {}, admin.token))).toBe('FORBIDDEN');
    const ORDER = `query($id: ID!) { order(id: $id) { id attribution } }`;
    expect((await app.gql(ORDER, { id: checkoutId }, admin.token)).body.data?.order).toEqual({ id: checkoutId, attribution: 'CLICK' });
    expect(errorCode(await app.gql(ORDER, { id: checkoutId }, brandB.token))).toBe('NOT_FOUND');

    const BRANDS = `query($q: String) { brands(nameContains: $q, first: 5) { id name } }`;
    const brandAName = (await app.gql(`{ viewer { brand { name } } }`, {}, brandA.token)).body.data?.viewer.brand.name;
    expect((await app.gql(BRANDS, { q: brandAName.toUpperCase() }, admin.token)).body.data?.brands).toEqual([
      { id: brandAId, name: brandAName },
    ]);
    expect(errorCode(await app.gql(BRANDS, { q: '' }, brandA.token))).toBe('FORBIDDEN');
  });

  it('refunds and returns: partial, never beyond what was paid, once per refund id', async () => {
    const REFUND = `mutation($input: RefundInput!) { refundOrder(input: $input) { refund { amount { amountMinor currency formatted } kind } order { refunded { amountMinor } } error { code } } }`;
    const partial = await app.gql(REFUND, { input: { orderId: checkoutId, amountMinor: 5000, idempotencyKey: 'r1' } }, brandA.token);
    expect(partial.body.data?.refundOrder).toMatchObject({
      refund: { amount: { amountMinor: 5000, currency: 'CNY', formatted: '¥50.00' }, kind: 'REFUND' },
      order: { refunded: { amountMinor: 5000 } },
    });
    const retried = await app.gql(REFUND, { input: { orderId: checkoutId, amountMinor: 5000, idempotencyKey: 'r1' } }, brandA.token);
    expect(retried.body.data?.refundOrder.order.refunded.amountMinor).toBe(5000);
    const tooMuch = await app.gql(REFUND, { input: { orderId: checkoutId, amountMinor: 15001 } }, brandA.token);
    expect(tooMuch.body.data?.refundOrder.error.code).toBe('CONFLICT');
    const otherBrand = await app.gql(REFUND, { input: { orderId: checkoutId } }, brandB.token);
    expect(otherBrand.body.data?.refundOrder.error.code).toBe('NOT_FOUND');

    const ret = { type: 'order.returned', orderId: 'SHOP-1', refundId: 'RET-1', amountMinor: 10000, occurredAt: at(30).toISOString() };
    expect((await webhook(brandAId, ret)).body.status).toBe('created');
    expect((await webhook(brandAId, ret)).body.status).toBe('duplicate');
    expect((await webhook(brandAId, { ...ret, refundId: 'RET-2', amountMinor: 1 })).status).toBe(409);
    expect(viewThroughId).toBeDefined();
  });
});

describe('analytics', () => {
  beforeAll(async () => {
    await app.services.rollup.fold();
  });

  it('a sponsor records its deal; no one else can', async () => {
    const DEAL = `mutation($input: SponsorDealInput!) { setSponsorDeal(input: $input) { deal { cost { amountMinor } } error { code } } }`;
    const input = { noteId: n1, costMinor: 50000, currency: 'CNY' };
    expect((await app.gql(DEAL, { input }, brandB.token)).body.data?.setSponsorDeal.error.code).toBe('FORBIDDEN');
    expect((await app.gql(DEAL, { input }, brandA.token)).body.data?.setSponsorDeal.deal).toEqual({ cost: { amountMinor: 50000 } });
  });

  it('the brand funnel adds up to the hand-computed figures', async () => {
    const res = await funnel({ kind: 'BRAND', id: brandAId }, brandA.token);
    expect(res.body.errors).toBeUndefined();
    const f = res.body.data?.analyticsFunnel;
    expect(f).toMatchObject({
      impressions: 4,
      reads: 3,
      engagements: 2,
      likes: 1,
      collects: 1,
      productClicks: 1,
      ctr: 0.25,
      cvr: 1,
      readRate: 0.75,
      engagementRate: 0.5,
      repeatPurchaseRate: 0,
      sales: {
        orders: 1,
        units: 2,
        gmv: { amountMinor: 20000 },
        refunds: 1,
        refundAmount: { amountMinor: 5000 },
        netGmv: { amountMinor: 15000 },
      },
      viewThrough: { orders: 1, gmv: { amountMinor: 10000 }, refunds: 1, refundAmount: { amountMinor: 10000 } },
      organic: { orders: 1, gmv: { amountMinor: 5000 } },
      averageOrderValue: { amountMinor: 11667 },
      // Note 1 cost 500.00: 3 impressions, 2 engagements, last-click GMV 200.00 less 50.00 refunded.
      sponsored: {
        notes: 1,
        cost: { amountMinor: 50000 },
        impressions: 3,
        cpm: { amountMinor: 16666667 },
        cpe: { amountMinor: 25000 },
        roi: -0.7,
      },
    });
    // The checkout's three touches and the view-through order's one.
    expect(f.positionBasedOrders).toBeCloseTo(2, 9);
    expect(f.positionBasedGmv.amountMinor).toBe(30000);
  });

  it("a brand scope without an id is the signed-in brand's own, and only a brand account has one", async () => {
    const own = await funnel({ kind: 'BRAND' }, brandA.token);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data?.analyticsFunnel).toEqual(
      (await funnel({ kind: 'BRAND', id: brandAId }, brandA.token)).body.data?.analyticsFunnel,
    );
    const brandBId = (await app.gql(`{ viewer { brand { id } } }`, {}, brandB.token)).body.data?.viewer.brand.id;
    const other = await funnel({ kind: 'BRAND' }, brandB.token);
    expect(other.body.data?.analyticsFunnel).toEqual(
      (await funnel({ kind: 'BRAND', id: brandBId }, brandB.token)).body.data?.analyticsFunnel,
    );
    expect(other.body.data?.analyticsFunnel).not.toEqual(own.body.data?.analyticsFunnel);
    expect(errorCode(await funnel({ kind: 'BRAND' }, creator.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await funnel({ kind: 'NOTE' }, creator.token))).toBe('BAD_USER_INPUT');
  });

  it('a brand sees only its own numbers', async () => {
    expect(errorCode(await funnel({ kind: 'BRAND', id: brandAId }, brandB.token))).toBe('FORBIDDEN');
    expect(errorCode(await funnel({ kind: 'PRODUCT', id: pA }, brandB.token))).toBe('FORBIDDEN');
    expect(errorCode(await funnel({ kind: 'NOTE', id: n1 }, brandB.token))).toBe('FORBIDDEN');
    expect(errorCode(await funnel({ kind: 'CREATOR', id: creator.id }, brandB.token))).toBe('FORBIDDEN');
    expect(errorCode(await funnel({ kind: 'CREATOR', id: creator.id }, v3.token))).toBe('FORBIDDEN');
    expect(errorCode(await funnel({ kind: 'BRAND', id: brandAId }, ''))).toBe('UNAUTHENTICATED');
    // Note 2 tags a product of each brand: brand B sees the note's audience, but only its own sales.
    const shared = await funnel({ kind: 'NOTE', id: n2 }, brandB.token);
    expect(shared.body.data?.analyticsFunnel).toMatchObject({ impressions: 1, reads: 2, productClicks: 1, viewThrough: { orders: 0 } });
    const own = await funnel({ kind: 'NOTE', id: n2 }, creator.token);
    expect(own.body.data?.analyticsFunnel).toMatchObject({ productClicks: 1, viewThrough: { orders: 1 } });
  });

  it('the creator funnel and the per-product top lists', async () => {
    const res = await funnel({ kind: 'CREATOR', id: creator.id }, creator.token);
    expect(res.body.data?.analyticsFunnel).toMatchObject({
      impressions: 4,
      reads: 3,
      sales: { orders: 1 },
      viewThrough: { orders: 1 },
      organic: { orders: 0 },
    });
    const top = await app.gql(
      `query($id: ID!, $range: DateRange!) {
        productTopNotes(productId: $id, range: $range) { note { id } funnel { impressions sales { orders gmv { amountMinor } } } }
        productTopCreators(productId: $id, range: $range) { creator { id } funnel { sales { orders } } } }`,
      { id: pA, range: RANGE },
      brandA.token,
    );
    expect(top.body.errors).toBeUndefined();
    expect(top.body.data?.productTopNotes[0]).toEqual({
      note: { id: n1 },
      funnel: { impressions: 3, sales: { orders: 1, gmv: { amountMinor: 20000 } } },
    });
    expect(top.body.data?.productTopCreators).toEqual([{ creator: { id: creator.id }, funnel: { sales: { orders: 1 } } }]);
  });

  it('series by day and by hour, the audience mix, and CSV', async () => {
    const series = await app.gql(
      `query($scope: AnalyticsScope!, $range: DateRange!, $hours: DateRange!) {
        days: analyticsSeries(scope: $scope, range: $range) { at funnel { impressions reads } }
        hours: analyticsSeries(scope: $scope, range: $hours, interval: HOUR) { at funnel { impressions } } }`,
      { scope: { kind: 'NOTE', id: n1 }, range: RANGE, hours: { from: at(0).toISOString(), to: at(24).toISOString() } },
      creator.token,
    );
    expect(series.body.data?.days).toEqual([
      { at: at(0).toISOString(), funnel: { impressions: 3, reads: 1 } },
      { at: at(24).toISOString(), funnel: { impressions: 0, reads: 0 } },
      { at: at(48).toISOString(), funnel: { impressions: 0, reads: 0 } },
    ]);
    const hours = series.body.data?.hours;
    expect(hours).toHaveLength(24);
    expect(hours.slice(0, 3).map((h: { funnel: { impressions: number } }) => h.funnel.impressions)).toEqual([1, 2, 0]);

    const topics = await app.gql(
      `query($scope: AnalyticsScope!, $range: DateRange!) { audienceTopics(scope: $scope, range: $range) { topic reads share } }`,
      { scope: { kind: 'PRODUCT', id: pA }, range: RANGE },
      brandA.token,
    );
    // Reads by v1 (beauty, fashion) twice and by v2 (beauty) once.
    expect(topics.body.data?.audienceTopics).toEqual([
      { topic: 'beauty', reads: 3, share: 0.6 },
      { topic: 'fashion', reads: 2, share: 0.4 },
    ]);

    const csv = await app.gql(
      `query($scope: AnalyticsScope!, $range: DateRange!) { analyticsCsv(table: TOP_NOTES, scope: $scope, range: $range) { filename csv } }`,
      { scope: { kind: 'PRODUCT', id: pA }, range: RANGE },
      brandA.token,
    );
    const lines = csv.body.data?.analyticsCsv.csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^note_id,impressions,reads,anonymous_impressions,anonymous_reads,engagements,/);
    expect(lines[1]).toMatch(new RegExp(`^${n1},3,1,0,0,2,`));
  });

  it("a brand's top notes and creators, and each sponsored deal's figures", async () => {
    const res = await app.gql(
      `query($scope: AnalyticsScope!, $range: DateRange!) {
        topNotes(scope: $scope, range: $range) { note { id } funnel { sales { orders gmv { amountMinor } } } }
        topCreators(scope: $scope, range: $range) { creator { id } funnel { sales { orders } } }
        sponsorDeals(range: $range) { note { id } cost { amountMinor } impressions engagements gmv { amountMinor } cpm { amountMinor } cpe { amountMinor } roi } }`,
      { scope: { kind: 'BRAND', id: brandAId }, range: RANGE },
      brandA.token,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.topNotes[0]).toEqual({ note: { id: n1 }, funnel: { sales: { orders: 1, gmv: { amountMinor: 20000 } } } });
    expect(res.body.data?.topCreators).toEqual([{ creator: { id: creator.id }, funnel: { sales: { orders: 1 } } }]);
    // The one deal is the whole of the funnel's sponsored figures above.
    expect(res.body.data?.sponsorDeals).toEqual([
      {
        note: { id: n1 },
        cost: { amountMinor: 50000 },
        impressions: 3,
        engagements: 2,
        gmv: { amountMinor: 20000 },
        cpm: { amountMinor: 16666667 },
        cpe: { amountMinor: 25000 },
        roi: -0.7,
      },
    ]);
    const others = `query($r: DateRange!, $b: ID) { sponsorDeals(range: $r, brandId: $b) { cost { amountMinor } } }`;
    expect((await app.gql(others, { r: RANGE }, brandB.token)).body.data?.sponsorDeals).toEqual([]);
    expect(errorCode(await app.gql(others, { r: RANGE, b: brandAId }, brandB.token))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(others, { r: RANGE }, creator.token))).toBe('FORBIDDEN');
  });

  it("counts a creator's new followers over a range, for the creator only", async () => {
    const GAIN = `query($id: ID!, $range: DateRange!) { followerGain(creatorId: $id, range: $range) }`;
    const gain = async (token: string) => (await app.gql(GAIN, { id: creator.id, range: RANGE }, token)).body.data?.followerGain;
    const before = await gain(creator.token);
    const fan = await signUp(app);
    await app.gql(`mutation($id: ID!) { follow(userId: $id) { id } }`, { id: creator.id }, fan.token);
    expect(await gain(creator.token)).toBe(before + 1);
    const earlier = { from: at(-48).toISOString(), to: at(0).toISOString() };
    expect((await app.gql(GAIN, { id: creator.id, range: earlier }, creator.token)).body.data?.followerGain).toBe(0);
    await app.gql(`mutation($id: ID!) { unfollow(userId: $id) { id } }`, { id: creator.id }, fan.token);
    expect(await gain(creator.token)).toBe(before);
    expect(errorCode(await app.gql(GAIN, { id: creator.id, range: RANGE }, brandA.token))).toBe('FORBIDDEN');
  });

  it('downloads tables as CSV files that Excel opens, with the figures of the API and its access rules', async () => {
    const query = { table: 'top_notes', scope: 'brand', id: brandAId, from: RANGE.from, to: RANGE.to };
    const file = await app.http.get('/exports/analytics.csv').query(query).set('authorization', `Bearer ${brandA.token}`).buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="top_notes-brand-[0-9a-f-]+-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const same = await app.gql(
      `query($s: AnalyticsScope!, $r: DateRange!) { analyticsCsv(table: TOP_NOTES, scope: $s, range: $r) { csv } }`,
      { s: { kind: 'BRAND', id: brandAId }, r: RANGE },
      brandA.token,
    );
    expect(file.text.slice(1)).toBe(same.body.data?.analyticsCsv.csv);

    const orders = await app.http
      .get('/exports/orders.csv')
      .query({ status: 'all' })
      .set('authorization', `Bearer ${brandA.token}`)
      .buffer(true);
    expect(orders.status).toBe(200);
    const lines = orders.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'order_id,occurred_at,status,paid_at,product_id,quantity,amount_minor,refunded_minor,currency,attribution,source,external_id',
    );
    const listed = await app.gql(`{ brandOrders(first: 50, status: null) { edges { node { id } } } }`, {}, brandA.token);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
      listed.body.data?.brandOrders.edges.map((e: { node: { id: string } }) => e.node.id),
    );

    const refused = (req: ReturnType<typeof app.http.get>) => req.then((r) => [r.status, r.body.error?.code]);
    expect(await refused(app.http.get('/exports/analytics.csv').query(query))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await refused(app.http.get('/exports/analytics.csv').query(query).set('authorization', `Bearer ${brandB.token}`))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    expect(
      await refused(
        app.http
          .get('/exports/analytics.csv')
          .query({ ...query, table: 'users' })
          .set('authorization', `Bearer ${brandA.token}`),
      ),
    ).toEqual([400, 'BAD_USER_INPUT']);
    expect(
      await refused(
        app.http
          .get('/exports/analytics.csv')
          .query({ ...query, from: 'soon' })
          .set('authorization', `Bearer ${brandA.token}`),
      ),
    ).toEqual([400, 'BAD_USER_INPUT']);
    expect(await refused(app.http.get('/exports/orders.csv').set('authorization', `Bearer ${v1.token}`))).toEqual([403, 'FORBIDDEN']);
  });

  it('answers bad analytics input with BAD_USER_INPUT', async () => {
    const scope = { kind: 'BRAND', id: brandAId };
    const backwards = await funnel(scope, brandA.token, { from: RANGE.to, to: RANGE.from });
    expect(backwards.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'range' });
    expect(errorCode(await funnel({ kind: 'BRAND', id: 'nope' }, brandA.token))).toBe('BAD_USER_INPUT');
    const decade = await funnel(scope, brandA.token, { from: '2016-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(errorCode(decade)).toBe('BAD_USER_INPUT');
    const currency = await app.gql(
      `query($s: AnalyticsScope!, $r: DateRange!) { analyticsFunnel(scope: $s, range: $r, currency: "'; DROP") { impressions } }`,
      { s: scope, r: RANGE },
      brandA.token,
    );
    expect(errorCode(currency)).toBe('BAD_USER_INPUT');
    const hours = await app.gql(
      `query($s: AnalyticsScope!, $r: DateRange!) { analyticsSeries(scope: $s, range: $r, interval: HOUR) { at } }`,
      { s: scope, r: { from: at(0).toISOString(), to: at(24 * 8).toISOString() } },
      brandA.token,
    );
    expect(errorCode(hours)).toBe('BAD_USER_INPUT');
    const csv = await app.gql(
      `query($s: AnalyticsScope!, $r: DateRange!) { analyticsCsv(table: TOP_NOTES, scope: $s, range: $r) { csv } }`,
      { s: { kind: 'NOTE', id: n1 }, r: RANGE },
      creator.token,
    );
    expect(errorCode(csv)).toBe('BAD_USER_INPUT');
  });

  it('refuses an oversized webhook body before reading it as an order', async () => {
    const res = await app.http
      .post(`/webhooks/orders/${brandAId}`)
      .set('content-type', 'application/json')
      .set('x-seedfeed-signature', 't=1,v1=00')
      .send('x'.repeat(100_000));
    expect(res.status).toBe(413);
  });

  it('incremental folds agree with a full recomputation, late events included', async () => {
    const events = new EventsRepository(app.database.db);
    await events.append([event('impression', v3, 5, { noteId: n2 }), event('view', v3, 5.1, { noteId: n2, value: 1 })]);
    await app.services.rollup.fold();
    // An event that happened yesterday but arrives now, and another order and refund.
    await events.append([event('like', v3, 2, { noteId: n2 }), event('product_click', v3, 5.2, { noteId: n2, productId: pA })]);
    const late = await webhook(brandAId, {
      type: 'order.paid',
      orderId: 'SHOP-3',
      productId: pA,
      quantity: 1,
      amountMinor: 10000,
      currency: 'CNY',
      occurredAt: at(6).toISOString(),
      userId: v3.id,
    });
    await webhook(brandAId, {
      type: 'order.refunded',
      orderId: 'SHOP-3',
      refundId: 'R-3',
      amountMinor: 2500,
      occurredAt: at(7).toISOString(),
    });
    expect(late.body.status).toBe('created');
    await app.services.rollup.fold();
    await app.services.rollup.fold();

    const rollups = new RollupRepository(app.database.db);
    const incremental = normalise(await rollups.snapshot());
    await app.services.rollup.rebuild();
    expect(normalise(await rollups.snapshot())).toEqual(incremental);
    const f = await funnel({ kind: 'BRAND', id: brandAId }, brandA.token);
    expect(f.body.data?.analyticsFunnel).toMatchObject({ impressions: 5, productClicks: 2, sales: { orders: 2, refunds: 2 } });
  });
});

/** Rollup rows with floating credit sums rounded: adding in another order may change the last bit. */
function normalise(snapshot: unknown): unknown {
  return JSON.parse(JSON.stringify(snapshot), (_key, value: unknown) =>
    typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value,
  );
}
