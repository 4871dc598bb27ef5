import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { JobRuntime } from '../../jobs/runtime';
import { launchBrowser, openPage, screenshots, waitInPage } from '../support/browser';
import { createProduct, signUp, type Account } from '../support/factories';
import { closeWorld, postNote, uploadReady } from '../support/e2e-world';
import { startTestApp, type TestApp } from '../support/harness';
import { writeCover } from '../support/image-fixtures';
import { startTestWorker } from '../support/worker';

// The viewer's web app driven by the keyboard alone (Tab, Enter, Space, Escape, arrows and typing; no
// mouse, no clicks), in Chromium against the real API on PGlite: three creators whose notes have real
// uploaded covers, one note of three images tagging a brand's lipstick. Run with SCREENSHOTS_DIR set,
// it also photographs the screens the other end-to-end tests do not: sign-up, log-in, search, product,
// checkout, orders and a creator's profile.

let dir: string;
let app: TestApp;
let base: string;
let worker: JobRuntime;
let browser: Browser;
let lipstickCreator: Account;
let productId: string;
/** The note of three images that tags the lipstick. */
let carouselNote: string;
let plainNote: string;

async function uploadCover(account: Account, name: string, seed: number): Promise<string> {
  const file = path.join(dir, name);
  await writeCover(file, 600, 760 + seed * 20, seed);
  return (await uploadReady(app, account, file)).id;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'seedfeed-e2e-keyboard-'));
  app = await startTestApp();
  base = await app.listen();
  worker = await startTestWorker(app);
  let hotpotCreator: Account;
  let travelCreator: Account;
  let brand: Account;
  [lipstickCreator, hotpotCreator, travelCreator, brand] = await Promise.all([
    signUp(app, 'CREATOR', { displayName: '口红小达人' }),
    signUp(app, 'CREATOR', { displayName: '吃货阿明' }),
    signUp(app, 'CREATOR', { displayName: '旅行的猫' }),
    signUp(app, 'BRAND', { brandName: '丝绒美妆' }),
  ]);
  const productImage = path.join(dir, 'product.png');
  await writeCover(productImage, 600, 600, 7);
  const { url: productUrl } = await uploadReady(app, brand, productImage);
  productId = await createProduct(app, brand, {
    title: '丝绒雾面口红',
    description: '雾面质地，一抹显色，秋冬通勤都合适。',
    priceMinor: 19900,
    stock: 5,
    images: [`${base}${productUrl}`],
  });

  const slides = [await uploadCover(lipstickCreator, 'slide-0.png', 0), await uploadCover(lipstickCreator, 'slide-1.png', 1)];
  slides.push(await uploadCover(lipstickCreator, 'slide-2.png', 2));
  carouselNote = await postNote(app, lipstickCreator, {
    title: '秋冬口红分享',
    body: '三支秋冬口红，第一张图里的这支最常用 #口红',
    media: slides.map((uploadId) => ({ uploadId })),
    productTags: [{ productId, imageIndex: 0, x: 0.5, y: 0.55 }],
  });
  for (const title of ['口红推荐', '通勤淡妆教程']) {
    await postNote(app, lipstickCreator, { title, body: `${title}，真心推荐`, media: [{ uploadId: slides[1] }] });
  }
  const hotpot = await uploadCover(hotpotCreator, 'hotpot.png', 3);
  for (const title of ['重庆火锅', '成都小吃地图', '家常红烧肉']) {
    await postNote(app, hotpotCreator, { title, body: `${title}，吃过都说好`, topics: ['food'], media: [{ uploadId: hotpot }] });
  }
  const travel = await uploadCover(travelCreator, 'travel.png', 5);
  plainNote = await postNote(app, travelCreator, { title: '大理三日游', topics: ['travel'], media: [{ uploadId: travel }] });
  await postNote(app, travelCreator, { title: '青海湖骑行', topics: ['travel'], media: [{ uploadId: travel }] });
  browser = await launchBrowser();
}, 300_000);

afterAll(() => closeWorld({ browser, worker, app, dir }));

// Page code is passed as strings: the test transpiler's helpers do not exist in the page.

