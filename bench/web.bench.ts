import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openMigratedDatabase } from '../boot';
import { attributionWindows } from '../commerce/attribution';
import { loadConfig } from '../core/config';
import { terminalProgress } from '../core/progress';
import { seedDatabase } from '../seed/load';
import { launchBrowser, pageProblems } from '../test/support/browser';
import { spawnProduct, stopProduct, waitForReady } from './product-process';
import { median, round } from './stats';
import { measureConsoleAndStudio } from './web/console-studio';
import { seenAt, watch } from './web/page-clock';

// The web app as a phone sees it: the product on its embedded database (a small demo world, seeded here first, its
// media made by the product's first start), the app built as `npm start` builds it, Chromium at 390×844 with its CPU
// slowed 4× (a mid-range phone against this machine). Figures: the JavaScript the explore page loads, the time to its
// first covers, long tasks while scrolling 300 cards, the DOM's size after 500, and the time from a tap on a card to
// its note page. The ceiling, measured in the same run and browser: a bare HTML page of the same covers from the same
// server, which is as fast as any app could show them here. Writes bench/results/web.json.
// WEB_DIST_DIR=<dir> measures an existing build instead of building the app.
const ROOT = path.join(__dirname, '..');
const VITE_CONFIG = path.join('web', 'vite.config.ts');
// 1,000 notes: twice the cards the scroll needs, and seeded in well under a minute.
const SCALE = Number(process.env.BENCH_SCALE ?? 0.05);
const PORT = 4740;
const BASE = `http://127.0.0.1:${PORT}`;
const CPU_SLOWDOWN = 4;
const FIRST_CARDS = 8;
// First loads and note opens are timed this many times; the figures are medians.
const TRIES = 5;
const SCROLLED_CARDS = 300;
const COUNTED_CARDS = 500;
// The first start makes the demo world's pictures and videos (about 30 s) before it listens.
const FIRST_START_MS = 300_000;

const CARD = '[data-testid="note-card"]';
const COVER = 'img[data-testid="note-cover"]';
const NOTE_PAGE = '[data-testid="note-page"]';

// Every page script is a string: a function would be sent as tsx transpiled it, with helpers the page does not have.
const COUNT_LONG_TASKS = `
  window.__longTasks = 0;
  new PerformanceObserver((list) => { window.__longTasks += list.getEntries().length; })
    .observe({ type: 'longtask', buffered: true });`;
const cardsIn = (n: number) => `document.querySelectorAll('${CARD}').length >= ${n} && performance.now()`;
const coversPainted = (n: number) =>
  `Array.from(document.querySelectorAll('${COVER}')).filter((img) => img.complete && img.naturalWidth > 0).length >= ${n} && performance.now()`;
const FIRST_COVER_URLS = `Array.from(document.querySelectorAll('${COVER}'), (img) => img.currentSrc).slice(0, ${FIRST_CARDS})`;
const VISIBLE_CARD_IDS = `Array.from(document.querySelectorAll('${CARD}'), (card) => card.dataset.noteId)`;
const NOTE_PAGE_SHOWN = `(() => { const page = document.querySelector('${NOTE_PAGE}');
  return page !== null && page.getBoundingClientRect().height > 0 && performance.now(); })()`;

