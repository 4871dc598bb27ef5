import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../core/ids';
import { axeViolations, describeViolations, launchBrowser, openPage, screenshot, waitInPage } from '../support/browser';
import { closeWorld } from '../support/e2e-world';
import { createNote, createProduct, payOrder, signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { repositoriesFor } from '../../models/transaction';

// The brand console in Chromium against the real API: a brand whose products two notes tag, viewers who see, read,
// click and buy (by click, after a read only, and with no note at all), a refund, and a second brand whose order and
// product the first must not open. The rollup is folded by hand once the world is built, as the worker would.
const HOUR = 3_600_000;
const CHARTS = ['chart-funnel', 'chart-series', 'chart-attribution', 'chart-topics'];
const FUNNEL = `query($scope: AnalyticsScope!, $range: DateRange!) {
  analyticsFunnel(scope: $scope, range: $range) {
    impressions reads engagements productClicks
    sales { orders gmv { amountMinor } refunds }
    viewThrough { orders }
    organic { orders }
  }
}`;

let app: TestApp;
let base: string;
let browser: Browser;
let brand: Account;
let brandId: string;
let creator: Account;
let viewer: Account;
let otherProductId: string;
let otherOrderId: string;
let clickOrderId: string;

async function gqlData(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> {
  const res = await app.gql(query, variables, token);
  if (!res.body.data || res.body.errors) throw new Error(JSON.stringify(res.body));
  return res.body.data;
}

async function recordEvents(account: Account, events: Record<string, unknown>[]): Promise<void> {
  const data = await gqlData(
    `mutation($events: [EventInput!]!) { recordEvents(events: $events) { accepted rejected { code message } } }`,
    { events: events.map((event) => ({ eventId: uuidv7(), ...event })) },
    account.token,
  );
  if (data.recordEvents.rejected.length > 0) throw new Error(JSON.stringify(data.recordEvents.rejected));
}

async function click(buyer: Account, productId: string, noteId: string): Promise<string> {
  const data = await gqlData(
    `mutation($input: ProductClickInput!) { clickProduct(input: $input) { clickId error { code message } } }`,
    { input: { eventId: uuidv7(), productId, noteId } },
    buyer.token,
  );
  return data.clickProduct.clickId;
}

/** An in-app order paid with the test card; its id. */
async function buy(buyer: Account, productId: string, quantity: number, clickEventId?: string): Promise<string> {
  const data = await gqlData(
    `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } error { code message } } }`,
    { input: { productId, quantity, clickEventId } },
    buyer.token,
  );
  const id = data.checkout.order?.id;
  if (!id) throw new Error(JSON.stringify(data.checkout));
  expect(await payOrder(app, buyer, id)).toBe('PAID');
  return id;
}

async function funnel(range: { from: string; to: string }) {
  return (await gqlData(FUNNEL, { scope: { kind: 'BRAND', id: brandId }, range }, brand.token)).analyticsFunnel;
}

/** The range the dashboard shows now, as it says on its section. */
async function shownRange(page: Page): Promise<{ from: string; to: string }> {
  const section = page.getByTestId('console-dashboard');
  return { from: (await section.getAttribute('data-from')) ?? '', to: (await section.getAttribute('data-to')) ?? '' };
}

/** Painted (non-transparent) pixels of each chart's canvas, by test id. */
function paintedPixels(page: Page): Promise<Record<string, number>> {
  // A string, not a function: the test transpiler's helpers do not exist in the page.
  return page.evaluate<Record<string, number>>(`Object.fromEntries(${JSON.stringify(CHARTS)}.map((id) => {
    const canvas = document.querySelector('[data-testid="' + id + '"] canvas');
    if (!canvas || canvas.width === 0 || canvas.height === 0) return [id, 0];
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted += 1;
    return [id, painted];
  }))`);
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(describeViolations(await axeViolations(page))).toEqual([]);
}

beforeAll(async () => {
  app = await startTestApp({
    ANALYTICS_ROLLUP_LAG_MS: '0',
    FEED_EXPERIMENT: JSON.stringify({ name: 'purchase-weight', since: '2026-01-01T00:00:00Z', b: { weights: { purchase: 10 } } }),
  });
  base = await app.listen();
  let other: Account;
  const viewers: Account[] = [];
  [brand, other, creator, viewer] = await Promise.all([signUp(app, 'BRAND'), signUp(app, 'BRAND'), signUp(app, 'CREATOR'), signUp(app)]);
  for (let n = 0; n < 6; n += 1) viewers.push(await signUp(app, 'VIEWER', { interests: n % 2 ? ['beauty'] : ['beauty', 'fashion'] }));
  const [v1, v2, v3, v4, early1, early2] = viewers as [Account, Account, Account, Account, Account, Account];
  brandId = (await gqlData(`query { viewer { brand { id } } }`, {}, brand.token)).viewer.brand.id;

  const lipstick = await createProduct(app, brand, { title: '丝绒雾面口红', priceMinor: 19900, stock: 50 });
  const palette = await createProduct(app, brand, { title: '四色眼影盘', priceMinor: 25900, stock: 50 });
  otherProductId = await createProduct(app, other, { title: '别家的面霜', priceMinor: 9900 });
  const review = await createNote(app, creator, { title: '秋冬口红试色', productTags: [{ productId: lipstick }], sponsorBrandId: brandId });
  await gqlData(`mutation($id: ID!) { respondToSponsorship(noteId: $id, accept: true) { id } }`, { id: review }, brand.token);
  const haul = await createNote(app, creator, { title: '本月彩妆空瓶', productTags: [{ productId: lipstick }, { productId: palette }] });

  // Seen and read today, and by two earlier viewers four days ago: outside the last 48 hours, inside 7 days.
  const now = Date.now();
  const ago = (ms: number) => new Date(now - ms).toISOString();
  for (const account of [v1, v2, v3, v4])
    await recordEvents(account, [
      { type: 'IMPRESSION', noteId: review, occurredAt: ago(HOUR) },
      { type: 'VIEW', noteId: review, value: 8, occurredAt: ago(HOUR - 60_000) },
      { type: 'IMPRESSION', noteId: haul, occurredAt: ago(HOUR / 2) },
    ]);
  await recordEvents(v3, [{ type: 'VIEW', noteId: haul, value: 12, occurredAt: ago(HOUR / 2 - 60_000) }]);
  for (const account of [early1, early2])
    await recordEvents(account, [
      { type: 'IMPRESSION', noteId: review, occurredAt: ago(96 * HOUR) },
      { type: 'VIEW', noteId: review, value: 9, occurredAt: ago(96 * HOUR - 60_000) },
    ]);

  // A click and its order, a second click bought twice and partly refunded, a read-only buyer, and one no note touched.
  clickOrderId = await buy(v1, lipstick, 1, await click(v1, lipstick, review));
  const refunded = await buy(v2, lipstick, 2, await click(v2, lipstick, haul));
  await gqlData(
    `mutation($input: RefundInput!) { refundOrder(input: $input) { refund { id } error { code message } } }`,
    { input: { orderId: refunded, amountMinor: 5000 } },
    brand.token,
  );
  await buy(v3, palette, 1);
  await buy(viewer, palette, 1);
  otherOrderId = await buy(v4, otherProductId, 1);
  await app.services.rollup.fold();
  browser = await launchBrowser();
}, 300_000);

afterAll(() => closeWorld({ browser, app }));

it('draws every chart of the dashboard, changes its figures with the range, and downloads the funnel as the API counts it', async () => {
  const { context, page, problems } = await openPage(browser, { token: brand.token, viewport: { width: 1280, height: 1000 } });
  await page.goto(`${base}/console`);
  await page.getByTestId('console-dashboard').waitFor();
  await page.getByTestId('kpi-impressions').waitFor();
  await waitInPage(page, `document.querySelectorAll('[data-testid^="chart-"] canvas').length === ${CHARTS.length}`);
  // Each chart has drawn once its canvas holds a good number of painted pixels.
  for (const deadline = Date.now() + 15_000; ; await page.waitForTimeout(100)) {
    const painted = await paintedPixels(page);
    if (CHARTS.every((id) => (painted[id] ?? 0) > 1000)) break;
    if (Date.now() > deadline) throw new Error(`charts not drawn: ${JSON.stringify(painted)}`);
  }
  expect(await page.getByText('UTC').first().isVisible()).toBe(true);

  const month = await funnel(await shownRange(page));
  expect(month.impressions).toBe(10);
  expect(await page.getByTestId('kpi-impressions').locator('dd').textContent()).toBe('10');
  expect(await page.getByTestId('kpi-orders').locator('dd').textContent()).toBe(String(month.sales.orders));
  expect(await page.getByTestId('top-notes').locator('tbody tr').count()).toBe(2);
  await expectNoSeriousViolations(page);
  await screenshot(page, 'console-dashboard');

  // The last 48 hours, by hour: the early viewers' impressions drop out.
  await page.getByTestId('range-48h').click();
  await page.locator('[data-testid="kpi-impressions"] dd', { hasText: /^8$/ }).waitFor();
  const recent = await shownRange(page);
  expect(Date.parse(recent.to) - Date.parse(recent.from)).toBe(48 * HOUR);
  expect((await funnel(recent)).impressions).toBe(8);
  expect(await page.getByTestId('chart-series').getAttribute('aria-label')).toBe('每小时 GMV 与订单');

  await page.getByTestId('range-90d').click();
  await page.locator('[data-testid="kpi-impressions"] dd', { hasText: /^10$/ }).waitFor();
  expect(await page.getByTestId('chart-series').getAttribute('aria-label')).toBe('每日 GMV 与订单');
  await page.getByTestId('range-30d').click();
  await page.locator('[data-testid="range-30d"][aria-pressed="true"]').waitFor();
  // The file is the range shown now: what the API counts for that range.
  const counted = await funnel(await shownRange(page));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-funnel').click()]);
  expect(download.suggestedFilename()).toMatch(/^funnel-brand-.+\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, values] = bytes
    .toString('utf8')
    .slice(1)
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
  const row = Object.fromEntries((header ?? []).map((name, i) => [name, values?.[i]]));
  expect({
    impressions: Number(row.impressions),
    reads: Number(row.reads),
    engagements: Number(row.engagements),
    productClicks: Number(row.product_clicks),
    orders: Number(row.orders),
    gmvMinor: Number(row.gmv_minor),
    refunds: Number(row.refunds),
    viewThrough: Number(row.view_through_orders),
    organic: Number(row.organic_orders),
  }).toEqual({
    impressions: counted.impressions,
    reads: counted.reads,
    engagements: counted.engagements,
    productClicks: counted.productClicks,
    orders: counted.sales.orders,
    gmvMinor: counted.sales.gmv.amountMinor,
    refunds: counted.sales.refunds,
    viewThrough: counted.viewThrough.orders,
    organic: counted.organic.orders,
  });
  expect(month).toMatchObject({ productClicks: 2, sales: { orders: 2, refunds: 1 }, viewThrough: { orders: 1 }, organic: { orders: 1 } });
  expect(problems).toEqual([]);
  await context.close();
});

it("explains a click-attributed order: its credits and the evidence from the buyer's impression to the purchase", async () => {
  const { context, page, problems } = await openPage(browser, { token: brand.token });
  await page.goto(`${base}/console/orders`);
  await page.locator(`[data-testid="brand-order-row"][data-order-id="${clickOrderId}"] a`).click();
  await page.waitForURL(`${base}/console/orders/${clickOrderId}`);
  await page.getByTestId('evidence-timeline').waitFor();
  expect(await page.getByTestId('order-attribution').textContent()).toBe('点击归因');
  const kinds = await page.getByTestId('evidence').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
  // The buyer saw the note, read it, then tapped its product card: the read is a touch of the position-based model.
  expect(kinds).toEqual(['impression', 'read', 'click', 'order']);
  expect(await page.locator('[data-kind="click"]').textContent()).toContain('秋冬口红试色');
  await page.getByTestId('credits-LAST_CLICK').waitFor();
  await page.getByTestId('credits-POSITION').waitFor();
  await expectNoSeriousViolations(page);
  await screenshot(page, 'console-attribution');
  expect(problems).toEqual([]);
  await context.close();
});

it("says 'no access' to another brand's order and product, and to viewers and creators opening the console", async () => {
  const refused = await app.gql(`query($id: ID!) { order(id: $id) { id } }`, { id: otherOrderId }, brand.token);
  expect(refused.body.data?.order ?? null).toBeNull();

  const { context, page } = await openPage(browser, { token: brand.token });
  await page.goto(`${base}/console/orders/${otherOrderId}`);
  await page.getByTestId('no-access').waitFor();
  await page.goto(`${base}/console/products/${otherProductId}`);
  await page.getByTestId('no-access').waitFor();
  expect(await page.getByTestId('product-form').count()).toBe(0);
  await context.close();

  for (const account of [viewer, creator]) {
    const opened = await openPage(browser, { token: account.token });
    await opened.page.goto(`${base}/console`);
    await opened.page.getByTestId('no-access').waitFor();
    expect(await opened.page.getByTestId('console').count()).toBe(0);
    expect(opened.problems).toEqual([]);
    await opened.context.close();
  }
});

it("creates a product: a bad price is refused with the API's message beside the field, a good one is saved", async () => {
  const refusal = await app.gql(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { error { message field } } }`,
    { input: { title: 'x', priceMinor: -100, currency: 'CNY', category: 'beauty', stock: 1, buyUrl: 'https://shop.example.com/x' } },
    brand.token,
  );
  const apiError = refusal.body.data?.createProduct.error;
  expect(apiError.field).toBe('priceMinor');

  const { context, page, problems } = await openPage(browser, { token: brand.token });
  await page.goto(`${base}/console/products`);
  await page.getByTestId('product-row').first().waitFor();
  expect(await page.getByTestId('product-row').count()).toBe(2);
  await expectNoSeriousViolations(page);
  await screenshot(page, 'console-products');
  // A table the API has no export for is saved from the rows on screen, as the same kind of file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-products').click()]);
  expect(download.suggestedFilename()).toBe('products.csv');
  const text = (await readFile(await download.path())).toString('utf8');
  expect(text.startsWith('\uFEFFid,title,price_minor,currency')).toBe(true);
  expect(text).toContain(',丝绒雾面口红,19900,CNY,');

  await page.getByTestId('new-product').click();
  await page.waitForURL(`${base}/console/products/new`);
  await page.getByLabel('商品名称').fill('保湿喷雾');
  await page.getByTestId('price-input').fill('-1');
  await page.getByLabel('库存').fill('20');
  await page.getByLabel('购买链接').fill('https://shop.example.com/mist');
  await page.getByTestId('save-product').click();
  await page.getByTestId('error-priceMinor').waitFor();
  expect(await page.getByTestId('error-priceMinor').textContent()).toBe(apiError.message);
  expect(await page.getByTestId('price-input').getAttribute('aria-invalid')).toBe('true');
  await expectNoSeriousViolations(page);

  await page.getByTestId('price-input').fill('59.9');
  await page.getByTestId('save-product').click();
  await page.getByTestId('product-edit').waitFor();
  const id = page.url().split('/').pop();
  const saved = await gqlData(`query($id: ID!) { product(id: $id) { title price { amountMinor } stock } }`, { id }, brand.token);
  expect(saved.product).toEqual({ title: '保湿喷雾', price: { amountMinor: 5990 }, stock: 20 });
  expect(problems).toEqual([]);
  await context.close();
});

it("records a sponsored deal's cost and lists it with the CPM, CPE and ROI the API works out", async () => {
  const { context, page, problems } = await openPage(browser, { token: brand.token });
  await page.goto(`${base}/console/deals`);
  await page.getByTestId('deal-form').waitFor();
  expect(await page.getByTestId('deal-note').locator('option').allTextContents()).toEqual([expect.stringContaining('秋冬口红试色')]);
  await page.getByTestId('deal-cost').fill('100');
  await page.getByTestId('save-deal').click();
  await page.getByTestId('deal-row').waitFor();
  // The table's default range: the last 30 UTC days, up to tomorrow's midnight.
  const to = Math.floor(Date.now() / (24 * HOUR)) * 24 * HOUR + 24 * HOUR;
  const range = { from: new Date(to - 30 * 24 * HOUR).toISOString(), to: new Date(to).toISOString() };
  const deals = await gqlData(
    `query($range: DateRange!) { sponsorDeals(range: $range) { cost { formatted } cpm { formatted } cpe { formatted } roi } }`,
    { range },
    brand.token,
  );
  expect(deals.sponsorDeals).toHaveLength(1);
  const [deal] = deals.sponsorDeals;
  const cells = await page.getByTestId('deal-row').locator('td').allTextContents();
  expect(cells[0]).toBe('¥100.00');
  expect(cells[0]).toBe(deal.cost.formatted);
  expect(cells[4]).toBe(deal.cpm?.formatted ?? '—');
  expect(cells[5]).toBe(deal.cpe?.formatted ?? '—');
  await expectNoSeriousViolations(page);
  expect(problems).toEqual([]);
  await context.close();
});

it('rotates the webhook secret, shows it once, and gives a sample request whose browser-made signature the API accepts', async () => {
  const { context, page, problems } = await openPage(browser, { token: brand.token });
  await page.goto(`${base}/console/webhooks`);
  await page.getByTestId('rotate-secret').click();
  const secret = await page.getByTestId('webhook-secret').inputValue();
  expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
  const curl = (await page.getByTestId('webhook-curl').textContent()) ?? '';
  const url = /curl -X POST '([^']+)'/.exec(curl)?.[1];
  const signature = /X-Seedfeed-Signature: ([^']+)'/.exec(curl)?.[1];
  const body = /--data-raw '([^']+)'/.exec(curl)?.[1];
  expect(url).toBe(`${base}/webhooks/orders/${brandId}`);
  const res = await fetch(url ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-seedfeed-signature': signature ?? '' },
    body,
  });
  expect(res.status).toBe(200);
  const orders = await gqlData(`query { brandOrders(first: 50) { edges { node { source externalId } } } }`, {}, brand.token);
  const externalId = JSON.parse(body ?? '{}').orderId;
  expect(orders.brandOrders.edges.map((edge: any) => edge.node)).toContainEqual({ source: 'WEBHOOK', externalId });
  await expectNoSeriousViolations(page);
  expect(problems).toEqual([]);
  await context.close();
});

it("shows admins the For-You experiment's arms, and brands no experiments", async () => {
  const admin = await signUp(app);
  await app.database.db.execute(sql`UPDATE users SET role = 'admin' WHERE id = ${admin.id}`);
  // Viewers the feed served (the served log's events), some of whom read and liked what they saw.
  const note = await createNote(app, creator, { title: '实验里的笔记' });
  const served = await Promise.all(Array.from({ length: 10 }, () => signUp(app, 'VIEWER')));
  const at = new Date();
  const event = (type: 'served' | 'impression' | 'view' | 'like', userId: string) => ({
    eventId: uuidv7(),
    type,
    userId,
    noteId: note,
    occurredAt: at,
  });
  await repositoriesFor(app.database.db).events.append(
    served.flatMap((account, n) => [
      ...Array.from({ length: 4 }, () => event('served', account.id)),
      ...Array.from({ length: 3 }, () => event('impression', account.id)),
      ...Array.from({ length: 1 + (n % 3) }, () => event('view', account.id)),
      ...(n % 4 === 0 ? [event('like', account.id)] : []),
    ]),
  );
  const report = await gqlData(
    `{ feedExperiment { arms { arm users exposed impressions } differences { metric } sampleRatio { observedShareB mismatch } } }`,
    {},
    admin.token,
  );

  const { context, page, problems } = await openPage(browser, { token: admin.token });
  await page.goto(`${base}/console/experiments`);
  await page.getByTestId('experiment-arms').waitFor();
  for (const arm of report.feedExperiment.arms) {
    const cells = await page.locator(`[data-arm="${arm.arm}"] td`).allTextContents();
    expect(cells[0]).toBe(String(arm.users));
    expect(cells[3]).toBe(String(arm.impressions));
  }
  expect(await page.locator('[data-testid="experiment-arms"] tbody tr').count()).toBe(report.feedExperiment.arms.length);
  // Per-viewer rates with their intervals, one row per rate, and the split check said in words.
  expect(await page.locator('[data-testid="experiment-per-viewer"] tbody tr').count()).toBe(report.feedExperiment.differences.length);
  const split = page.getByTestId('sample-ratio');
  expect(await split.getAttribute('role')).toBe(report.feedExperiment.sampleRatio.mismatch ? 'alert' : null);
  const exposed = report.feedExperiment.arms.some((arm: { exposed: number }) => arm.exposed > 0);
  expect(await split.textContent()).toMatch(exposed ? /[0-9]+(\.[0-9])?%/ : /还没有用户被推荐过/);
  await screenshot(page, 'console-experiments');
  await expectNoSeriousViolations(page);
  // An admin has no brand of their own: the brand screens say so rather than show someone's figures.
  await page.goto(`${base}/console`);
  await page.getByText('这个账号没有品牌').waitFor();
  // Until they choose one by name: then they see its figures and orders, but act for it nowhere.
  await page.getByTestId('brand-search').fill(brand.handle);
  await page
    .getByTestId('brand-picker')
    .getByRole('button', { name: `Brand ${brand.handle}` })
    .click();
  await page.getByTestId('kpi-impressions').locator('dd').filter({ hasText: /^\d+$/ }).waitFor();
  await page.goto(`${base}/console/orders`);
  await page.locator(`[data-testid="brand-order-row"][data-order-id="${clickOrderId}"]`).waitFor();
  await page.goto(`${base}/console/products`);
  await page.getByTestId('console-products').locator('tbody tr').first().waitFor();
  expect(await page.getByTestId('new-product').count()).toBe(0);
  await expectNoSeriousViolations(page);

  // The job queues' dashboard opens in a tab of its own, signed in by the cookie the console asked for.
  await page.goto(`${base}/console/jobs`);
  const [board] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-jobs').click()]);
  await board.waitForURL(`${base}/admin/queues/`);
  await board.getByText('media', { exact: true }).first().waitFor();
  await board.close();
  expect(problems).toEqual([]);
  await context.close();

  const opened = await openPage(browser, { token: brand.token });
  await opened.page.goto(`${base}/console/experiments`);
  await opened.page.getByTestId('no-access').waitFor();
  expect(await opened.page.locator('.console-nav a').allTextContents()).not.toContain('实验');
  await opened.context.close();
});
