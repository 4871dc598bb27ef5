import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { JobRuntime } from '../../jobs/runtime';
import { runFfmpeg, SYSTEM_BINARIES } from '../../media/ffmpeg';
import { axeViolations, describeViolations, launchBrowser, openPage, screenshot, waitInPage } from '../support/browser';
import { eventually } from '../support/eventually';
import { createProduct, signUp, type Account } from '../support/factories';
import { closeWorld, uploadReady } from '../support/e2e-world';
import { startTestApp, type TestApp } from '../support/harness';
import { writeCover, writePng } from '../support/image-fixtures';
import { startTestWorker } from '../support/worker';

// The creator studio in Chromium against the real API and media workers: a creator publishes an image note with a
// product pinned on its second image and a video note, sees refused files explained, lists and filters their notes and
// opens a note's data; a viewer sees the pin where it was placed and the video play, and cannot open the studio.
const NOTE_TAGS = `query($id: ID!) { note(id: $id) { status sponsored productTags { imageIndex x y atMs product { id } } } }`;
const CREATE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { note { id } error { message } } }`;
const RECORD = `mutation($events: [EventInput!]!) { recordEvents(events: $events) { accepted } }`;
const LIKE = `mutation($noteId: ID!) { like(noteId: $noteId) { id } }`;
const PIN = { x: 0.3, y: 0.6 };

let dir: string;
let app: TestApp;
let base: string;
let worker: JobRuntime;
let browser: Browser;
let creator: Account;
let viewer: Account;
let productId: string;
let imageNoteId: string;
let images: string[];
let clip: string;

/** The centre of what `selector` matches first, in page pixels. */
async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Finds the product by a word of its title and tags it on the note being written. */
async function tagProduct(page: Page) {
  await page.getByTestId('product-search').fill('Velvet');
  await page.getByTestId('product-search').press('Enter');
  await page.getByTestId('product-hit').getByRole('button', { name: '添加' }).click();
  await page.getByTestId('tag-row').waitFor();
}

/** Waits for the creator's note to reach `status` in My notes (it polls while a note is processing). */
async function rowOf(page: Page, title: string) {
  const row = page.getByTestId('studio-note').filter({ hasText: title });
  await row.waitFor();
  return row;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'seedfeed-e2e-studio-'));
  // Folded at once: the data centre shows what the test has just recorded.
  app = await startTestApp({ ANALYTICS_ROLLUP_LAG_MS: '0' });
  base = await app.listen();
  worker = await startTestWorker(app);
  let brand: Account;
  [brand, creator, viewer] = await Promise.all([
    signUp(app, 'BRAND'),
    signUp(app, 'CREATOR'),
    signUp(app, 'VIEWER', { interests: ['beauty'] }),
  ]);
  const productImage = path.join(dir, 'product.png');
  await writePng(productImage, 600, 600);
  const uploaded = await uploadReady(app, brand, productImage);
  productId = await createProduct(app, brand, {
    title: 'Velvet matte lipstick 丝绒口红',
    priceMinor: 19900,
    stock: 5,
    images: [`${base}${uploaded.url}`],
  });
  // Landscape 4:3, as the viewer's carousel frame is: the image fills it, so its box is the frame's.
  images = [];
  for (let n = 0; n < 3; n += 1) {
    const file = path.join(dir, `look-${n + 1}.png`);
    await writeCover(file, 800, 600, n + 1);
    images.push(file);
  }
  clip = path.join(dir, 'clip.mp4');
  await runFfmpeg(
    [
      ...['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=25'],
      ...['-f', 'lavfi', '-i', 'sine=duration=2', '-shortest'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', clip],
    ],
    { bin: SYSTEM_BINARIES, timeoutMs: 60_000 },
  );
  browser = await launchBrowser();
}, 300_000);

afterAll(() => closeWorld({ browser, worker, app, dir }));

it('publishes an image note with a product pinned on its second image, which a viewer sees at that spot', async () => {
  const { context, page, problems } = await openPage(browser, { token: creator.token });
  await page.goto(`${base}/studio/new`);
  await page.getByRole('heading', { name: '发布笔记' }).waitFor();

  // Each file's bar is sampled as it moves: bytes, then processing, then ready at 100%.
  const seen = new Set<string>();
  const sampling = (async () => {
    for (let i = 0; i < 1200; i += 1) {
      const phases = await page.evaluate<string[]>(
        `[...document.querySelectorAll('[data-testid="media-tile"]')].map((tile) => tile.dataset.phase + ':' + tile.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow'))`,
      );
      for (const phase of phases) seen.add(phase.split(':')[0] ?? '');
      if (phases.length === 3 && phases.every((phase) => phase === 'ready:100')) return phases;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`the files did not all become ready: ${[...seen].join(', ')}`);
  })();
  await page.getByTestId('media-input').setInputFiles(images);
  expect(await sampling).toEqual(['ready:100', 'ready:100', 'ready:100']);
  expect(seen.has('uploading') || seen.has('processing')).toBe(true);
  expect(
    await page
      .getByTestId('media-tile')
      .getByRole('progressbar')
      .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('aria-label'))),
  ).toEqual(['已就绪 100%', '已就绪 100%', '已就绪 100%']);

  // The third image becomes the cover, then goes back to the end with the arrows.
  await page.getByTestId('media-tile').nth(2).getByRole('button', { name: '设为封面' }).click();
  expect(await page.getByTestId('media-tile').first().locator('.media-name').textContent()).toBe('look-3.png');
  await page.getByRole('button', { name: '第 1 张向后移' }).click();
  await page.getByRole('button', { name: '第 2 张向后移' }).click();
  expect(await page.getByTestId('media-tile').locator('.media-name').allTextContents()).toEqual(['look-1.png', 'look-2.png', 'look-3.png']);

  const title = '秋冬口红试色';
  await page.getByTestId('note-title').fill(title);
  expect(await page.getByText(`${title.length}/100`, { exact: true }).count()).toBe(1);
  await page.getByTestId('note-body').fill('今天的口红 #bea');
  await page.getByTestId('topic-suggestion').filter({ hasText: '#beauty' }).click();
  expect(await page.getByTestId('note-body').inputValue()).toBe('今天的口红 #beauty ');

  await tagProduct(page);
  await page.getByRole('button', { name: '选择第 2 个文件来标记商品' }).click();
  const target = page.getByTestId('pin-target').locator('img');
  await waitInPage(page, `document.querySelector('[data-testid="pin-target"] img')?.naturalWidth > 0`);
  // From the keyboard: Enter pins at the centre, an arrow key nudges the pin.
  await page.getByTestId('pin-target').press('Enter');
  await page.getByTestId('tag-row').filter({ hasText: '标在第 2 张图的 (50%, 50%)' }).waitFor();
  await page.getByTestId('pin-target').press('ArrowRight');
  await page.getByTestId('tag-row').filter({ hasText: '标在第 2 张图的 (52%, 50%)' }).waitFor();
  const size = await target.boundingBox();
  if (!size) throw new Error('the image to pin on is not on screen');
  // Relative to the image, which Playwright scrolls into view first.
  await target.click({ position: { x: size.width * PIN.x, y: size.height * PIN.y } });
  const box = await target.boundingBox();
  if (!box) throw new Error('the image to pin on is not on screen');
  const drawn = await centreOf(page, '[data-testid="studio-hotspot"]');
  expect(Math.abs(drawn.x - (box.x + box.width * PIN.x))).toBeLessThan(box.width * 0.02);
  expect(Math.abs(drawn.y - (box.y + box.height * PIN.y))).toBeLessThan(box.height * 0.02);
  await page.getByTestId('tag-row').filter({ hasText: '标在第 2 张图的 (30%, 60%)' }).waitFor();

  await page.getByTestId('sponsored').check();
  expect(await page.getByTestId('disclosure').textContent()).toMatch(/^赞助 · 与.+合作$/);
  expect(describeViolations(await axeViolations(page))).toEqual([]);
  await screenshot(page, 'studio-publish');

  await page.getByTestId('publish').click();
  await page.waitForURL(`${base}/studio`);
  const row = await rowOf(page, title);
  imageNoteId = (await row.getAttribute('data-note-id')) ?? '';
  await page.locator(`[data-note-id="${imageNoteId}"][data-status="PUBLISHED"]`).waitFor();
  const saved = (await app.gql(NOTE_TAGS, { id: imageNoteId }, creator.token)).body.data?.note;
  expect(saved).toMatchObject({ status: 'PUBLISHED', sponsored: true, productTags: [{ imageIndex: 1, product: { id: productId } }] });
  expect(saved.productTags[0].x).toBeCloseTo(PIN.x, 1);
  expect(saved.productTags[0].y).toBeCloseTo(PIN.y, 1);
  expect(problems).toEqual([]);
  await context.close();

  const seeing = await openPage(browser, { token: viewer.token });
  await seeing.page.goto(`${base}/note/${imageNoteId}`);
  await seeing.page.getByTestId('note-page').waitFor();
  await seeing.page.locator('.carousel-arrow.next').click();
  await seeing.page.locator('.hotspot').waitFor();
  // The track slides to the second image; the pin must end where the creator put it on that image.
  await eventually(async () => {
    const image = await seeing.page.locator('.carousel-slide').nth(1).locator('img').boundingBox();
    const hotspot = await centreOf(seeing.page, '.hotspot-dot');
    if (!image) return false;
    return (
      Math.abs(hotspot.x - (image.x + image.width * PIN.x)) < image.width * 0.03 &&
      Math.abs(hotspot.y - (image.y + image.height * PIN.y)) < image.height * 0.03
    );
  }, 5_000);
  expect(seeing.problems).toEqual([]);
  await seeing.context.close();
});