/** What has focus, in words, for a failure message. */
function focusNow(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing (the body)';
    const id = el.getAttribute('data-testid') ?? el.getAttribute('name') ?? el.getAttribute('aria-label') ?? '';
    return el.tagName.toLowerCase() + (id ? '[' + id + ']' : '') + ' "' + (el.textContent ?? '').trim().slice(0, 40) + '"';
  })()`);
}

/** Whether the focused element matches `selector`. */
function focusIs(page: Page, selector: string): Promise<boolean> {
  return page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);
}

/** Fails unless the focused element shows it: the :focus-visible ring, or a text field's focused border. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const shown = await page.evaluate<boolean>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const field = el.matches('input:focus') && style.borderColor !== getComputedStyle(document.body).backgroundColor;
    const box = el.getBoundingClientRect();
    return el.matches(':focus-visible') && (ring || field) && box.width > 0 && box.height > 0;
  })()`);
  if (!shown) throw new Error(`no visible focus on ${await focusNow(page)}`);
}

/**
 * Presses Tab (Shift+Tab going `back`) until the element matching `selector` has focus, as a person
 * would, and checks it shows it has. Fails if it takes more than `max` presses.
 */
async function tabTo(page: Page, selector: string, { back = false, max = 120 } = {}): Promise<void> {
  await page.locator(selector).first().waitFor();
  for (let presses = 0; presses <= max; presses += 1) {
    if (await focusIs(page, selector)) {
      await expectVisibleFocus(page);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${selector}; focus is on ${await focusNow(page)}`);
}

/** Waits until the focused element matches `selector`. */
async function waitForFocus(page: Page, selector: string): Promise<void> {
  try {
    await waitInPage(page, `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`, 10_000);
  } catch {
    throw new Error(`focus never reached ${selector}; it is on ${await focusNow(page)}`);
  }
}

/** Waits until the images in `selector` that are on screen have loaded (there is at least one), so that a screenshot shows them. */
function imagesLoaded(page: Page, selector: string): Promise<unknown> {
  return waitInPage(
    page,
    `(() => {
      const onScreen = [...document.querySelectorAll(${JSON.stringify(selector)})].filter((img) => {
        const box = img.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      });
      return onScreen.length > 0 && onScreen.every((img) => img.complete && img.naturalWidth > 0);
    })()`,
  );
}

const cardLink = (noteId: string) => `[data-testid="note-card"][data-note-id="${noteId}"] a.note-card-link`;
const countOf = async (page: Page, selector: string) => Number(await page.locator(selector).getByTestId('like-count').textContent());

it('walks a new viewer through sign-up, the feed, a note, search and buying with the keyboard alone', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(base);
  await page.getByTestId('note-card').first().waitFor();

  // Sign up, picking two interests with Space.
  await tabTo(page, 'header a[href="/signup"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/signup`);
  await tabTo(page, 'input[name="handle"]');
  await page.keyboard.type(`kb_${Date.now().toString(36)}`);
  await page.keyboard.press('Tab');
  await waitForFocus(page, 'input[name="displayName"]');
  await page.keyboard.type('键盘用户');
  await page.keyboard.press('Tab');
  await waitForFocus(page, 'input[name="password"]');
  await page.keyboard.type('correct horse battery');
  for (const topic of ['beauty', 'food']) {
    await tabTo(page, `[data-testid="interest-${topic}"]`);
    await page.keyboard.press('Space');
    await page.locator(`[data-testid="interest-${topic}"][aria-pressed="true"]`).waitFor();
  }
  expect(await page.locator('[data-testid^="interest-"][aria-pressed="true"]').count()).toBe(2);
  await screenshots(page, 'signup');
  await tabTo(page, 'main form button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/`);
  await page.locator('header .viewer-chip').waitFor();

  // A note card of the feed, opened with Enter: a dialog with focus inside it.
  await tabTo(page, cardLink(carouselNote));
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/note/${carouselNote}`);
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('note-page').waitFor();
  // The focus order below starts at the first product hotspot, so the walk waits for one to be there, and
  // further down for focus to reach it, so that a failure names where focus went instead. Once, in a
  // clean-clone CI run on a slow machine, focus was elsewhere at that point; the cause was not found.
  await dialog.locator('.hotspot-dot').first().waitFor();
  await waitForFocus(page, '[role="dialog"]');
  // The page underneath is out of reach: Shift+Tab from the dialog's start leaves the page (for the
  // browser's own controls), and the next comes round to the dialog's end.
  await page.keyboard.press('Shift+Tab');
  expect(await focusIs(page, 'header *, main *')).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await waitForFocus(page, '[role="dialog"] *');
  await page.keyboard.press('Tab');
  expect(await focusIs(page, 'header *, main *')).toBe(false);
  await page.keyboard.press('Tab');
  await waitForFocus(page, '[role="dialog"] *');
  await expectVisibleFocus(page);

  // The arrow keys page the carousel. Focus is on the first image's product hotspot (the dialog's first
  // stop), which leaves with the image: focus stays in the carousel, on its arrow button.
  const counter = dialog.locator('.carousel-count');
  expect(await counter.textContent()).toBe('1/3');
  await waitForFocus(page, '[role="dialog"] .hotspot-dot');
  await page.keyboard.press('ArrowRight');
  await counter.filter({ hasText: '2/3' }).waitFor();
  await waitForFocus(page, '[role="dialog"] .carousel-arrow.next');
  // Enter on that button reaches the last image, where it is disabled: focus moves to the other arrow.
  await page.keyboard.press('Enter');
  await counter.filter({ hasText: '3/3' }).waitFor();
  await waitForFocus(page, '[role="dialog"] .carousel-arrow.prev');
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowLeft');
  await counter.filter({ hasText: '2/3' }).waitFor();
  expect(await dialog.locator('.carousel-dots [aria-current="true"]').getAttribute('aria-label')).toContain('2');

  // Like it with Enter.
  const like = '[role="dialog"] [data-testid="like-button"]';
  await tabTo(page, like);
  const likes = await countOf(page, like);
  expect(await page.locator(like).getAttribute('aria-pressed')).toBe('false');
  await page.keyboard.press('Enter');
  await page.locator(`${like}[aria-pressed="true"]`).waitFor();
  expect(await countOf(page, like)).toBe(likes + 1);

  // Escape in the "not interested" menu closes the menu only: the dialog stays, focus back on the menu's button.
  const notInterested = '[role="dialog"] [data-testid="not-interested"]';
  await tabTo(page, notInterested);
  await page.keyboard.press('Enter');
  await dialog.getByRole('menu').waitFor();
  await page.keyboard.press('Escape');
  await dialog.getByRole('menu').waitFor({ state: 'detached' });
  expect(await dialog.count()).toBe(1);
  await waitForFocus(page, notInterested);

  // Escape closes it, and focus is back on the card it was opened from, which shows the like.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(page.url()).toBe(`${base}/`);
  await waitForFocus(page, cardLink(carouselNote));
  await expectVisibleFocus(page);
  const cardLike = `[data-testid="note-card"][data-note-id="${carouselNote}"] [data-testid="like-toggle"]`;
  await page.locator(`${cardLike}[aria-pressed="true"]`).waitFor();
  expect(await countOf(page, cardLike)).toBe(likes + 1);

  // Back up to the channel tabs, and into the food channel.
  await tabTo(page, 'nav.channels a[href="/?topic=food"]', { back: true });
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/?topic=food`);
  await page.locator('nav.channels a[href="/?topic=food"][aria-current="page"]').waitFor();
  await page.locator('[data-testid="note-card"] .note-card-title', { hasText: '重庆火锅' }).waitFor();
  expect(await page.locator('[data-testid="note-card"] .note-card-title', { hasText: '口红' }).count()).toBe(0);
  await expectVisibleFocus(page);

  // Up to the search box: a suggestion chosen with the arrows and Enter.
  const box = 'header [role="combobox"]';
  await tabTo(page, box, { back: true });
  await page.keyboard.type('口红');
  const wanted = page.getByRole('option', { name: '秋冬口红分享' });
  await wanted.waitFor();
  for (let presses = 0; (await wanted.getAttribute('aria-selected')) !== 'true'; presses += 1) {
    if (presses > 5) throw new Error('the arrows never reached the suggestion');
    const before = await page.locator(box).getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    await waitInPage(
      page,
      `document.querySelector(${JSON.stringify(box)}).getAttribute('aria-activedescendant') !== ${JSON.stringify(before)}`,
    );
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/search?q=${encodeURIComponent('秋冬口红分享')}`);
  // The feed, which holds the same card, stays on screen until the search page's code has arrived.
  await page.getByTestId('search-tab-notes').waitFor();
  await page.locator(cardLink(carouselNote)).waitFor();
  await imagesLoaded(page, '[data-testid="note-cover"]');
  await screenshots(page, 'search');

  // The note again, from the results, and its product.
  await tabTo(page, cardLink(carouselNote));
  await page.keyboard.press('Enter');
  await dialog.getByTestId('note-page').waitFor();
  await tabTo(page, '[role="dialog"] [data-testid="product-card"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/product/${productId}`);
  await page.getByTestId('product-page').waitFor();
  expect(await page.getByTestId('product-price').textContent()).toBe('¥199.00');
  await imagesLoaded(page, '.product-images img');
  await imagesLoaded(page, '.product-notes [data-testid="note-cover"]');
  await screenshots(page, 'product');

  // Buy two.
  await tabTo(page, '[data-testid="buy-button"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/product/${productId}/buy`);
  await page.getByTestId('checkout').waitFor();
  await imagesLoaded(page, '.checkout-product img');
  await screenshots(page, 'checkout');
  await tabTo(page, '.stepper button[aria-label="增加数量"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('quantity').filter({ hasText: '2' }).waitFor();
  expect(await page.getByTestId('total').textContent()).toBe('¥398.00');
  await tabTo(page, '[data-testid="checkout-next"]');
  await page.keyboard.press('Enter');
  // The pressed button gives way to the confirm step, whose heading takes focus.
  await page.getByTestId('confirm-order').waitFor();
  await waitForFocus(page, '#checkout-title');
  await tabTo(page, '[data-testid="confirm-order"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('order-confirmation').waitFor();
  await waitForFocus(page, '#confirmation-title');
  expect(await page.getByTestId('order-quantity').textContent()).toBe('2');

  // My orders, then the creator of a note about the product.
  await tabTo(page, '[data-testid="my-orders-link"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/orders`);
  await page.getByTestId('order-row').waitFor();
  expect(await page.getByTestId('order-row').count()).toBe(1);
  await imagesLoaded(page, '.order-row img');
  await screenshots(page, 'orders');
  await tabTo(page, '[data-testid="order-row"] a');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/product/${productId}`);
  await tabTo(page, `.product-notes [data-note-id="${carouselNote}"] [data-testid="note-card-author"]`);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/user/${lipstickCreator.id}`);
  await page.getByTestId('profile').getByRole('heading', { name: '口红小达人' }).waitFor();
  await page.getByTestId('note-card').nth(2).waitFor();
  await imagesLoaded(page, '[data-testid="note-cover"]');
  await screenshots(page, 'profile');

  expect(problems).toEqual([]);
  await context.close();
});

it('lets a visitor log in from a note with the keyboard, and comes back to the note to like it', async () => {
  const viewer = await signUp(app, 'VIEWER', { interests: ['travel'] });
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${base}/note/${plainNote}`);
  await page.getByTestId('note-page').waitFor();

  // Liking asks a visitor to log in first.
  await tabTo(page, '[data-testid="like-button"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/login`);
  await page.locator('main form [role="status"]').waitFor();
  await screenshots(page, 'login');
  await tabTo(page, 'input[name="login"]');
  await page.keyboard.type(viewer.handle);
  await page.keyboard.press('Tab');
  await waitForFocus(page, 'input[name="password"]');
  await page.keyboard.type('correct horse');
  // Enter in a field submits the form.
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/note/${plainNote}`);
  await page.locator('header .viewer-chip').waitFor();

  const like = '[data-testid="like-button"]';
  await tabTo(page, like);
  await page.keyboard.press('Space');
  await page.locator(`${like}[aria-pressed="true"]`).waitFor();
  expect(await countOf(page, like)).toBe(1);
  expect(problems).toEqual([]);
  await context.close();
});
