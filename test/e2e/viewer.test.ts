import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { JobRuntime } from '../../jobs/runtime';
import { runFfmpeg, SYSTEM_BINARIES } from '../../media/ffmpeg';
import { axeViolations, describeViolations, launchBrowser, openPage, screenshot, screenshots, waitInPage } from '../support/browser';
import { eventually } from '../support/eventually';
import { signUp } from '../support/factories';
import { closeWorld, postNote, uploadReady } from '../support/e2e-world';
import { startTestApp, type TestApp } from '../support/harness';
import { writeCover } from '../support/image-fixtures';
import { startTestWorker } from '../support/worker';

// A viewer's web app in Chromium against the real API on PGlite: a world of image notes whose
// covers are real uploads, one video note, and the flows a viewer goes through.
const CREATORS = 6;
const NOTES_PER_CREATOR = 20;
const TOPICS = ['beauty', 'travel', 'food'] as const;

const NOTE = `query($id: ID!) { note(id: $id) { status } }`;

let dir: string;
let app: TestApp;
let base: string;
let worker: JobRuntime;
let browser: Browser;
let videoNoteId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'seedfeed-e2e-viewer-'));
  app = await startTestApp();
  base = await app.listen();
  worker = await startTestWorker(app);
  for (let c = 0; c < CREATORS; c += 1) {
    const creator = await signUp(app, 'CREATOR');
    const cover = path.join(dir, `cover-${c}.png`);
    await writeCover(cover, 600, 800 + c * 40, c);
    const { id: uploadId } = await uploadReady(app, creator, cover);
    const topic = TOPICS[c % TOPICS.length] as string;
    for (let n = 0; n < NOTES_PER_CREATOR; n += 1) {
      await postNote(app, creator, { kind: 'IMAGE', title: `${topic} note ${c}-${n}`, topics: [topic], media: [{ uploadId }] });
    }
    if (c === 0) {
      const clip = path.join(dir, 'clip.mp4');
      await runFfmpeg(
        [
          ...['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=480x640:rate=25:duration=6'],
          ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=6', '-shortest'],
          ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', clip],
        ],
        { bin: SYSTEM_BINARIES, timeoutMs: 60_000 },
      );
      const { id: uploadId } = await uploadReady(app, creator, clip);
      videoNoteId = await postNote(app, creator, { kind: 'VIDEO', title: 'beauty video', topics: ['beauty'], media: [{ uploadId }] });
      await eventually(async () => (await app.gql(NOTE, { id: videoNoteId })).body.data?.note?.status === 'PUBLISHED', 60_000);
    }
  }
  browser = await launchBrowser();
}, 300_000);

afterAll(() => closeWorld({ browser, worker, app, dir }));

/** The cards in the DOM now, with where the waterfall placed each (page code as strings: the test transpiler's helpers do not exist in the page). */
function cardsNow(page: Page): Promise<{ id: string; top: number; left: number }[]> {
  return page.evaluate(`[...document.querySelectorAll('[data-testid="note-card"]')].map((card) => {
    const box = card.getBoundingClientRect();
    return { id: card.getAttribute('data-note-id') ?? '', top: Math.round(box.top + window.scrollY), left: Math.round(box.left) };
  })`);
}

const scrollY = (page: Page): Promise<number> => page.evaluate('window.scrollY');

/**
 * Scrolls the explore grid until `count` distinct notes have been laid out (or it stops growing), and
 * fails if one note was laid out in two places: the waterfall mounts and unmounts cards as they pass,
 * so a note seen twice at one place is the same card, and at two places a repeat.
 */
async function scrollThrough(page: Page, count: number): Promise<string[]> {
  const placed = new Map<string, string>();
  let unchanged = 0;
  while (placed.size < count && unchanged < 12) {
    const before = placed.size;
    for (const card of await cardsNow(page)) {
      const where = `${card.top}:${card.left}`;
      const earlier = placed.get(card.id);
      if (earlier !== undefined && earlier !== where) throw new Error(`note ${card.id} shown twice, at ${earlier} and ${where}`);
      placed.set(card.id, where);
    }
    unchanged = placed.size === before ? unchanged + 1 : 0;
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(150);
  }
  return [...placed.keys()];
}

