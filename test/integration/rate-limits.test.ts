import { mkdtemp, rm } from 'node:fs/promises';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uuidv7 } from '../../core/ids';
import { errorCode, signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { writePng } from '../support/image-fixtures';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { token error { code } } }`;
const RECORD = `mutation($events: [EventInput!]!) { recordEvents(events: $events) { accepted error { code } } }`;
const BECOME_CREATOR = `mutation { becomeCreator { id } }`;

/** A refusal for going past a limit: HTTP 429, when to come back, and the stable code. */
function expectLimited(res: Awaited<ReturnType<TestApp['gql']>>): void {
  expect(res.status).toBe(429);
  expect(errorCode(res)).toBe('RATE_LIMITED');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.body.errors?.[0]?.extensions?.retryAfter).toBe(Number(res.headers['retry-after']));
}

describe('rate limits on accounts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_LOGINS: '3', RATE_LIMIT_SIGNUPS: '2' });
  });
  afterAll(() => app.close());

  it('slow down password guessing for one account, and leave the other accounts of the address alone', async () => {
    const [target, other] = [await signUp(app), await signUp(app)];
    const guess = (login: string, password: string) => app.gql(LOG_IN, { input: { login, password } });
    for (let i = 0; i < 3; i += 1) {
      expect((await guess(target.handle, `wrong-${i}`)).body.data?.logIn.error?.code).toBe('INVALID_CREDENTIALS');
    }
    // Even the right password waits now: a guesser must not learn it was right.
    expectLimited(await guess(target.handle, 'correct horse'));
    expectLimited(await guess(target.handle.toUpperCase(), 'correct horse'));
    expect((await guess(other.handle, 'correct horse')).body.data?.logIn.token).toEqual(expect.any(String));
  });

  it('limit the accounts one address creates', async () => {
    // The two of the test above were this address's budget.
    const res = await app.gql(
      `mutation { signUp(input: { handle: "one_too_many", password: "correct horse", displayName: "x" }) { token } }`,
    );
    expectLimited(res);
  });
});

describe('rate limits on changes, events and uploads', () => {
  let app: TestApp;
  let creator: Account;
  let dir: string;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MUTATIONS: '5', RATE_LIMIT_EVENTS: '10', RATE_LIMIT_UPLOADS: '1' });
    creator = await signUp(app, 'CREATOR');
    dir = await mkdtemp(path.join(tmpdir(), 'seedfeed-rate-'));
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('limit the mutations of one account per minute, whatever they are', async () => {
    const account = await signUp(app);
    for (let i = 0; i < 5; i += 1) expect((await app.gql(BECOME_CREATOR, {}, account.token)).status).toBe(200);
    expectLimited(await app.gql(BECOME_CREATOR, {}, account.token));
    // Reads are not mutations.
    expect((await app.gql('{ viewer { id } }', {}, account.token)).body.data?.viewer.id).toBe(account.id);
  });

  it('count events, not calls, against a signed-out address as against an account', async () => {
    const events = (n: number) => Array.from({ length: n }, () => ({ eventId: uuidv7(), type: 'IMPRESSION', noteId: uuidv7() }));
    const first = await app.gql(RECORD, { events: events(6) });
    expect(first.status).toBe(200);
    expectLimited(await app.gql(RECORD, { events: events(5) }));
  });

  it('limit the uploads of one account', async () => {
    const png = path.join(dir, 'small.png');
    await writePng(png, 64, 64);
    const upload = () => app.http.post('/uploads').set('authorization', `Bearer ${creator.token}`).attach('file', png);
    expect((await upload()).status).toBe(201);
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('behind a proxy', () => {
  const signUpFrom = (app: TestApp, forwardedFor: string) =>
    app.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', forwardedFor)
      .send({
        query: `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
        variables: { input: { handle: `p_${uuidv7().slice(-10).replace(/-/g, '')}`, password: 'correct horse', displayName: 'x' } },
      });

  it('keys limits on the address the trusted proxy forwards', async () => {
    const app = await startTestApp({ RATE_LIMIT_SIGNUPS: '1', TRUST_PROXY: 'loopback' });
    try {
      expect((await signUpFrom(app, '203.0.113.7')).status).toBe(200);
      expect((await signUpFrom(app, '203.0.113.7')).status).toBe(429);
      expect((await signUpFrom(app, '198.51.100.9')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('keys limits over WebSocket on the same forwarded address', async () => {
    const app = await startTestApp({ RATE_LIMIT_SIGNUPS: '1', TRUST_PROXY: 'loopback' });
    try {
      const url = `${(await app.listen()).replace('http', 'ws')}/graphql`;
      const signUpOverWs = async (forwardedFor: string) => {
        const client = createClient({
          url,
          retryAttempts: 0,
          webSocketImpl: class extends WebSocket {
            constructor(address: string, protocols?: string | string[]) {
              super(address, protocols, { headers: { 'x-forwarded-for': forwardedFor } });
            }
          },
        });
        try {
          const handle = `w_${uuidv7().slice(-10).replace(/-/g, '')}`;
          const query = `mutation { signUp(input: { handle: "${handle}", password: "correct horse", displayName: "x" }) { token } }`;
          const result: { errors?: readonly { extensions?: Record<string, unknown> }[] } = await new Promise((resolve, reject) => {
            let value: typeof result = {};
            client.subscribe(
              { query },
              { next: (next) => (value = next), error: (error) => resolve({ errors: error as never }), complete: () => resolve(value) },
            );
            setTimeout(() => reject(new Error('no answer over WebSocket')), 10_000);
          });
          return result.errors?.[0]?.extensions?.code ?? 'OK';
        } finally {
          await client.dispose();
        }
      };
      expect(await signUpOverWs('203.0.113.7')).toBe('OK');
      expect(await signUpOverWs('203.0.113.7')).toBe('RATE_LIMITED');
      expect(await signUpOverWs('198.51.100.9')).toBe('OK');
    } finally {
      await app.close();
    }
  });

  it('believes no X-Forwarded-For from a proxy it does not trust', async () => {
    const app = await startTestApp({ RATE_LIMIT_SIGNUPS: '1' });
    try {
      expect((await signUpFrom(app, '203.0.113.7')).status).toBe(200);
      expect((await signUpFrom(app, '198.51.100.9')).status).toBe(429);
    } finally {
      await app.close();
    }
  });
});
