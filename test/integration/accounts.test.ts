import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
import { jwtSecretFile } from '../../core/jwt-secret';
import { startTestApp, type TestApp } from '../support/harness';
import { errorCode, signUp } from '../support/factories';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id handle role interests brand { name } } error { code field message } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { token user { id } error { code message } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('accounts', () => {
  it('signs up, logs in and knows the viewer from the token', async () => {
    const res = await app.gql(SIGN_UP, {
      input: { handle: 'Alice_01', password: 'correct horse', displayName: 'Alice', role: 'CREATOR', interests: ['beauty', 'food'] },
    });
    const { token, user, error } = res.body.data?.signUp;
    expect(error).toBeNull();
    expect(user).toMatchObject({ handle: 'alice_01', role: 'CREATOR', interests: ['beauty', 'food'] });

    const login = await app.gql(LOG_IN, { input: { login: 'ALICE_01', password: 'correct horse' } });
    expect(login.body.data?.logIn.user.id).toBe(user.id);

    const me = await app.gql('{ viewer { id handle } }', {}, token);
    expect(me.body.data?.viewer).toEqual({ id: user.id, handle: 'alice_01' });
    expect((await app.gql('{ viewer { id } }')).body.data?.viewer).toBeNull();
  });

  it('refuses a taken handle, weak passwords and admin sign-ups with errors as data', async () => {
    const first = await signUp(app);
    const dup = await app.gql(SIGN_UP, { input: { handle: first.handle, password: 'correct horse', displayName: 'X' } });
    expect(dup.body.data?.signUp).toMatchObject({ token: null, error: { code: 'CONFLICT', field: 'handle' } });

    const weak = await app.gql(SIGN_UP, { input: { handle: 'bob_weak', password: 'short', displayName: 'Bob' } });
    expect(weak.body.data?.signUp.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });

    const admin = await app.gql(SIGN_UP, { input: { handle: 'eve_admin', password: 'correct horse', displayName: 'Eve', role: 'ADMIN' } });
    expect(admin.status).toBe(400);
    expect(errorCode(admin)).toBe('BAD_USER_INPUT');

    const brandless = await app.gql(SIGN_UP, { input: { handle: 'brand_x', password: 'correct horse', displayName: 'B', role: 'BRAND' } });
    expect(brandless.body.data?.signUp.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'brandName' });
  });

  it('gives one answer for a wrong password and an unknown handle', async () => {
    const user = await signUp(app);
    const wrong = await app.gql(LOG_IN, { input: { login: user.handle, password: 'wrong password' } });
    const unknown = await app.gql(LOG_IN, { input: { login: 'nobody_here', password: 'wrong password' } });
    expect(wrong.body.data?.logIn.error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong handle or password' });
    expect(unknown.body.data?.logIn.error).toEqual(wrong.body.data?.logIn.error);
  });

  it('refuses a forged or garbled token with 401 UNAUTHENTICATED', async () => {
    const res = await app.gql('{ viewer { id } }', {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged');
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('logs out everywhere: every token issued so far is refused, a new sign-in works', async () => {
    const user = await signUp(app);
    const phone = (await app.gql(LOG_IN, { input: { login: user.handle, password: 'correct horse' } })).body.data?.logIn.token;
    const out = await app.gql('mutation { logOut }', {}, user.token);
    expect(out.body.data).toEqual({ logOut: true });

    for (const token of [user.token, phone]) {
      const stale = await app.gql('{ viewer { id } }', {}, token);
      expect(stale.status).toBe(401);
      expect(errorCode(stale)).toBe('UNAUTHENTICATED');
    }
    const again = (await app.gql(LOG_IN, { input: { login: user.handle, password: 'correct horse' } })).body.data?.logIn.token;
    expect((await app.gql('{ viewer { id } }', {}, again)).body.data?.viewer).toEqual({ id: user.id });
    expect(errorCode(await app.gql('mutation { logOut }'))).toBe('UNAUTHENTICATED');
  });

  it("signs tokens with this installation's own secret, for this API only", async () => {
    const user = await signUp(app);
    const secret = readFileSync(jwtSecretFile(app.config.DATA_DIR), 'utf8').trim();
    const forge = (key: string, claims: object, options: jwt.SignOptions) =>
      jwt.sign(claims, key, { algorithm: 'HS256', subject: user.id, expiresIn: 600, ...options });
    const ours = { issuer: 'seedfeed', audience: 'seedfeed-api' };

    expect((await app.gql('{ viewer { id } }', {}, forge(secret, { gen: 0 }, ours))).body.data?.viewer).toEqual({ id: user.id });
    const refused = [
      // The default every earlier installation shared, published in its repository.
      forge('development-only-secret-change-me', { gen: 0 }, ours),
      forge(secret, { gen: 0 }, { issuer: 'seedfeed' }),
      forge(secret, { gen: 0 }, { ...ours, audience: 'another-service' }),
      forge(secret, {}, ours),
    ];
    for (const token of refused) expect((await app.gql('{ viewer { id } }', {}, token)).status).toBe(401);
  });

  it('creates the brand of a brand account and lets a viewer become a creator', async () => {
    const brand = await app.gql(SIGN_UP, {
      input: { handle: 'acme_brand', password: 'correct horse', displayName: 'ACME', role: 'BRAND', brandName: 'ACME 美妆' },
    });
    expect(brand.body.data?.signUp.user.brand).toEqual({ name: 'ACME 美妆' });

    const viewer = await signUp(app);
    const res = await app.gql('mutation { becomeCreator { role } }', {}, viewer.token);
    expect(res.body.data?.becomeCreator.role).toBe('CREATOR');
  });
});