it('publishes a video note with a product at a moment, which plays for a viewer once processed', async () => {
  const { context, page, problems } = await openPage(browser, { token: creator.token });
  await page.goto(`${base}/studio/new`);
  await page.getByTestId('media-input').setInputFiles(clip);
  await page.locator('[data-testid="media-tile"][data-phase="ready"]').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('media-progress').getAttribute('aria-valuenow')).toBe('100');
  await page.getByTestId('note-title').fill('一分钟上妆');
  await tagProduct(page);
  await page.getByLabel('「Velvet matte lipstick 丝绒口红」出现的时刻（秒）').fill('1');
  await page.getByTestId('tag-row').filter({ hasText: '在 1.0 秒出现' }).waitFor();
  await page.getByTestId('publish').click();
  await page.waitForURL(`${base}/studio`);
  const row = await rowOf(page, '一分钟上妆');
  const videoNoteId = (await row.getAttribute('data-note-id')) ?? '';
  await page.locator(`[data-note-id="${videoNoteId}"][data-status="PUBLISHED"]`).waitFor({ timeout: 60_000 });
  const saved = (await app.gql(NOTE_TAGS, { id: videoNoteId }, creator.token)).body.data?.note;
  expect(saved.productTags).toEqual([{ imageIndex: null, x: null, y: null, atMs: 1000, product: { id: productId } }]);
  expect(problems).toEqual([]);
  await context.close();

  const watching = await openPage(browser, { token: viewer.token });
  await watching.page.goto(`${base}/note/${videoNoteId}`);
  await watching.page.getByTestId('note-video').waitFor();
  await waitInPage(watching.page, 'document.querySelector(\'[data-testid="note-video"]\').currentTime > 0.5', 20_000);
  expect(watching.problems).toEqual([]);
  await watching.context.close();
});

