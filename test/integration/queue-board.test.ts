import { sql } from 'drizzle-orm';
import { signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

// The job queues' dashboard (bull-board) at /admin/queues: admins only, through a cookie the web app asks for.
let app: TestApp;
let admin: Account;
let brand: Account;

beforeAll(async () => {
  app = await startTestApp();
  [admin, brand] = await Promise.all([signUp(app, 'VIEWER'), signUp(app, 'BRAND')]);
  await app.database.db.execute(sql`UPDATE users SET role = 'admin' WHERE id = ${admin.id}`);
});

afterAll(async () => {
  await app.close();
});

describe('the queue dashboard', () => {
  it('is refused to anyone but an admin, with or without a cookie', async () => {
    expect((await app.http.get('/admin/queues/')).status).toBe(401);
    expect((await app.http.get('/admin/queues/api/queues').set('authorization', `Bearer ${brand.token}`)).status).toBe(403);
    const session = await app.http.post('/admin/session').set('authorization', `Bearer ${brand.token}`);
    expect([session.status, session.body.error.code, session.headers['set-cookie']]).toEqual([403, 'FORBIDDEN', undefined]);
    expect((await app.http.get('/admin/queues/').set('cookie', `seedfeed_admin=${brand.token}`)).status).toBe(403);
    expect((await app.http.get('/admin/queues/').set('cookie', 'seedfeed_admin=forged')).status).toBe(401);
  });

  it('opens for an admin, whose browser gets a cookie for /admin only, and lists every queue', async () => {
    const session = await app.http.post('/admin/session').set('authorization', `Bearer ${admin.token}`);
    expect(session.status).toBe(200);
    const [cookie] = session.headers['set-cookie'] as unknown as string[];
    expect(cookie).toMatch(/^seedfeed_admin=[^;]+; Max-Age=3600; Path=\/admin; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const pair = cookie!.split(';')[0]!;
    const page = await app.http.get(session.body.url).set('cookie', pair);
    expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    const queues = await app.http.get('/admin/queues/api/queues').set('cookie', pair);
    expect(queues.status).toBe(200);
    const names = (queues.body.queues as { name: string }[]).map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['media', 'transcode', 'training', 'analytics', 'maintenance']));
  });
});
