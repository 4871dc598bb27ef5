import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/harness';

// What changes when NODE_ENV=production: the API says less about itself, and every answer carries
// the security headers a browser acts on.
let app: TestApp;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'seedfeed-prod-dist-'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>prod</title><div id="root"></div>');
  app = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret-for-tests', WEB_DIST_DIR: dist });
});
afterAll(async () => {
  await app.close();
  await rm(dist, { recursive: true, force: true });
});

describe('in production', () => {
  it('hides the schema: no introspection, and no "Did you mean" naming fields it would not list', async () => {
    const introspection = await app.gql('{ __schema { types { name } } }');
    expect(introspection.body.data).toBeUndefined();
    const typo = await app.gql('{ fed { edges { node { id } } } }');
    expect(typo.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.body)).not.toContain('Did you mean');
  });

  it('sends security headers, and the web app a content security policy that runs only its own scripts', async () => {
    const api = await app.http.post('/graphql').set('content-type', 'application/json').send({ query: '{ ping }' });
    expect(api.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
    expect(api.headers['strict-transport-security']).toContain('max-age=');
    const page = await app.http.get('/note/anything').set('accept', 'text/html');
    expect(page.status).toBe(200);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
  });
});

describe('the metrics endpoint', () => {
  it('is not served in production without METRICS_TOKEN', async () => {
    expect((await app.http.get('/metrics')).status).toBe(404);
  });

  it('asks for METRICS_TOKEN when it is set', async () => {
    const guarded = await startTestApp({ METRICS_TOKEN: 'scraper-token-0123456789' });
    try {
      for (const authorization of [undefined, 'Bearer wrong-token-0123456789', 'Bearer scraper-token-012345678']) {
        const req = guarded.http.get('/metrics');
        if (authorization) req.set('authorization', authorization);
        expect((await req).status).toBe(401);
      }
      const scrape = await guarded.http.get('/metrics').set('authorization', 'Bearer scraper-token-0123456789');
      expect(scrape.status).toBe(200);
      expect(scrape.text).toContain('http_request_duration_seconds');
    } finally {
      await guarded.close();
    }
  });
});
