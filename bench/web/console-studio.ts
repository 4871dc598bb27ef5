import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser } from '../../test/support/browser';
import { pinProcess, splitCpus } from '../cpus';
import { spawnProduct, stopProduct, waitForReady } from '../product-process';
import { median, round } from '../stats';
import { addDashboardCeiling, DASHBOARD_CEILING_PAGE } from './dashboard-ceiling';
import { seenAt, watch } from './page-clock';

// The brand console and the creator studio, in a world of the demo's size (scale 1 unless DASHBOARD_SCALE says
// otherwise), with the product's API and workers in one process as `npm start` runs them.
// - dashboard_js_kb_gz: the JavaScript a first visit to the dashboard loads (the app's entry, the console, Chart.js);
//   dashboard_route_js_kb_gz: the part of it that only console routes load (the console and Chart.js).
// - dashboard_render_ms: from navigation to every chart drawn, on a laptop-sized page with the CPU slowed 4×, median;
//   dashboard_render_bare_page_ms: the same for a bare page of the same four charts (dashboard-ceiling.ts), the ceiling.
// - studio_publish_ms: three 12-megapixel JPEGs from the moment the studio's page is handed them (the end of a pick) to
//   their note published (media processed, by the server's own timestamp), median; studio_publish_api_ms: the same
//   three files uploaded and published through the API alone, in the same run and alternating with the studio's tries,
//   which is the ceiling any client could reach here; studio_publish_bare_page_ms: the same from a bare page in the
//   same Chromium (a file input, three fetches and the createNote mutation, no app), the ceiling of any web client.
//   The product runs on one half of the CPUs and the clients on the other (see measurePublishing).
const PORT = 4741;
const BASE = `http://127.0.0.1:${PORT}`;
const CPU_SLOWDOWN = 4;
const TRIES = 5;
// Publishing varies more from try to try than a page load (the server's processing shares its CPU with the uploads).
const PUBLISH_TRIES = 7;
const FIRST_START_MS = 600_000;
const PHOTO = { width: 4000, height: 3000 };
const DEMO_PASSWORD = 'demo-password';

// A page script as a string: a function would be sent as tsx transpiled it, with helpers the page does not have.
// Each chart marks itself drawn once Chart.js has rendered it.
const CHARTS_DRAWN = `(() => { const charts = document.querySelectorAll('[data-chart]');
  return charts.length > 0 && Array.from(charts).every((c) => c.dataset.drawn === 'true'); })()`;

export interface ConsoleStudioFigures {
  dashboard_js_kb_gz: number;
  dashboard_route_js_kb_gz: number;
  dashboard_render_ms: number;
  dashboard_render_bare_page_ms: number;
  dashboard_render_vs_bare_page: number;
  studio_publish_ms: number;
  studio_publish_api_ms: number;
  studio_publish_vs_api: number;
  studio_publish_bare_page_ms: number;
  studio_publish_vs_bare_page: number;
  dashboard_seed_scale: number;
}