async function signUpInBrowser(page: Page, interests: readonly string[]): Promise<void> {
  await page.goto(`${base}/signup`);
  const handle = `v_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await page.locator('input[name="handle"]').fill(handle);
  await page.locator('input[name="displayName"]').fill('E2E Viewer');
  await page.locator('input[name="password"]').fill('correct horse battery');
  for (const topic of interests) await page.getByTestId(`interest-${topic}`).click();
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(`${base}/`);
  await page.getByTestId('note-card').first().waitFor();
}

it('shows a visitor five pages of the feed without repeating a note, with no console error or serious accessibility problem', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(base);
  await page.getByTestId('note-card').first().waitFor();
  expect(describeViolations(await axeViolations(page))).toEqual([]);
  await screenshots(page, 'explore');
  const seen = await scrollThrough(page, 100);
  expect(seen.length).toBeGreaterThanOrEqual(100);
  // The waterfall keeps only the cards near the screen in the DOM.
  expect((await cardsNow(page)).length).toBeLessThan(80);
  expect(problems).toEqual([]);
  await context.close();
});

it('gives a new account that chose two topics a feed, and keeps a like across a reload', async () => {
  const { context, page, problems } = await openPage(browser);
  await signUpInBrowser(page, ['travel', 'food']);
  const titles = await page.getByTestId('note-card').allTextContents();
  expect(titles.some((title) => /travel|food/.test(title))).toBe(true);

  const card = page.getByTestId('note-card').first();
  const noteId = (await card.getAttribute('data-note-id')) as string;
  const toggle = card.getByTestId('like-toggle');
  const before = Number(await toggle.getByTestId('like-count').textContent());
  await toggle.click();
  await card.locator('[data-testid="like-toggle"][aria-pressed="true"]').waitFor();
  expect(Number(await toggle.getByTestId('like-count').textContent())).toBe(before + 1);

  await page.goto(`${base}/note/${noteId}`);
  await page.reload();
  const like = page.getByTestId('note-page').getByTestId('like-button');
  await like.waitFor();
  expect(await like.getAttribute('aria-pressed')).toBe('true');
  expect(Number(await like.getByTestId('like-count').textContent())).toBe(before + 1);
  expect(problems).toEqual([]);
  await context.close();
});

it('plays a video note', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${base}/note/${videoNoteId}`);
  const video = page.getByTestId('note-video');
  await video.waitFor();
  await waitInPage(page, 'document.querySelector(\'[data-testid="note-video"]\').currentTime > 0.5', 20_000);
  expect(describeViolations(await axeViolations(page))).toEqual([]);
  await screenshots(page, 'note-video');
  expect(problems).toEqual([]);
  await context.close();
});

it('never shows again a note marked not interested', async () => {
  const { context, page, problems } = await openPage(browser);
  await signUpInBrowser(page, ['beauty']);
  const noteId = (await page.getByTestId('note-card').first().getAttribute('data-note-id')) as string;
  await page.goto(`${base}/note/${noteId}`);
  await page.getByTestId('not-interested').click();
  const hidden = page.waitForResponse(
    (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('hideNote'),
  );
  await page.getByTestId('hide-note').click();
  // The hide is sent once the undo window has passed.
  await hidden;
  await page.goto(base);
  await page.getByTestId('note-card').first().waitFor();
  expect(await scrollThrough(page, CREATORS * NOTES_PER_CREATOR)).not.toContain(noteId);
  expect(problems).toEqual([]);
  await context.close();
});

it('returns from a note to the same place in the grid', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(base);
  await page.getByTestId('note-card').first().waitFor();
  await scrollThrough(page, 40);
  await page.waitForTimeout(300);
  const scrolled = await scrollY(page);
  expect(scrolled).toBeGreaterThan(1000);
  const visible = (await cardsNow(page)).find((card) => card.top > scrolled + 100 && card.top < scrolled + 500);
  if (!visible) throw new Error('no card on screen');
  await page.locator(`[data-testid="note-card"][data-note-id="${visible.id}"] a`).first().click();
  await page.getByTestId('note-page').waitFor();
  expect(page.url()).toBe(`${base}/note/${visible.id}`);
  expect(describeViolations(await axeViolations(page))).toEqual([]);
  await screenshot(page, 'note-over-grid-desktop');
  await page.goBack();
  await page.getByTestId('note-page').waitFor({ state: 'detached' });
  expect(await scrollY(page)).toBe(scrolled);
  expect(problems).toEqual([]);
  await context.close();
});
