import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
import { spawnProduct, stopProduct, waitForReady } from '../product-process';
import { median, round } from '../stats';
import { seenAt, watch } from './page-clock';

// The brand console and the creator studio, in a world of the demo's size (scale 1 unless DASHBOARD_SCALE says
// otherwise), with the product's API and workers in one process as `npm start` runs them.
// - dashboard_js_kb_gz: the JavaScript a first visit to the dashboard loads (the app's entry, the console, Chart.js);
//   dashboard_route_js_kb_gz: the part of it that only console routes load (the console and Chart.js).
// - dashboard_render_ms: from navigation to every chart drawn, on a laptop-sized page with the CPU slowed 4×, median.
// - studio_publish_ms: three 12-megapixel JPEGs from being picked in the studio to their note published (media
//   processed), median; studio_publish_api_ms: the same three files uploaded and published through the API alone, in
//   the same run and alternating with the studio's tries, which is the ceiling any client could reach here;
//   studio_publish_bare_page_ms: the same from a bare page in the same Chromium (a file input, three fetches and the
//   createNote mutation, no app), the ceiling of any web client: the browser's own cost of sending the files, on the
//   two cores the product's processing also needs, is in it and not in the API's.
const PORT = 4741;
const BASE = `http://127.0.0.1:${PORT}`;
const CPU_SLOWDOWN = 4;
const TRIES = 5;
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
  const product = spawnProduct({
    DATA_DIR: dataDir,
    WEB_DIST_DIR: dist,
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
    await openDashboard(browser, brandToken);
    const loads: { jsBytes: number; routeJsBytes: number; drawnMs: number }[] = [];
    for (let i = 0; i < TRIES; i += 1) loads.push(await openDashboard(browser, brandToken));

    const photos = await writePhotos(dataDir);
    await publishThroughApi(creatorToken, photos, 'bench warm-up');
    const studio: number[] = [];
    const api: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < TRIES; i += 1) {
      api.push(await publishThroughApi(creatorToken, photos, `bench api ${i}`));
      bare.push(await publishFromBarePage(browser, creatorToken, photos, `bench bare page ${i}`));
      studio.push(await publishInStudio(browser, creatorToken, photos, `bench studio ${i}`));
    }
    const studioMs = median(studio);
    const apiMs = median(api);
    const bareMs = median(bare);
    return {
      dashboard_js_kb_gz: round(Math.max(...loads.map((load) => load.jsBytes)) / 1024, 1),
      dashboard_route_js_kb_gz: round(Math.max(...loads.map((load) => load.routeJsBytes)) / 1024, 1),
      dashboard_render_ms: round(median(loads.map((load) => load.drawnMs)), 0),
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

/** The dashboard in a fresh context (a first visit) with the CPU slowed: the scripts it loaded, and when every chart had drawn. */
async function openDashboard(browser: Browser, token: string): Promise<{ jsBytes: number; routeJsBytes: number; drawnMs: number }> {
  const context = await signedInContext(browser, token);
  await context.addInitScript(watch({ charts: CHARTS_DRAWN }));
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const scripts: Promise<{ entry: boolean; bytes: number }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      // The viewer app's entry script (index.html's) is loaded by every page; the rest is what the console adds.
      const entry = /\/assets\/index-[^/]+\.js$/.test(response.url());
      scripts.push(response.body().then((body) => ({ entry, bytes: gzipSync(body).length })));
    });
    await page.goto(`${BASE}/console`, { waitUntil: 'commit' });
    const drawnMs = await seenAt(page, 'charts', 120_000, 'the dashboard does not draw its charts');
    await page.waitForLoadState('networkidle');
    const loaded = await Promise.all(scripts);
    const sum = (list: { bytes: number }[]) => list.reduce((total, script) => total + script.bytes, 0);
    return { jsBytes: sum(loaded), routeJsBytes: sum(loaded.filter((script) => !script.entry)), drawnMs };
  } finally {
    await context.close();
  }
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
  const started = performance.now();
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
  await published(token, created.createNote.note.id);
  return performance.now() - started;
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
  try {
    const page = await context.newPage();
    // Any page of the product's origin, so the fetches are same-origin as the studio's.
    await page.goto(`${BASE}/robots.txt`);
    await page.evaluate(BARE_PAGE(token, title));
    const started = performance.now();
    await page.locator('input').setInputFiles(files);
    await published(token, await newestNoteTitled(token, title));
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

async function publishInStudio(browser: Browser, token: string, files: string[], title: string): Promise<number> {
  const context = await signedInContext(browser, token);
  try {
    const page = await context.newPage();
    await page.goto(`${BASE}/studio/new`);
    const input = page.getByTestId('media-input');
    await input.waitFor({ state: 'attached' });
    const started = performance.now();
    await input.setInputFiles(files);
    await page.getByTestId('note-title').fill(title);
    await page.getByTestId('publish').click();
    const id = await newestNoteTitled(token, title);
    await published(token, id);
    return performance.now() - started;
  } finally {
    await context.close();
  }
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

async function published(token: string, id: string): Promise<void> {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await sleep(100)) {
    const data = await gql<{ note: { status: string } | null }>(`query($id: ID!) { note(id: $id) { status } }`, { id }, token);
    if (data.note?.status === 'PUBLISHED') return;
    if (data.note?.status === 'FAILED') throw new Error(`note ${id} failed`);
  }
  throw new Error(`note ${id} was not published within 300 s`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