it('says in words why a file was refused, and retries a file the lost connection stopped', async () => {
  const { context, page, problems } = await openPage(browser, { token: creator.token });
  const notAnImage = path.join(dir, 'notes.jpg');
  await writeFile(notAnImage, 'these are my shopping notes, not a photo\n'.repeat(20));
  const truncated = path.join(dir, 'truncated.png');
  const whole = path.join(dir, 'whole.png');
  await writePng(whole, 400, 300);
  await writeFile(truncated, (await readFile(whole)).subarray(0, 120));
  await page.goto(`${base}/studio/new`);
  await page.getByTestId('media-input').setInputFiles([notAnImage, truncated]);
  await page.locator('[data-testid="media-tile"][data-phase="failed"]').nth(1).waitFor({ timeout: 30_000 });
  const reasons = await page.getByTestId('media-failure').allTextContents();
  expect(reasons[0]).toContain('不支持这种文件');
  expect(reasons[1]).toContain('文件已损坏');
  // A refused file is not worth sending again as it is: no retry, and nothing can be saved while it stays.
  expect(await page.getByTestId('media-retry').count()).toBe(0);
  expect(await page.getByTestId('publish').isDisabled()).toBe(true);

  // A file sent while the connection is down fails with a retry button, which sends it again once it is back.
  await page.getByRole('button', { name: '移除第 1 个文件' }).click();
  await page.getByRole('button', { name: '移除第 1 个文件' }).click();
  await context.setOffline(true);
  await page.getByTestId('media-input').setInputFiles(images[0] ?? '');
  await page.getByTestId('media-failure').filter({ hasText: '网络连接中断' }).waitFor();
  await context.setOffline(false);
  await page.getByTestId('media-retry').click();
  await page.locator('[data-testid="media-tile"][data-phase="ready"]').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('media-failure').count()).toBe(0);
  // The refusals and the offline attempt are failed requests, which the browser logs; nothing else may go wrong.
  expect(problems.filter((problem) => !problem.includes('/uploads'))).toEqual([]);
  await context.close();
});

