import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { readTestEnv } from '../../core/config';
import { rowsOf } from '../../core/db';
import { JOB_POLICIES } from '../../jobs/definitions';
import { createNote, signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { writeNoisePng, writePng } from '../support/image-fixtures';

const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { avatarUrl } error { code message } } }`;

let app: TestApp;
let dir: string;
let small: string;
let big: string;
let bigBytes: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'media-quota-'));
  small = path.join(dir, 'small.png');
  big = path.join(dir, 'big.png');
  await writePng(small, 64, 64);
  await writeNoisePng(big, 400, 400);
  bigBytes = (await stat(big)).size;
  // Two unused uploads per account; a day's allowance of one and a half big files.
  app = await startTestApp({ MEDIA_UNATTACHED_MAX: '2', MEDIA_DAILY_BYTES: String(Math.round(bigBytes * 1.5)) });
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

function upload(account: Account, file = small) {
  return app.http.post('/uploads').set('authorization', `Bearer ${account.token}`).attach('file', file);
}

async function uploaded(account: Account, file = small): Promise<string> {
  const res = await upload(account, file);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function mediaRows(account: Account): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await app.database.db.execute(sql`select count(*)::int as n from media where owner_id = ${account.id}`),
  );
  return row?.n ?? 0;
}

async function filesUnder(...parts: string[]): Promise<string[]> {
  return readdir(path.join(app.config.MEDIA_DIR, ...parts)).catch(() => []);
}

/** Neither a half-received file nor an original of a refused upload is left. */
async function expectNothingLeft(account: Account, rows: number): Promise<void> {
  expect(await filesUnder('.incoming')).toEqual([]);
  expect(await mediaRows(account)).toBe(rows);
  const [row] = rowsOf<{ n: number }>(
    await app.database.db.execute(sql`select count(*)::int as n from media where original_key is not null`),
  );
  expect(await filesUnder('originals')).toHaveLength(row?.n ?? 0);
}

describe('upload quota', () => {
  it('refuses an upload past the unused ones an account may hold, with 429 QUOTA_EXCEEDED, and counts those a note or the avatar uses as used', async () => {
    const creator = await signUp(app, 'CREATOR');
    const first = await uploaded(creator);
    await uploaded(creator);

    const refused = await upload(creator);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringContaining('2 uploads not used in a note') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    await expectNothingLeft(creator, 2);

    // A draft names the upload while it is still processing: it is used from then on.
    await createNote(app, creator, { media: [{ uploadId: first }], publish: false });
    const avatar = await uploaded(creator);
    expect((await upload(creator)).status).toBe(429);

    await app.services.media.processImage(avatar);
    const profile = await app.gql(UPDATE_PROFILE, { input: { avatarUploadId: avatar } }, creator.token);
    expect(profile.body.data?.updateProfile.error).toBeNull();
    await uploaded(creator);
    expect((await upload(creator)).status).toBe(429);
    await expectNothingLeft(creator, 4);
  });

  it('counts uploads sent at once one after the other', async () => {
    const creator = await signUp(app, 'CREATOR');
    const statuses = await Promise.all(Array.from({ length: 5 }, () => upload(creator).then((res) => res.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    await expectNothingLeft(creator, 2);
  });

  it("refuses a file mid-stream once it outgrows what is left of the day's bytes, keeping none of it", async () => {
    const creator = await signUp(app, 'CREATOR');
    const id = await uploaded(creator, big);
    // Used in a note, so only the bytes can refuse what follows.
    await createNote(app, creator, { media: [{ uploadId: id }], publish: false });

    const refused = await upload(creator, big);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringContaining('in the last 24 hours') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    await expectNothingLeft(creator, 1);

    // What is left still takes a small file.
    await uploaded(creator);
    await expectNothingLeft(creator, 2);
  });
});

describe('media.collect', () => {
  async function age(ids: string[]): Promise<void> {
    for (const id of ids) {
      await app.database.db.execute(
        sql`update media set created_at = now() - interval '2 days', updated_at = now() - interval '2 days' where id = ${id}`,
      );
    }
  }

  async function exists(id: string): Promise<boolean> {
    return (await app.services.media.byIds([id])).length === 1;
  }

  it('is a periodic job of the worker', () => {
    expect(JOB_POLICIES['media.collect']).toMatchObject({ role: 'worker', everyMs: 60 * 60_000 });
  });

  it('deletes old uploads nothing uses, and failed ones, with their files; keeps those a note or an avatar uses and young ones', async () => {
    const creator = await signUp(app, 'CREATOR');
    const unused = await uploaded(creator);
    const inNote = await uploaded(creator);
    for (const id of [unused, inNote]) await app.services.media.processImage(id);
    await createNote(app, creator, { media: [{ uploadId: inNote }] });
    const failed = await uploaded(creator);
    await app.services.media.failForGood(failed, new Error('ffmpeg crashed'));
    // What a video that failed midway leaves: a rung it finished.
    await mkdir(path.join(app.config.MEDIA_DIR, 'videos', failed, '360p'), { recursive: true });
    await writeFile(path.join(app.config.MEDIA_DIR, 'videos', failed, '360p', 'seg_000.ts'), 'x');

    const other = await signUp(app, 'CREATOR');
    const asAvatar = await uploaded(other);
    const young = await uploaded(other);
    await app.services.media.processImage(asAvatar);
    const profile = await app.gql(UPDATE_PROFILE, { input: { avatarUploadId: asAvatar } }, other.token);
    expect(profile.body.data?.updateProfile.error).toBeNull();

    await age([unused, inNote, failed, asAvatar]);
    expect(await app.services.media.collectUnused()).toBe(2);

    expect(await exists(unused)).toBe(false);
    expect(await exists(failed)).toBe(false);
    expect(await filesUnder('images', unused)).toEqual([]);
    expect(await filesUnder('videos', failed)).toEqual([]);
    for (const kept of [inNote, asAvatar]) {
      expect(await exists(kept)).toBe(true);
      expect((await filesUnder('images', kept)).length).toBeGreaterThan(0);
    }
    expect(await exists(young)).toBe(true);
    expect(await filesUnder('originals', young)).toEqual(['source']);

    // An avatar replaced by none is no longer used.
    await app.gql(UPDATE_PROFILE, { input: { avatarUploadId: null } }, other.token);
    expect(await app.services.media.collectUnused()).toBe(1);
    expect(await exists(asAvatar)).toBe(false);
  });

  it('leaves a note nothing to name: a collected upload does not exist', async () => {
    const creator = await signUp(app, 'CREATOR');
    const id = await uploaded(creator);
    await age([id]);
    await app.services.media.collectUnused();
    const res = await app.gql(
      `mutation($input: CreateNoteInput!) { createNote(input: $input) { note { id } error { code } } }`,
      { input: { kind: 'IMAGE', title: 't', topics: ['beauty'], media: [{ uploadId: id }] } },
      creator.token,
    );
    expect(res.body.data?.createNote).toMatchObject({ note: null, error: { code: 'NOT_FOUND' } });
  });
});

// Only a server has a second connection to hold a row from while the collector runs.
const onServer = readTestEnv().backend === 'pg' ? describe : describe.skip;

onServer('media.collect beside a note being written', () => {
  it('skips an upload a transaction is making a note use, and does not wait for it', async () => {
    const creator = await signUp(app, 'CREATOR');
    const id = await uploaded(creator);
    await app.database.db.execute(
      sql`update media set created_at = now() - interval '2 days', updated_at = now() - interval '2 days' where id = ${id}`,
    );
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('select id from media where id = $1 for key share', [id]);
      expect(await app.services.media.collectUnused()).toBe(0);
      await client.query('rollback');
      expect(await app.services.media.collectUnused()).toBe(1);
    } finally {
      await client.end();
    }
  });
});
