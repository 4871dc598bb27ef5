import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { JobRuntime } from '../../jobs/runtime';
import { axeViolations, describeViolations, launchBrowser, openPage } from '../support/browser';
import { eventually } from '../support/eventually';
import { createProduct, signUp, type Account } from '../support/factories';
import { closeWorld, postNote, uploadReady } from '../support/e2e-world';
import { startTestApp, type TestApp } from '../support/harness';
import { writePng } from '../support/image-fixtures';
import { startTestWorker } from '../support/worker';

// A viewer buys in the web app, in Chromium against the real API on PGlite: a brand's product with
// a real uploaded image, a creator's note tagging it with a hotspot, and a few notes like it.
const STOCK = `query($id: ID!) { product(id: $id) { stock } }`;

let dir: string;
let app: TestApp;
let base: string;
let worker: JobRuntime;
let browser: Browser;
let brand: Account;
let viewer: Account;
let productId: string;
let noteId: string;

async function uploadImage(account: Account, name: string, height: number): Promise<{ id: string; url: string }> {
  const file = path.join(dir, name);
  await writePng(file, 600, height);
  return uploadReady(app, account, file);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'seedfeed-e2e-shopping-'));
  app = await startTestApp();
  base = await app.listen();
  worker = await startTestWorker(app);
  let creator: Account;
  [brand, creator, viewer] = await Promise.all([
    signUp(app, 'BRAND'),
    signUp(app, 'CREATOR'),
    signUp(app, 'VIEWER', { interests: ['beauty'] }),
  ]);
  const productImage = await uploadImage(brand, 'product.png', 600);
  productId = await createProduct(app, brand, {
    title: '丝绒雾面口红',
    description: 'A velvet matte lipstick.',
    priceMinor: 19900,
    stock: 5,
    images: [`${base}${productImage.url}`],
  });
  const cover = await uploadImage(creator, 'cover.png', 800);
  const brandId = (await app.gql(`{ viewer { brand { id } } }`, {}, brand.token)).body.data?.viewer.brand.id as string;
  noteId = await postNote(app, creator, {
    title: '秋冬口红分享',
    sponsorBrandId: brandId,
    media: [{ uploadId: cover.id }],
    productTags: [{ productId, imageIndex: 0, x: 0.5, y: 0.5 }],
  });
  for (let n = 0; n < 4; n += 1) await postNote(app, creator, { title: `beauty note ${n}`, media: [{ uploadId: cover.id }] });
  browser = await launchBrowser();
}, 300_000);

afterAll(() => closeWorld({ browser, worker, app, dir }));