it('lists the creator’s notes with their status, filters them, and opens a note’s data', async () => {
  const cover = await uploadReady(app, creator, images[0] ?? '');
  const draft = await app.gql(
    CREATE,
    { input: { kind: 'IMAGE', title: '还没写完的草稿', media: [{ uploadId: cover.id }] } },
    creator.token,
  );
  expect(draft.body.data?.createNote.error).toBeNull();

  const { context, page, problems } = await openPage(browser, { token: creator.token });
  await page.goto(`${base}/studio`);
  await page.getByRole('heading', { name: '我的笔记' }).waitFor();
  await (await rowOf(page, '还没写完的草稿')).getByTestId('note-status').filter({ hasText: '草稿' }).waitFor();
  expect(await page.locator('[data-testid="studio-note"][data-status="PUBLISHED"]').count()).toBe(2);
  await page.getByTestId('filter-DRAFT').click();
  expect(await page.getByTestId('studio-note').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')))).toEqual([
    'DRAFT',
  ]);
  await page.getByTestId('filter-PUBLISHED').click();
  expect(await page.getByTestId('studio-note').count()).toBe(2);
  await page.getByTestId('filter-FAILED').click();
  await page.getByText('没有这个状态的笔记').waitFor();
  await page.getByTestId('filter-ALL').click();
  expect(await page.getByTestId('studio-note').count()).toBe(3);
  expect(describeViolations(await axeViolations(page))).toEqual([]);
  await screenshot(page, 'studio-notes');

  // The draft is edited, then deleted after a confirmation.
  await page.getByRole('link', { name: '编辑「还没写完的草稿」' }).click();
  await page.getByRole('heading', { name: '编辑笔记' }).waitFor();
  await page.getByTestId('note-title').fill('写完了的草稿');
  await page.getByTestId('save-draft').click();
  await page.waitForURL(`${base}/studio`);
  await (await rowOf(page, '写完了的草稿')).getByRole('button', { name: '删除「写完了的草稿」' }).click();
  await page.getByRole('button', { name: '确定删除' }).click();
  // Gone from the list, or listed as removed.
  await eventually(
    async () =>
      (await page.locator('[data-testid="studio-note"]:not([data-status="REMOVED"])').filter({ hasText: '写完了的草稿' }).count()) === 0,
    10_000,
  );

  // A viewer saw the note, read it and liked it: the data centre shows it once the rollup has folded those events in.
  const seen = await app.gql(
    RECORD,
    {
      events: [
        { eventId: randomUUID(), type: 'IMPRESSION', noteId: imageNoteId },
        { eventId: randomUUID(), type: 'VIEW', noteId: imageNoteId, value: 8 },
      ],
    },
    viewer.token,
  );
  expect(seen.body.data?.recordEvents.accepted).toBe(2);
  expect((await app.gql(LIKE, { noteId: imageNoteId }, viewer.token)).body.errors).toBeUndefined();
  await app.services.rollup.fold();

  await page.locator(`[data-note-id="${imageNoteId}"]`).getByTestId('note-data-link').click();
  await page.waitForURL(`${base}/studio/data/${imageNoteId}`);
  await page.getByRole('heading', { name: '笔记数据：秋冬口红试色' }).waitFor();
  await page.getByTestId('funnel-figures').waitFor();
  expect(await page.locator('[data-figure="impressions"] dd').textContent()).toBe('1');
  expect(await page.locator('[data-figure="reads"] dd').textContent()).toBe('1');
  expect(await page.locator('[data-figure="readRate"] dd').textContent()).toBe('100.0%');
  expect(await page.locator('[data-figure="likes"] dd').textContent()).toBe('1');
  await page.getByTestId('audience-topics').filter({ hasText: '#beauty' }).waitFor();
  // Drawn: Chart.js has drawn the lines, on a canvas with room for them.
  await waitInPage(page, `document.querySelector('[data-testid="series-chart"]')?.dataset.drawn === 'true'`);
  expect(await page.evaluate(`document.querySelector('[data-testid="series-chart"] canvas')?.height ?? 0`)).toBeGreaterThan(100);
  await page.getByRole('button', { name: '近 30 天' }).click();
  await waitInPage(page, `document.querySelector('[data-testid="series-chart"]')?.dataset.drawn === 'true'`);
  expect(describeViolations(await axeViolations(page))).toEqual([]);
  await screenshot(page, 'studio-data');

  // The viewer follows the creator: the overall page counts the new follower (a note's page does not).
  expect(await page.locator('[data-figure="followerGain"]').count()).toBe(0);
  await app.gql(`mutation($id: ID!) { follow(userId: $id) { id } }`, { id: creator.id }, viewer.token);
  await page.getByRole('link', { name: '查看全部笔记的数据' }).click();
  await page.waitForURL(`${base}/studio/data`);
  await page.locator('[data-figure="followerGain"] dd').filter({ hasText: /^1$/ }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('tells a viewer the studio is not for them', async () => {
  const { context, page, problems } = await openPage(browser, { token: viewer.token });
  await page.goto(`${base}/studio`);
  await page.getByTestId('no-access').waitFor();
  expect(await page.getByTestId('studio-notes').count()).toBe(0);
  await page.goto(`${base}/studio/new`);
  await page.getByTestId('no-access').waitFor();
  expect(await page.getByTestId('media-input').count()).toBe(0);
  expect(problems).toEqual([]);
  await context.close();
});

it('publishes a note whose Publish was pressed while its file was still uploading, once the file is up', async () => {
  const { context, page, problems } = await openPage(browser, { token: creator.token });
  await page.goto(`${base}/studio/new`);
  await page.getByRole('heading', { name: '发布笔记' }).waitFor();
  const network = await context.newCDPSession(page);
  // A slow uplink (10 KB/s): the file is still on its way when Publish is pressed.
  const uplink = (bytesPerSecond: number) =>
    network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: bytesPerSecond,
    });
  await uplink(10_000);
  await page.getByTestId('media-input').setInputFiles(images[2] ?? '');
  await page.getByTestId('note-title').fill('边传边发');
  await page.getByTestId('publish').click();
  await page.getByTestId('save-queued').filter({ hasText: '文件上传完成后立即发布' }).waitFor();
  expect(await page.locator('[data-testid="media-tile"][data-phase="uploading"]').count()).toBe(1);
  expect(await page.getByTestId('publish').isDisabled()).toBe(true);
  await uplink(-1);
  await page.waitForURL(`${base}/studio`, { timeout: 30_000 });
  const row = await rowOf(page, '边传边发');
  await page.locator(`[data-note-id="${await row.getAttribute('data-note-id')}"][data-status="PUBLISHED"]`).waitFor({ timeout: 30_000 });
  expect(problems).toEqual([]);
  await context.close();
});
