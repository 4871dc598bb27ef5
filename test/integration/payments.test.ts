import { sql } from 'drizzle-orm';
import { signWebhook } from '../../commerce/webhook-signature';
import { rowsOf } from '../../core/db';
import { startTestApp, type TestApp } from '../support/harness';
import { createProduct, payOrder, signUp, type Account } from '../support/factories';

// An in-app order is only a sale once paid: until then it holds stock, counts nowhere, and expires.
let app: TestApp;
let brand: Account;
let buyer: Account;
let stranger: Account;
let brandId: string;
let secret: string;
const MINUTE = 60_000;

const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id status expiresAt paidAt } error { code } } }`;
const PAY = `mutation($input: PayOrderInput!) { payOrder(input: $input) { order { id status paidAt } error { code field message } } }`;
const GMV = `query($scope: AnalyticsScope!, $range: DateRange!) {
  analyticsFunnel(scope: $scope, range: $range) { organic { orders gmv { amountMinor } } } }`;

async function checkout(productId: string, quantity = 1) {
  const res = await app.gql(CHECKOUT, { input: { productId, quantity } }, buyer.token);
  const order = res.body.data?.checkout.order;
  if (!order) throw new Error(`checkout failed: ${JSON.stringify(res.body)}`);
  return order as { id: string; status: string; expiresAt: string; paidAt: string | null };
}

async function stock(productId: string): Promise<number> {
  return (await app.gql(`query($id: ID!) { product(id: $id) { stock } }`, { id: productId })).body.data?.product.stock;
}

async function purchases(): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await app.database.db.execute(sql`SELECT count(*)::int AS n FROM interaction_events WHERE type = 'purchase' AND user_id = ${buyer.id}`),
  );
  return rows[0]?.n ?? 0;
}

async function brandGmv() {
  await app.services.rollup.fold();
  const range = { from: new Date(Date.now() - 24 * 3600_000).toISOString(), to: new Date(Date.now() + 24 * 3600_000).toISOString() };
  return (await app.gql(GMV, { scope: { kind: 'BRAND', id: brandId }, range }, brand.token)).body.data?.analyticsFunnel;
}

function shopWebhook(body: object) {
  const raw = JSON.stringify(body);
  return app.http
    .post(`/webhooks/orders/${brandId}`)
    .set('content-type', 'application/json')
    .set('x-seedfeed-signature', signWebhook(secret, raw, Math.floor(Date.now() / 1000)))
    .send(raw);
}

beforeAll(async () => {
  app = await startTestApp({ ANALYTICS_ROLLUP_LAG_MS: '0' });
  [brand, buyer, stranger] = await Promise.all([signUp(app, 'BRAND'), signUp(app), signUp(app)]);
  const rotated = (await app.gql(`mutation { rotateWebhookSecret { brandId secret } }`, {}, brand.token)).body.data?.rotateWebhookSecret;
  brandId = rotated.brandId;
  secret = rotated.secret;
});
afterAll(() => app.close());

describe('paying for in-app orders', () => {
  it('offers the test cards outside production', async () => {
    const res = await app.gql(`{ paymentOptions { method label } }`, {});
    expect(res.body.data?.paymentOptions.map((o: { method: string }) => o.method)).toEqual(['test_card', 'test_card_declined']);
  });

  it('a checkout is pending, holds its units and counts nowhere until paid; then it is a sale, once', async () => {
    const product = await createProduct(app, brand, { priceMinor: 1000, stock: 3 });
    const before = Date.now();
    const order = await checkout(product, 2);
    expect(order.status).toBe('PENDING');
    expect(order.paidAt).toBeNull();
    // Fifteen minutes by default.
    expect(new Date(order.expiresAt).getTime() - before).toBeGreaterThanOrEqual(15 * MINUTE - 1000);
    expect(await stock(product)).toBe(1);
    expect(await purchases()).toBe(0);
    // No note touched this buyer: once paid, the sale is organic.
    expect((await brandGmv()).organic).toEqual({ orders: 0, gmv: { amountMinor: 0 } });

    const declined = await app.gql(PAY, { input: { orderId: order.id, method: 'test_card_declined' } }, buyer.token);
    expect(declined.body.data?.payOrder.error).toMatchObject({ code: 'PAYMENT_DECLINED', field: 'method' });
    const notTheirs = await app.gql(PAY, { input: { orderId: order.id, method: 'test_card' } }, stranger.token);
    expect(notTheirs.body.data?.payOrder.error.code).toBe('NOT_FOUND');
    expect(await purchases()).toBe(0);

    const paid = await app.gql(PAY, { input: { orderId: order.id, method: 'test_card' } }, buyer.token);
    expect(paid.body.data?.payOrder.order).toMatchObject({ id: order.id, status: 'PAID', paidAt: expect.any(String) });
    // Paying again (a retry after a lost answer) changes nothing.
    expect(await payOrder(app, buyer, order.id)).toBe('PAID');
    expect(await purchases()).toBe(1);
    expect((await brandGmv()).organic).toEqual({ orders: 1, gmv: { amountMinor: 2000 } });
  });

  it('an unpaid order expires past its deadline and grace, gives its units back, and can no longer be paid', async () => {
    const product = await createProduct(app, brand, { priceMinor: 500, stock: 2 });
    const order = await checkout(product, 2);
    expect(await stock(product)).toBe(0);
    const deadline = new Date(order.expiresAt).getTime();
    // Inside the grace a payment already under way may still land: nothing expires yet.
    expect(await app.services.orders.expireUnpaid(new Date(deadline + 30_000))).toBe(0);
    expect(await app.services.orders.expireUnpaid(new Date(deadline + 2 * MINUTE))).toBeGreaterThanOrEqual(1);
    expect(await stock(product)).toBe(2);
    const late = await app.gql(PAY, { input: { orderId: order.id, method: 'test_card' } }, buyer.token);
    expect(late.body.data?.payOrder.error).toMatchObject({ code: 'CONFLICT' });
    const listed = await app.gql(`{ viewerOrders(first: 50) { edges { node { id status } } } }`, {}, buyer.token);
    expect(listed.body.data?.viewerOrders.edges).toContainEqual({ node: { id: order.id, status: 'EXPIRED' } });
    const refund = await app.gql(
      `mutation($input: RefundInput!) { refundOrder(input: $input) { error { code } } }`,
      { input: { orderId: order.id } },
      brand.token,
    );
    expect(refund.body.data?.refundOrder.error.code).toBe('CONFLICT');
  });

  it("the brand's shop may take the payment instead: its signed webhook names the app's order, which becomes paid once", async () => {
    const product = await createProduct(app, brand, { priceMinor: 700, stock: 5 });
    const order = await checkout(product, 1);
    const paid = {
      type: 'order.paid',
      orderId: 'SHOP-PAY-1',
      checkoutOrderId: order.id,
      productId: product,
      quantity: 1,
      amountMinor: 700,
      currency: 'CNY',
      occurredAt: new Date().toISOString(),
    };
    expect((await shopWebhook({ ...paid, amountMinor: 1 })).status).toBe(400);
    const first = await shopWebhook(paid);
    expect(first.body).toEqual({ status: 'created', orderId: order.id });
    expect((await shopWebhook(paid)).body).toEqual({ status: 'duplicate', orderId: order.id });
    const row = rowsOf<{ status: string; payment_ref: string }>(
      await app.database.db.execute(sql`SELECT status, payment_ref FROM orders WHERE id = ${order.id}`),
    );
    expect(row).toEqual([{ status: 'paid', payment_ref: 'shop:SHOP-PAY-1' }]);
    expect(await stock(product)).toBe(4);
  });

  it("amounts past 32 bits (one large order, a brand's GMV) come back whole, not null", async () => {
    // 1,000,000 yuan × 30 = 3e9 fen, past GraphQL Int's 2^31 - 1.
    const product = await createProduct(app, brand, { priceMinor: 100_000_000, stock: 30 });
    const order = await checkout(product, 30);
    expect(await payOrder(app, buyer, order.id)).toBe('PAID');
    const listed = await app.gql(`{ brandOrders(first: 1) { edges { node { id amount { amountMinor formatted } } } } }`, {}, brand.token);
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data?.brandOrders.edges[0].node).toEqual({
      id: order.id,
      amount: { amountMinor: 3_000_000_000, formatted: '¥30000000.00' },
    });
    expect((await brandGmv()).organic.gmv.amountMinor).toBeGreaterThanOrEqual(3_000_000_000);
    const tooBig = await app.gql(
      `mutation($p: MinorUnits!) { updateProduct(id: "${product}", input: { priceMinor: $p }) { error { code } } }`,
      {
        p: 2 ** 53,
      },
    );
    expect(tooBig.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a paid-for order that expired meanwhile is paid only if its units can be taken again', async () => {
    const product = await createProduct(app, brand, { priceMinor: 300, stock: 1 });
    const order = await checkout(product, 1);
    await app.services.orders.expireUnpaid(new Date(new Date(order.expiresAt).getTime() + 2 * MINUTE));
    const other = await app.gql(CHECKOUT, { input: { productId: product, quantity: 1 } }, stranger.token);
    expect(other.body.data?.checkout.order.status).toBe('PENDING');
    const body = {
      type: 'order.paid',
      orderId: 'SHOP-LATE',
      checkoutOrderId: order.id,
      productId: product,
      quantity: 1,
      amountMinor: 300,
      currency: 'CNY',
      occurredAt: new Date().toISOString(),
    };
    // The stranger holds the only unit now: the late payment is refused, not oversold.
    expect((await shopWebhook(body)).status).toBe(409);
    expect(await stock(product)).toBe(0);
  });
});

describe("rotating a brand's webhook secret", () => {
  it('keeps the replaced secret verifying for a day, so the shop is not refused while its settings change', async () => {
    const product = await createProduct(app, brand, { priceMinor: 100, stock: 10 });
    const old = secret;
    const rotated = (await app.gql(`mutation { rotateWebhookSecret { secret previousSecretValidUntil } }`, {}, brand.token)).body.data
      ?.rotateWebhookSecret;
    const until = new Date(rotated.previousSecretValidUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(23 * 3600_000);
    const order = (id: string) =>
      JSON.stringify({
        type: 'order.paid',
        orderId: id,
        productId: product,
        quantity: 1,
        amountMinor: 100,
        currency: 'CNY',
        occurredAt: new Date().toISOString(),
      });
    const receive = (body: string, key: string, at: Date) =>
      app.services.orders.receiveWebhook(brandId, Buffer.from(body), signWebhook(key, body, Math.floor(at.getTime() / 1000)), at);
    const now = new Date();
    expect((await receive(order('ROT-OLD'), old, now)).status).toBe('created');
    expect((await receive(order('ROT-NEW'), rotated.secret, now)).status).toBe('created');
    const later = new Date(until + 1000);
    await expect(receive(order('ROT-LATE'), old, later)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await receive(order('ROT-LATE'), rotated.secret, later)).status).toBe('created');
    secret = rotated.secret;
  });
});