it('a signed-in viewer taps a product on a note, buys two, pays after a declined card, and finds the order under my orders', async () => {
  const { context, page, problems } = await openPage(browser, { token: viewer.token });

  await page.goto(`${base}/note/${noteId}`);
  await page.getByTestId('note-page').waitFor();
  // The creator's disclosure shows at once; the brand is named once it confirms.
  expect(await page.getByTestId('sponsor-disclosure').textContent()).toBe('赞助合作');
  await app.gql(`mutation($id: ID!) { respondToSponsorship(noteId: $id, accept: true) { id } }`, { id: noteId }, brand.token);
  await page.reload();
  await page
    .getByTestId('sponsor-disclosure')
    .filter({ hasText: `与Brand ${brand.handle}的赞助合作` })
    .waitFor();
  // Notes like this one load below it.
  await page.getByTestId('related-notes').getByTestId('note-card').first().waitFor();
  expect(await page.getByTestId('related-notes').locator(`[data-note-id="${noteId}"]`).count()).toBe(0);

  await page.locator('.hotspot-dot').click();
  await page.getByTestId('hotspot-card').click();
  await page.waitForURL(`${base}/product/${productId}`);
  await page.getByTestId('product-page').waitFor();
  expect(await page.getByTestId('product-price').textContent()).toBe('¥199.00');
  expect(await page.getByTestId('product-stock').textContent()).toContain('5');
  await page.getByTestId('product-page').locator(`[data-note-id="${noteId}"]`).waitFor();
  await eventually(
    () =>
      page.evaluate<boolean>(`[...document.querySelectorAll('.product-images img')].every((img) => img.complete && img.naturalWidth > 0)`),
    10_000,
  );
  expect(describeViolations(await axeViolations(page))).toEqual([]);

  await page.getByTestId('buy-button').click();
  await page.waitForURL(`${base}/product/${productId}/buy`);
  await page.getByRole('button', { name: '增加数量' }).click();
  await page.getByTestId('quantity').filter({ hasText: '2' }).waitFor();
  expect(await page.getByTestId('total').textContent()).toBe('¥398.00');
  await page.getByTestId('checkout-next').click();
  // A declined card leaves the order placed and held: a double click still places one order.
  await page.locator('input[name="payment-method"][value="test_card_declined"]').check();
  await page.getByTestId('confirm-order').dblclick();
  await page.getByTestId('payment-declined').waitFor();
  expect((await app.gql(STOCK, { id: productId })).body.data?.product.stock).toBe(3);
  await page.locator('input[name="payment-method"][value="test_card"]').check();
  await page.getByTestId('confirm-order').click();
  await page.locator('[data-testid="order-confirmation"][data-status="PAID"]').waitFor();
  expect(await page.getByTestId('order-quantity').textContent()).toBe('2');
  expect(await page.getByTestId('order-amount').textContent()).toBe('¥398.00');
  const orderId = (await page.getByTestId('order-id').textContent())?.trim() ?? '';

  await page.getByTestId('my-orders-link').click();
  await page.waitForURL(`${base}/orders`);
  await page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`).waitFor();
  expect(await page.getByTestId('order-row').count()).toBe(1);
  expect(describeViolations(await axeViolations(page))).toEqual([]);

  expect((await app.gql(STOCK, { id: productId })).body.data?.product.stock).toBe(3);
  // The tap on the product card is what the brand sees credited.
  const explained = await app.gql(`query($id: ID!) { order(id: $id) { attribution } }`, { id: orderId }, brand.token);
  expect(explained.body.data?.order).toEqual({ attribution: 'CLICK' });
  expect(problems).toEqual([]);
  await context.close();
});

it('sends a signed-out visitor to log in before buying, and back afterwards', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${base}/product/${productId}`);
  await page.getByTestId('buy-button').click();
  await page.waitForURL(`${base}/login`);
  const buyer = await signUp(app);
  await page.locator('input[name="login"]').fill(buyer.handle);
  await page.locator('input[name="password"]').fill('correct horse');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(`${base}/product/${productId}/buy`);
  await page.getByTestId('checkout').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('collects a note into a new board, and says a sold-out product is sold out', async () => {
  const { context, page, problems } = await openPage(browser, { token: viewer.token });

  await page.goto(`${base}/note/${noteId}`);
  await page.getByTestId('collect-button').click();
  await page.getByTestId('collect-new-board').click();
  await page.getByTestId('collect-menu').locator('input').fill('口红合集');
  await page.getByTestId('collect-menu').locator('button[type="submit"]').click();
  await page.locator('[data-testid="collect-button"][aria-pressed="true"]').waitFor();
  const boards = await app.gql(`query { viewer { boards { name notes { edges { node { id } } } } } }`, {}, viewer.token);
  expect(boards.body.data?.viewer.boards).toEqual([{ name: '口红合集', notes: { edges: [{ node: { id: noteId } }] } }]);

  const soldOut = await createProduct(app, brand, { title: '限量色号', stock: 0 });
  await page.goto(`${base}/product/${soldOut}`);
  await page.getByTestId('product-stock').filter({ hasText: '已售罄' }).waitFor();
  expect(await page.getByTestId('buy-button').isDisabled()).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});
