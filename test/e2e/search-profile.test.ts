import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { JobRuntime } from '../../jobs/runtime';
import { axeViolations, describeViolations, launchBrowser, openPage } from '../support/browser';
import { createProduct, signUp, type Account } from '../support/factories';
import { closeWorld, postNote, uploadReady } from '../support/e2e-world';
import { startTestApp, type TestApp } from '../support/harness';
import { writePng } from '../support/image-fixtures';
import { startTestWorker } from '../support/worker';

// Search and profiles in Chromium against the real API: two creators whose notes have Chinese
// titles and real uploaded covers, a brand's lipstick, a visitor searching and a viewer following.

let dir: string;
let app: TestApp;
let base: string;
let worker: JobRuntime;
let browser: Browser;
let lipstickCreator: Account;
let hotpotCreator: Account;

async function postNotes(creator: Account, cover: string, titles: string[]): Promise<void> {
  const { id: uploadId } = await uploadReady(app, creator, cover);
  for (const title of titles) await postNote(app, creator, { title, body: `${title}，真心推荐`, media: [{ uploadId }] });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'seedfeed-e2e-search-'));
  app = await startTestApp();
  base = await app.listen();
  worker = await startTestWorker(app);
  lipstickCreator = await signUp(app, 'CREATOR', { displayName: '口红小达人' });
  hotpotCreator = await signUp(app, 'CREATOR', { displayName: '吃货阿明' });
  await writePng(path.join(dir, 'a.png'), 600, 800);
  await writePng(path.join(dir, 'b.png'), 600, 760);
  await postNotes(lipstickCreator, path.join(dir, 'a.png'), ['口红推荐', '秋冬口红分享', '通勤淡妆教程']);
  await postNotes(hotpotCreator, path.join(dir, 'b.png'), ['重庆火锅']);
  const brand = await signUp(app, 'BRAND');
  await createProduct(app, brand, { title: '丝绒雾面口红' });
  browser = await launchBrowser();
}, 300_000);

afterAll(() => closeWorld({ browser, worker, app, dir }));

const cardTitles = (page: Page) => page.locator('[data-testid="note-card"] .note-card-title').allTextContents();

