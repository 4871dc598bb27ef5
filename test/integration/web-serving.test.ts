import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startTestApp, type TestApp } from '../support/harness';

const INDEX = '<!doctype html><html lang="en"><title>web-serving test</title><div id="root"></div>\n';
// Long enough to be worth compressing.
const SCRIPT = `console.log(${JSON.stringify('seedfeed '.repeat(400))});\n`;
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request as sent, path and all: supertest's client would resolve `..` before sending, and would decompress the body. */
function raw(base: string, urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the built web app on the API origin', () => {
  let app: TestApp;
  let base: string;
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'seedfeed-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), INDEX);
    await writeFile(path.join(dist, 'assets', 'app-abc123.js'), SCRIPT);
    await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await startTestApp({ WEB_DIST_DIR: dist });
    base = await app.listen();
  });
  afterAll(async () => {
    await app.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('answers / and the pages of the app with index.html, revalidated on every visit', async () => {
    for (const page of ['/', `/note/${randomUUID()}`, '/search?q=lipstick', '/u/demo_creator/collections']) {
      const res = await app.http.get(page).set('accept', HTML);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe(INDEX);
    }
  });

  it('serves hashed assets for a year and other files of the build revalidated', async () => {
    const script = await app.http.get('/assets/app-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.text).toBe(SCRIPT);
    const icon = await app.http.get('/favicon.svg');
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, not index.html', async () => {
    const res = await app.http.get('/assets/app-old999.js').set('accept', HTML);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<div id="root">');
  });

  it('compresses with brotli or gzip as the client accepts, and varies on it', async () => {
    const br = await raw(base, '/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);

    const gz = await raw(base, '/assets/app-abc123.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await raw(base, '/assets/app-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
  });

  it('sends the compressed files a build wrote beside its own, unless they are older than the file', async () => {
    // Brotli at its lowest level: bytes the server's own (at its highest) would not match.
    const ownBr = zlib.brotliCompressSync(SCRIPT, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
    const ownGz = zlib.gzipSync(SCRIPT, { level: 1 });
    for (const name of ['fresh-def456.js', 'stale-ghi789.js']) {
      const file = path.join(dist, 'assets', name);
      await writeFile(file, SCRIPT);
      await writeFile(`${file}.br`, ownBr);
      await writeFile(`${file}.gz`, ownGz);
    }
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(dist, 'assets', 'stale-ghi789.js'), later, later);

    const fresh = await raw(base, '/assets/fresh-def456.js', { 'accept-encoding': 'br' });
    expect(fresh.headers['content-encoding']).toBe('br');
    expect(fresh.body.equals(ownBr)).toBe(true);
    const freshGz = await raw(base, '/assets/fresh-def456.js', { 'accept-encoding': 'gzip' });
    expect(freshGz.body.equals(ownGz)).toBe(true);

    const stale = await raw(base, '/assets/stale-ghi789.js', { 'accept-encoding': 'br' });
    expect(stale.body.equals(ownBr)).toBe(false);
    expect(zlib.brotliDecompressSync(stale.body).toString()).toBe(SCRIPT);
  });

  it('answers a repeated request with 304 while the file is unchanged', async () => {
    const first = await app.http.get('/').set('accept', HTML);
    const again = await app.http.get('/').set('accept', HTML).set('if-none-match', first.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('no-cache');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    for (const [urlPath, cacheControl, size] of [
      ['/', 'no-cache', INDEX.length],
      ['/assets/app-abc123.js', 'public, max-age=31536000, immutable', SCRIPT.length],
    ] as const) {
      const res = await raw(base, urlPath, { accept: HTML }, 'HEAD');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe(cacheControl);
      expect(Number(res.headers['content-length'])).toBe(size);
      expect(res.body.length).toBe(0);
    }
  });

  it('still routes GraphQL to Apollo, by POST and by GET, and leaves it the explorer', async () => {
    const posted = await app.gql('{ __typename }');
    expect(posted.body.data).toEqual({ __typename: 'Query' });
    const got = await app.http
      .get('/graphql')
      .query({ query: '{ __typename }' })
      .set('accept', 'application/json')
      .set('apollo-require-preflight', 'true');
    expect(got.status).toBe(200);
    expect(got.body.data).toEqual({ __typename: 'Query' });
    const explorer = await app.http.get('/graphql').set('accept', HTML);
    expect(explorer.headers['content-type']).toMatch(/^text\/html/);
    expect(explorer.text).toMatch(/apollo/i);
    expect(explorer.text).not.toContain('<div id="root">');
  });

  it('leaves the health, readiness and metrics endpoints as they were', async () => {
    const health = await app.http.get('/healthz').set('accept', HTML);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await app.http.get('/readyz').set('accept', HTML);
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    const metrics = await app.http.get('/metrics').set('accept', HTML);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toContain('# TYPE');
  });

  it('never answers an API path with index.html', async () => {
    const media = await app.http.get('/media/nonexistent/file.webp').set('accept', HTML);
    expect(media.status).toBe(404);
    for (const urlPath of ['/media/nonexistent', '/uploads', '/uploads/x', '/webhooks/orders/x', '/metrics/x']) {
      const res = await app.http.get(urlPath).set('accept', HTML);
      expect(res.text).not.toContain('<div id="root">');
    }
  });

  it('answers a page to clients that do not take HTML with 404', async () => {
    const res = await app.http.get(`/note/${randomUUID()}`).set('accept', 'application/json');
    expect(res.status).toBe(404);
  });

  it('refuses paths that climb out of the build', async () => {
    for (const urlPath of [
      '/assets/..%2f..%2fpackage.json',
      '/assets/..%2F..%2Fpackage.json',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%5c..%5cpackage.json',
      '/assets/%00.js',
    ]) {
      const res = await raw(base, urlPath, { accept: HTML });
      expect([400, 403, 404]).toContain(res.status);
      expect(res.body.toString()).not.toContain('"name": "seedfeed"');
    }
    for (const urlPath of ['/..%2fpackage.json', '/..%2f..%2fpackage.json', '/%2e%2e/package.json', '/.env']) {
      const res = await raw(base, urlPath, { accept: HTML });
      expect(res.body.toString()).not.toContain('"name": "seedfeed"');
    }
  });
});

describe('before the web app is built', () => {
  let app: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'seedfeed-unbuilt-'));
    app = await startTestApp({ WEB_DIST_DIR: path.join(dist, 'dist') });
  });
  afterAll(async () => {
    await app.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('answers the pages of the app with a page that says how to build it, and serves the build once it exists', async () => {
    for (const page of ['/', '/note/123']) {
      const res = await app.http.get(page).set('accept', HTML);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain('npm run build:web');
    }
    expect((await app.gql('{ __typename }')).body.data).toEqual({ __typename: 'Query' });

    await mkdir(path.join(dist, 'dist'));
    await writeFile(path.join(dist, 'dist', 'index.html'), INDEX);
    const built = await app.http.get('/').set('accept', HTML);
    expect(built.status).toBe(200);
    expect(built.text).toBe(INDEX);
  });
});
