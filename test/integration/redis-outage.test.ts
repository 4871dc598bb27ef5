import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../core/db';
import { createJobQueue } from '../../jobs/runtime';
import { createNote, signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { writePng } from '../support/image-fixtures';

const FOR_YOU = `query($after: String) { feed(kind: FOR_YOU, first: 3, after: $after) {
  edges { node { id } } pageInfo { endCursor hasNextPage } } }`;
const LIKE = `mutation($id: ID!) { like(noteId: $id) { id likeCount viewerHasLiked } }`;

let app: TestApp;
let viewer: Account;
let creator: Account;
let noteIds: string[];
let dir: string;

beforeAll(async () => {
  app = await startTestApp();
  [viewer, creator] = await Promise.all([signUp(app), signUp(app, 'CREATOR')]);
  noteIds = [];
  for (let i = 0; i < 8; i += 1) noteIds.push(await createNote(app, creator));
  dir = await mkdtemp(path.join(tmpdir(), 'redis-outage-'));
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

/** A port on this machine where nothing listens: a Redis that is down. */
async function deadPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('while Redis is down', () => {
  let cursor: string;

  beforeAll(async () => {
    const first = await app.gql(FOR_YOU, {}, viewer.token);
    cursor = first.body.data?.feed.pageInfo.endCursor;
    expect(cursor).toEqual(expect.any(String));
    // The app's client gives up on its server: every command fails from now on, as when Redis is unreachable.
    app.redis.disconnect();
  });

  it('serves For You pages, new sessions and ones scrolled before, from the database alone', async () => {
    const fresh = await app.gql(FOR_YOU, {}, viewer.token);
    expect(fresh.body.errors).toBeUndefined();
    expect(fresh.body.data?.feed.edges.length).toBeGreaterThan(0);
    const next = await app.gql(FOR_YOU, { after: cursor }, viewer.token);
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data?.feed.edges.length).toBeGreaterThan(0);
    const anonymous = await app.gql(FOR_YOU, {});
    expect(anonymous.body.errors).toBeUndefined();
  });

  it('reports a like as done once the database stored it', async () => {
    const id = noteIds[0] as string;
    const res = await app.gql(LIKE, { id }, viewer.token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.like).toMatchObject({ id, likeCount: 1 });
    const [row] = rowsOf<{ like_count: number }>(await app.database.db.execute(sql`SELECT like_count FROM notes WHERE id = ${id}`));
    expect(row?.like_count).toBe(1);
  });

  it('answers an upload 503 within seconds when its job cannot be queued, and keeps nothing of it', async () => {
    const queue = createJobQueue(`redis://127.0.0.1:${await deadPort()}`, app.config.REDIS_PREFIX);
    const jobs = app.services.jobs;
    app.services.jobs = queue;
    try {
      const file = path.join(dir, 'photo.png');
      await writePng(file, 64, 48);
      const started = Date.now();
      const res = await app.http.post('/uploads').set('authorization', `Bearer ${creator.token}`).attach('file', file);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.headers['retry-after']).toBeDefined();
      expect(Date.now() - started).toBeLessThan(15_000);
      // The row a late job would find is no longer processing, and neither the received file nor the original is kept.
      const rows = rowsOf<{ status: string }>(
        await app.database.db.execute(sql`SELECT m.status FROM media m JOIN users u ON u.id = m.owner_id WHERE u.id = ${creator.id}`),
      );
      expect(rows.map((r) => r.status)).toEqual(['failed']);
      expect(await readdir(path.join(app.config.MEDIA_DIR, '.incoming')).catch(() => [])).toEqual([]);
      expect(await readdir(path.join(app.config.MEDIA_DIR, 'originals')).catch(() => [])).toEqual([]);
    } finally {
      app.services.jobs = jobs;
      // A queue that never reached its server is dropped, not closed: close() would wait for it.
      void queue.close().catch(() => undefined);
    }
  }, 30_000);
});