export async function measureConsoleAndStudio(
  browser: Browser,
  dist: string,
  seed: (dataDir: string, scale: number) => Promise<void>,
): Promise<ConsoleStudioFigures> {
  const scale = Number(process.env.DASHBOARD_SCALE ?? 1);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'seedfeed-bench-console-'));
  await seed(dataDir, scale);
  const webDir = path.join(dataDir, 'web');
  await cp(dist, webDir, { recursive: true });
  await addDashboardCeiling(webDir);
  const product = spawnProduct({
    DATA_DIR: dataDir,
    WEB_DIST_DIR: webDir,
    ROLES: 'api,worker',
    PORT: String(PORT),
    SEED_ON_START: '1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-0123456789abcdef',
    REDIS_PREFIX: 'bench-console',
  });
  try {
    await waitForReady(`${BASE}/readyz`, FIRST_START_MS);
    const brandToken = await logIn('demo_brand');
    const creatorToken = await logIn('demo_creator');

    // The product warm, as the other benchmarks measure it: its first requests compile its code and fill PGlite's
    // caches, which a visitor of a running product does not meet. Each timed visit is still the browser's first.
    const { queryBody } = await openDashboard(browser, brandToken);
    await openDashboardCeiling(browser, brandToken, queryBody);
    const loads: DashboardLoad[] = [];
    const ceilings: number[] = [];
    for (let i = 0; i < TRIES; i += 1) {
      loads.push(await openDashboard(browser, brandToken));
      ceilings.push(await openDashboardCeiling(browser, brandToken, queryBody));
    }
    const renderMs = median(loads.map((load) => load.drawnMs));
    const ceilingMs = median(ceilings);

    const { studioMs, apiMs, bareMs } = await measurePublishing(product, creatorToken, await writePhotos(dataDir));
    return {
      dashboard_js_kb_gz: round(Math.max(...loads.map((load) => load.jsBytes)) / 1024, 1),
      dashboard_route_js_kb_gz: round(Math.max(...loads.map((load) => load.routeJsBytes)) / 1024, 1),
      dashboard_render_ms: round(renderMs, 0),
      dashboard_render_bare_page_ms: round(ceilingMs, 0),
      dashboard_render_vs_bare_page: round(renderMs / ceilingMs, 2),
      studio_publish_ms: round(studioMs, 0),
      studio_publish_api_ms: round(apiMs, 0),
      studio_publish_vs_api: round(studioMs / apiMs, 2),
      studio_publish_bare_page_ms: round(bareMs, 0),
      studio_publish_vs_bare_page: round(studioMs / bareMs, 2),
      dashboard_seed_scale: scale,
    };
  } finally {
    await stopProduct(product);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The three ways of publishing the same photos, alternating, with the product on one half of the CPUs and every client
 * (this process, and a browser of its own started from it) on the other: a creator's phone does not take the CPU the
 * server's processing needs, as a browser on the same two cores would (which made a bare page alone 1.4–1.6× the API).
 */
async function measurePublishing(
  product: ChildProcess,
  token: string,
  photos: string[],
): Promise<{ studioMs: number; apiMs: number; bareMs: number }> {
  const cpus = splitCpus();
  if (product.pid === undefined) throw new Error('the product has no process id');
  pinProcess(product.pid, cpus.server);
  pinProcess(process.pid, cpus.client);
  const browser = await launchBrowser();
  try {
    // One untimed round: each way's first publish compiles code and fills caches (the product's and the browser's).
    await publishThroughApi(token, photos, 'bench warm-up api');
    await publishFromBarePage(browser, token, photos, 'bench warm-up bare page');
    await publishInStudio(browser, token, photos, 'bench warm-up studio');
    const studio: number[] = [];
    const api: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < PUBLISH_TRIES; i += 1) {
      api.push(await publishThroughApi(token, photos, `bench api ${i}`));
      bare.push(await publishFromBarePage(browser, token, photos, `bench bare page ${i}`));
      studio.push(await publishInStudio(browser, token, photos, `bench studio ${i}`));
    }
    return { studioMs: median(studio), apiMs: median(api), bareMs: median(bare) };
  } finally {
    await browser.close();
    pinProcess(process.pid, cpus.all);
  }
}

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function logIn(handle: string): Promise<string> {
  const data = await gql<{ logIn: { token: string | null } }>(`mutation($input: LogInInput!) { logIn(input: $input) { token } }`, {
    input: { login: handle, password: DEMO_PASSWORD },
  });
  if (!data.logIn.token) throw new Error(`cannot log in as ${handle}`);
  return data.logIn.token;
}