async function main(): Promise<void> {
  const dist = process.env.WEB_DIST_DIR ?? buildApp();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'seedfeed-bench-web-'));
  await seed(dataDir);
  const product = spawnProduct({
    DATA_DIR: dataDir,
    WEB_DIST_DIR: dist,
    ROLES: 'api',
    PORT: String(PORT),
    SEED_ON_START: '1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-0123456789abcdef',
    REDIS_PREFIX: 'bench-web',
  });
  const browser = await launchBrowser();
  let problems: string[] = [];
  try {
    await waitForReady(`${BASE}/readyz`, FIRST_START_MS);
    const context = await phone(browser);
    await context.addInitScript(COUNT_LONG_TASKS);

    const page = await context.newPage();
    problems = pageProblems(page);
    await slowDown(context, page);
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length));
    });

    await page.goto(`${BASE}/`, { waitUntil: 'commit' });
    await inPage(page, coversPainted(FIRST_CARDS), 60_000, 'the first covers do not paint');
    await page.waitForLoadState('networkidle');
    const jsBytes = (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0);

    const longTasksBefore = await page.evaluate<number>('window.__longTasks');
    await scrollPast(page, SCROLLED_CARDS);
    const scrollLongTasks = (await page.evaluate<number>('window.__longTasks')) - longTasksBefore;
    await scrollPast(page, COUNTED_CARDS);
    const domNodes = await page.evaluate<number>("document.getElementsByTagName('*').length");

    const noteOpens: number[] = [];
    for (let i = 0; i < TRIES; i += 1) {
      await page.goto(`${BASE}/`);
      await inPage(page, cardsIn(1), 60_000, 'the explore page shows no note cards');
      await page.evaluate(`addEventListener('click', () => { window.__clickedAt = performance.now(); }, { capture: true, once: true })`);
      await page.locator(CARD).first().tap();
      const shownAt = await inPage(page, NOTE_PAGE_SHOWN, 30_000, 'a tap on a card does not show its note page');
      noteOpens.push(shownAt - (await page.evaluate<number>('window.__clickedAt')));
    }

    // The last note opened may be a video, playing: it would take CPU from the loads timed next.
    await context.close();

    // First loads in fresh contexts, each followed by the ceiling on the covers it showed, so both meet the same noise.
    const loads: FirstLoad[] = [];
    const ceilings: number[] = [];
    for (let i = 0; i < TRIES; i += 1) {
      const load = await firstLoad(browser);
      loads.push(load);
      ceilings.push(await coversCeiling(browser, load.coverUrls));
    }
    // The console's world is another product process: this one stops first, so that it takes no memory or CPU from it.
    await stopProduct(product);
    const coversMs = median(loads.map((load) => load.coversMs));
    const ceilingMs = median(ceilings);

    const figures = {
      feed_js_kb_gz: round(jsBytes / 1024, 1),
      first_cards_ms: round(coversMs, 0),
      first_cards_rendered_ms: round(median(loads.map((load) => load.cardsMs)), 0),
      covers_ceiling_ms: round(ceilingMs, 0),
      first_cards_vs_ceiling: round(coversMs / ceilingMs, 2),
      scroll_long_tasks: scrollLongTasks,
      dom_nodes_after_500_cards: domNodes,
      note_open_ms: round(median(noteOpens), 0),
      cpu_slowdown: CPU_SLOWDOWN,
      seed_scale: SCALE,
      ...(await measureConsoleAndStudio(browser, dist, seed)),
    };
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'web.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(figures);
  } catch (error) {
    // What the page said is usually why it never showed what was awaited.
    if (problems.length > 0) console.error(`the page reported:\n${problems.join('\n')}`);
    throw error;
  } finally {
    await browser.close();
    await stopProduct(product);
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface FirstLoad {
  cardsMs: number;
  coversMs: number;
  coverUrls: string[];
}

/** The explore page opened in a fresh context (an empty cache, as a first visit): when its first cards and covers show. */
async function firstLoad(browser: Browser): Promise<FirstLoad> {
  const context = await phone(browser);
  await context.addInitScript(watch({ cards: cardsIn(FIRST_CARDS), covers: coversPainted(FIRST_CARDS) }));
  try {
    const page = await context.newPage();
    await slowDown(context, page);
    await page.goto(`${BASE}/`, { waitUntil: 'commit' });
    const cardsMs = await seenAt(page, 'cards', 60_000, 'the explore page shows no note cards');
    const coversMs = await seenAt(page, 'covers', 30_000, 'the first covers do not paint');
    return { cardsMs, coversMs, coverUrls: await page.evaluate<string[]>(FIRST_COVER_URLS) };
  } finally {
    await context.close();
  }
}

/** A fresh phone-sized context (its own cache) that reaches only the product: other hosts would time the internet. */
async function phone(browser: Browser): Promise<BrowserContext> {
  // The bench's probes run in the page (waitForFunction polls each frame with eval), which the app's content security policy refuses.
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    bypassCSP: true,
  });
  await context.route(/^https?:\/\//, (route) => (route.request().url().startsWith(BASE) ? route.continue() : route.abort()));
  return context;
}

async function slowDown(context: BrowserContext, page: Page): Promise<void> {
  const session = await context.newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/**
 * The time a page with nothing but the same covers, served from the same origin (no script, no API), takes to paint
 * them in a fresh context slowed alike: what the network, the media server and the browser allow here.
 */
async function coversCeiling(browser: Browser, urls: string[]): Promise<number> {
  const context = await phone(browser);
  await context.addInitScript(
    watch({ covers: `document.images.length > 0 && Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0)` }),
  );
  await context.route(`${BASE}/__ceiling`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta name="viewport" content="width=device-width">${urls.map((url) => `<img src="${url}" width="180" alt="">`).join('')}`,
    }),
  );
  try {
    const page = await context.newPage();
    await slowDown(context, page);
    await page.goto(`${BASE}/__ceiling`, { waitUntil: 'commit' });
    return await seenAt(page, 'covers', 30_000, 'the covers alone do not paint');
  } finally {
    await context.close();
  }
}

/** Builds the app as `npm start` does; its default WEB_DIST_DIR is where the build lands. */
function buildApp(): string {
  if (!existsSync(path.join(ROOT, VITE_CONFIG))) {
    throw new Error(`${VITE_CONFIG} does not exist: there is no web app to measure yet (or set WEB_DIST_DIR to an existing build)`);
  }
  execFileSync('npx', ['vite', 'build', '--config', VITE_CONFIG], { cwd: ROOT, stdio: 'inherit' });
  return loadConfig({}).WEB_DIST_DIR;
}

async function seed(dataDir: string, scale = SCALE): Promise<void> {
  const config = loadConfig({ DATA_DIR: dataDir });
  const database = await openMigratedDatabase(config);
  const progress = terminalProgress();
  const seeded = await seedDatabase(database, { scale, windows: attributionWindows(config), onProgress: progress.report });
  progress.stop();
  await database.close();
  console.log(`seeded scale ${scale} in ${seeded.seconds.total.toFixed(1)} s`);
}

/** The page's clock (ms since its navigation began) when `expression` first holds; `failure` names what never happened. */
async function inPage(page: Page, expression: string, timeout: number, failure = 'timed out'): Promise<number> {
  try {
    const handle = await page.waitForFunction(expression, undefined, { timeout });
    return (await handle.jsonValue()) as number;
  } catch (error) {
    throw new Error(`${failure} within ${timeout / 1000} s`, { cause: error });
  }
}

/** Scrolls as a thumb would, a screen at a time, until `cards` distinct cards have been on the page. */
async function scrollPast(page: Page, cards: number): Promise<void> {
  const seen = new Set<string>();
  await page.mouse.move(195, 422);
  for (let stalled = 0; seen.size < cards;) {
    const before = seen.size;
    for (const id of await page.evaluate<string[]>(VISIBLE_CARD_IDS)) seen.add(id);
    stalled = seen.size === before ? stalled + 1 : 0;
    if (stalled >= 40) throw new Error(`the feed stopped at ${seen.size} cards, short of ${cards}`);
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(100);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