it('lets a visitor search a Chinese word, with suggestions, matching notes and, on the products tab, the product', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(base);
  const box = page.getByRole('search').getByRole('combobox');
  await box.fill('口红');
  // Suggestions come once typing has paused: the titles of the first results.
  const suggestion = page.getByRole('option', { name: '秋冬口红分享' });
  await suggestion.waitFor();
  await box.press('Enter');
  await page.waitForURL(`${base}/search?q=${encodeURIComponent('口红')}`);
  // The feed stays on screen until the search page's code has arrived: its cards are not the results.
  await page.getByTestId('search-tab-notes').waitFor();
  await page.getByTestId('note-card').nth(1).waitFor();
  const titles = await cardTitles(page);
  expect(titles).toEqual(expect.arrayContaining(['口红推荐', '秋冬口红分享']));
  expect(titles).not.toContain('重庆火锅');
  expect(describeViolations(await axeViolations(page))).toEqual([]);

  await page.getByTestId('search-tab-products').click();
  const product = page.getByTestId('product-row').filter({ hasText: '丝绒雾面口红' });
  await product.waitFor();
  expect(await product.getAttribute('href')).toMatch(/^\/product\/.+/);
  expect(describeViolations(await axeViolations(page))).toEqual([]);

  // A suggestion chosen with the arrows searches for it, and the search is remembered.
  await box.fill('火锅');
  await page.getByRole('option', { name: '重庆火锅' }).waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
  await page.waitForURL(/\/search\?q=/);
  expect(decodeURIComponent(new URL(page.url()).searchParams.get('q') ?? '')).toBe('重庆火锅');
  await page.getByTestId('search-tab-notes').click();
  await page.locator('[data-testid="note-card"] .note-card-title', { hasText: '重庆火锅' }).waitFor();
  await box.fill('');
  await page.getByRole('listbox', { name: '最近搜索' }).getByRole('option', { name: '口红' }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it('lets a signed-in viewer open a creator from a note card, follow them, and find them among those they follow', async () => {
  const viewer = await signUp(app, 'VIEWER', { displayName: '路人小王' });
  const { context, page, problems } = await openPage(browser, { token: viewer.token });
  await page.goto(`${base}/search?q=${encodeURIComponent('口红')}`);
  const card = page.getByTestId('note-card').filter({ hasText: '口红推荐' });
  await card.getByTestId('note-card-author').click();
  await page.waitForURL(`${base}/user/${lipstickCreator.id}`);
  const profile = page.getByTestId('profile');
  await profile.getByRole('heading', { name: '口红小达人' }).waitFor();
  await page.getByTestId('note-card').nth(2).waitFor();
  expect(await cardTitles(page)).toEqual(expect.arrayContaining(['口红推荐', '秋冬口红分享', '通勤淡妆教程']));
  expect(await profile.getByTestId('follower-count').textContent()).toBe('0');
  expect(describeViolations(await axeViolations(page))).toEqual([]);

  await profile.getByTestId('follow-button').click();
  await profile.locator('[data-testid="follow-button"][aria-pressed="true"]:not([disabled])').waitFor();
  expect(await profile.getByTestId('follower-count').textContent()).toBe('1');

  await page.locator('header .viewer-chip').click();
  await page.waitForURL(`${base}/user/${viewer.id}`);
  await page.getByTestId('following-link').click();
  await page.waitForURL(`${base}/user/${viewer.id}/following`);
  await page.getByTestId('person').filter({ hasText: '口红小达人' }).waitFor();
  expect(describeViolations(await axeViolations(page))).toEqual([]);

  // The follow was saved, not only shown.
  await page.goto(`${base}/user/${lipstickCreator.id}`);
  expect(await page.getByTestId('follower-count').textContent()).toBe('1');
  expect(await page.getByTestId('follow-button').getAttribute('aria-pressed')).toBe('true');
  expect(problems).toEqual([]);
  await context.close();
});

it('lets a creator change their bio and avatar, through an upload', async () => {
  const { context, page, problems } = await openPage(browser, { token: hotpotCreator.token });
  await page.goto(`${base}/me/edit`);
  const bio = page.getByLabel('简介');
  await bio.waitFor();
  await page.getByTestId('avatar-input').setInputFiles(path.join(dir, 'b.png'));
  await page.getByTestId('avatar-status').filter({ hasText: '新头像已就绪' }).waitFor({ timeout: 60_000 });
  await bio.fill('重庆人，爱吃火锅');
  await page.getByRole('button', { name: '美食' }).click();
  expect(describeViolations(await axeViolations(page))).toEqual([]);
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(`${base}/user/${hotpotCreator.id}`);
  await page.getByTestId('profile').getByText('重庆人，爱吃火锅').waitFor();
  expect(await page.locator('[data-testid="profile"] img.avatar').getAttribute('src')).toBeTruthy();
  const saved = await app.gql('{ viewer { interests } }', {}, hotpotCreator.token);
  expect(saved.body.data?.viewer?.interests).toContain('food');
  expect(problems).toEqual([]);
  await context.close();
});

it('lets a viewer account change its avatar too, and says plainly when the chosen file is not an image', async () => {
  const viewer = await signUp(app, 'VIEWER');
  const { context, page, problems } = await openPage(browser, { token: viewer.token });
  await page.goto(`${base}/me/edit`);
  const input = page.getByTestId('avatar-input');
  await input.setInputFiles({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: Buffer.from('not really a video') });
  await page.getByRole('alert').filter({ hasText: '头像需要是一张图片' }).waitFor();
  await input.setInputFiles(path.join(dir, 'a.png'));
  await page.getByTestId('avatar-status').filter({ hasText: '新头像已就绪' }).waitFor({ timeout: 60_000 });
  expect(await page.getByRole('alert').count()).toBe(0);
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(`${base}/user/${viewer.id}`);
  const saved = await app.gql('{ viewer { avatarUrl } }', {}, viewer.token);
  expect(saved.body.data?.viewer?.avatarUrl).toMatch(/^\/media\/images\//);
  expect(await page.locator('[data-testid="profile"] img.avatar').getAttribute('src')).toBe(saved.body.data?.viewer?.avatarUrl);
  expect(problems).toEqual([]);
  await context.close();
});