async function signedInContext(browser: Browser, token: string): Promise<BrowserContext> {
  // The probes read the page with evaluate, which the app's content security policy would refuse.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true, locale: 'zh-CN' });
  await context.addInitScript(`localStorage.setItem('seedfeed.token', ${JSON.stringify(token)})`);
  await context.route(/^https?:\/\//, (route) => (route.request().url().startsWith(BASE) ? route.continue() : route.abort()));
  return context;
}

interface DashboardLoad {
  jsBytes: number;
  routeJsBytes: number;
  drawnMs: number;
  /** The request the dashboard sent for its figures, which its ceiling sends too. */
  queryBody: string;
}

/**
 * A first visit (a fresh context) to `url` with the CPU slowed: when every chart on the page had drawn. `setUp` is given
 * the page before it navigates (to add scripts or listen); `collect` gathers what was heard, once the page is idle and
 * before the context closes.
 */
async function slowedFirstVisit<T>(
  browser: Browser,
  token: string,
  url: string,
  setUp: (page: Page) => Promise<unknown>,
  collect: () => Promise<T>,
): Promise<{ drawnMs: number; collected: T }> {
  const context = await signedInContext(browser, token);
  try {
    await context.addInitScript(watch({ charts: CHARTS_DRAWN }));
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await setUp(page);
    await page.goto(url, { waitUntil: 'commit' });
    const drawnMs = await seenAt(page, 'charts', 120_000, `${url} does not draw its charts`);
    await page.waitForLoadState('networkidle');
    return { drawnMs, collected: await collect() };
  } finally {
    await context.close();
  }
}

/** The dashboard's first visit: the scripts it loaded, its query, and when every chart had drawn. */
async function openDashboard(browser: Browser, token: string): Promise<DashboardLoad> {
  const scripts: Promise<{ entry: boolean; bytes: number }>[] = [];
  let queryBody = '';
  const listen = async (page: Page) => {
    page.on('request', (request) => {
      const body = request.postData();
      if (body?.includes('"operationName":"ConsoleDashboard"')) queryBody = body;
    });
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      // The viewer app's entry script (index.html's) is loaded by every page; the rest is what the console adds.
      const entry = /\/assets\/index-[^/]+\.js$/.test(response.url());
      scripts.push(response.body().then((body) => ({ entry, bytes: gzipSync(body).length })));
    });
  };
  const { drawnMs, collected: loaded } = await slowedFirstVisit(browser, token, `${BASE}/console`, listen, () => Promise.all(scripts));
  if (!queryBody) throw new Error('the dashboard never asked for its figures');
  const sum = (list: { bytes: number }[]) => list.reduce((total, script) => total + script.bytes, 0);
  return { jsBytes: sum(loaded), routeJsBytes: sum(loaded.filter((script) => !script.entry)), drawnMs, queryBody };
}

/** The dashboard's ceiling (see dashboard-ceiling.ts) on a first visit: when its four charts had drawn. */
async function openDashboardCeiling(browser: Browser, token: string, queryBody: string): Promise<number> {
  const handQuery = (page: Page) => page.addInitScript(`window.__dashboardQuery = ${JSON.stringify(queryBody)}`);
  const { drawnMs } = await slowedFirstVisit(browser, token, `${BASE}${DASHBOARD_CEILING_PAGE}`, handQuery, async () => undefined);
  return drawnMs;
}

/** Three phone-photo-sized JPEGs (12 MP, a few MB each, as a phone's camera writes them), different from each other. */
async function writePhotos(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const file = path.join(dir, `photo-${i}.jpg`);
    const noise = await sharp({
      create: { ...PHOTO, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 110 + 20 * i, sigma: 40 } },
    })
      .blur(1.2)
      .jpeg({ quality: 88 })
      .toBuffer();
    await sharp(noise).toFile(file);
    files.push(file);
  }
  return files;
}

