import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JobRuntime } from '../../jobs/runtime';
import { signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { writePng } from '../support/image-fixtures';
import { startTestWorker } from '../support/worker';

const UPLOAD = `query($id: ID!) { upload(id: $id) { id status failure { reason message } } }`;

let app: TestApp;
let runtime: JobRuntime;
let creator: Account;
let dir: string;

beforeAll(async () => {
  app = await startTestApp();
  runtime = await startTestWorker(app);
  creator = await signUp(app, 'CREATOR');
  dir = await mkdtemp(path.join(tmpdir(), 'storage-full-'));
});

afterAll(async () => {
  await runtime.stop();
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => jest.restoreAllMocks());

function noSpace(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

async function photo(name: string): Promise<string> {
  const file = path.join(dir, name);
  await writePng(file, 320, 240);
  return file;
}

async function settled(id: string, timeoutMs: number): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const item = (await app.gql(UPLOAD, { id }, creator.token)).body.data?.upload;
    if (item && item.status !== 'PROCESSING') return item;
    if (Date.now() > deadline) throw new Error(`upload ${id} still processing`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('a full disk', () => {
  it('refuses an upload it cannot store with 507 STORAGE_FULL, keeping nothing of it', async () => {
    jest.spyOn(app.services.storage, 'moveFile').mockRejectedValueOnce(noSpace());
    const res = await app.http
      .post('/uploads')
      .set('authorization', `Bearer ${creator.token}`)
      .attach('file', await photo('full.png'));
    expect(res.status).toBe(507);
    expect(res.body.error).toMatchObject({ code: 'STORAGE_FULL', message: expect.stringMatching(/no room/) });
    expect(await readdir(path.join(app.config.MEDIA_DIR, '.incoming')).catch(() => [])).toEqual([]);
  });

  it('holds a job that cannot write its variants until there is room, instead of failing the upload', async () => {
    const store = app.services.storage;
    const moveFile = store.moveFile.bind(store);
    // Full for three tries: as many as the job's attempts, after which it used to fail for good.
    let refusals = 3;
    jest.spyOn(store, 'moveFile').mockImplementation(async (key, localPath, contentType) => {
      if (key.startsWith('images/') && refusals > 0) {
        refusals -= 1;
        throw noSpace();
      }
      return moveFile(key, localPath, contentType);
    });
    const res = await app.http
      .post('/uploads')
      .set('authorization', `Bearer ${creator.token}`)
      .attach('file', await photo('tight.png'));
    expect(res.status).toBe(201);
    const item = await settled(res.body.id, 80_000);
    expect(refusals).toBe(0);
    expect(item).toMatchObject({ status: 'READY', failure: null });
  }, 100_000);
});