async function publishThroughApi(token: string, files: string[], title: string): Promise<number> {
  const started = Date.now();
  const ids = await Promise.all(
    files.map(async (file) => {
      const form = new FormData();
      form.append('file', new Blob([await readFile(file)], { type: 'image/jpeg' }), path.basename(file));
      const res = await fetch(`${BASE}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      if (res.status !== 201) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    }),
  );
  const created = await gql<{ createNote: { note: { id: string } | null; error: unknown } }>(
    `mutation($input: CreateNoteInput!) { createNote(input: $input) { note { id } error { code message } } }`,
    { input: { kind: 'IMAGE', title, body: 'bench', topics: ['beauty'], media: ids.map((uploadId) => ({ uploadId })), publish: true } },
    token,
  );
  if (!created.createNote.note) throw new Error(`createNote failed: ${JSON.stringify(created.createNote.error)}`);
  return (await publishedAt(token, created.createNote.note.id)) - started;
}

/** The page script of the bare page: the picked files uploaded at once, then the note created and published. */
const BARE_PAGE = (token: string, title: string) => `document.body.innerHTML = '<input type="file" multiple>';
  document.querySelector('input').addEventListener('change', async (event) => {
    const auth = { authorization: 'Bearer ' + ${JSON.stringify(token)} };
    const ids = await Promise.all([...event.target.files].map(async (file) => {
      const form = new FormData();
      form.append('file', file);
      const res = await fetch('/uploads', { method: 'POST', headers: auth, body: form });
      return (await res.json()).id;
    }));
    await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({
      query: 'mutation($input: CreateNoteInput!) { createNote(input: $input) { note { id } } }',
      variables: { input: { kind: 'IMAGE', title: ${JSON.stringify(title)}, body: 'bench', topics: ['beauty'],
        media: ids.map((uploadId) => ({ uploadId })), publish: true } } }) });
  });`;

async function publishFromBarePage(browser: Browser, token: string, files: string[], title: string): Promise<number> {
  const context = await signedInContext(browser, token);
  await context.addInitScript(NOTE_PICK);
  try {
    const page = await context.newPage();
    // Any page of the product's origin, so the fetches are same-origin as the studio's.
    await page.goto(`${BASE}/robots.txt`);
    await page.evaluate(BARE_PAGE(token, title));
    await page.locator('input').setInputFiles(files);
    return (await publishedAt(token, await newestNoteTitled(token, title))) - (await pickedAt(page));
  } finally {
    await context.close();
  }
}

async function publishInStudio(browser: Browser, token: string, files: string[], title: string): Promise<number> {
  const context = await signedInContext(browser, token);
  await context.addInitScript(NOTE_PICK);
  try {
    const page = await context.newPage();
    await page.goto(`${BASE}/studio/new`);
    const input = page.getByTestId('media-input');
    await input.waitFor({ state: 'attached' });
    // The title before the pick: a person writes it while the files upload, taking longer than they do; a robot
    // typing it after the pick would only add its own round trips to the time.
    await page.getByTestId('note-title').fill(title);
    await input.setInputFiles(files);
    await page.getByTestId('publish').click();
    return (await publishedAt(token, await newestNoteTitled(token, title))) - (await pickedAt(page));
  } finally {
    await context.close();
  }
}

/**
 * Notes when the page is handed the picked files, on this machine's clock. A person's pick ends when the file dialog
 * closes and the page has the files; Playwright's own work to hand them over (100–250 ms here) is not the page's.
 */
const NOTE_PICK = `document.addEventListener('change', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.type === 'file') window.__pickedAt ??= Date.now();
}, true);`;

async function pickedAt(page: Page): Promise<number> {
  const at = await page.evaluate<number | undefined>('window.__pickedAt');
  if (at === undefined) throw new Error('the page was never handed the picked files');
  return at;
}

async function newestNoteTitled(token: string, title: string): Promise<string> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(100)) {
    const data = await gql<{ viewer: { notes: { edges: { node: { id: string; title: string } }[] } } }>(
      `{ viewer { notes(first: 5) { edges { node { id title } } } } }`,
      {},
      token,
    );
    const note = data.viewer.notes.edges.find((edge) => edge.node.title === title);
    if (note) return note.node.id;
  }
  throw new Error(`the studio did not create the note "${title}" within 120 s`);
}

/**
 * When the server published the note (its own timestamp, on this machine's clock), so how often this asks does not
 * add to the figure.
 */
async function publishedAt(token: string, id: string): Promise<number> {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await sleep(100)) {
    const data = await gql<{ note: { status: string; publishedAt: string | null } | null }>(
      `query($id: ID!) { note(id: $id) { status publishedAt } }`,
      { id },
      token,
    );
    if (data.note?.status === 'PUBLISHED' && data.note.publishedAt) return Date.parse(data.note.publishedAt);
    if (data.note?.status === 'FAILED') throw new Error(`note ${id} failed`);
  }
  throw new Error(`note ${id} was not published within 300 s`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
