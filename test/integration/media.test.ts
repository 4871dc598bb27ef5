import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { JobRuntime } from '../../jobs/runtime';
import { runFfmpeg, SYSTEM_BINARIES } from '../../media/ffmpeg';
import { signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { startTestWorker } from '../support/worker';
import { inspectImage, writeNoisePng, writePhonePhoto, writePixelBomb, writePng, writeTruncatedCopy } from '../support/image-fixtures';

const UPLOAD = `query($id: ID!) { upload(id: $id) {
  id kind status progress failure { reason message } width height durationMs aspectRatio dominantColor thumbhash
  images { name format width height url } playlistUrl posterUrl previewUrl renditions { name width height playlistUrl } } }`;
const NOTE = `query($id: ID!) { note(id: $id) { id status failureReason media { url width height durationMs upload { status } } } }`;
const CREATE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { note { id status } error { code message field } } }`;

let app: TestApp;
let runtime: JobRuntime;
let creator: Account;
let dir: string;

beforeAll(async () => {
  app = await startTestApp();
  // The real worker, in this process: BullMQ on the real Redis, sharp and ffmpeg.
  runtime = await startTestWorker(app);
  creator = await signUp(app, 'CREATOR');
  dir = await mkdtemp(path.join(tmpdir(), 'media-fixtures-'));
});

afterAll(async () => {
  await runtime.stop();
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const fixture = (name: string): string => path.join(dir, name);

function upload(file: string, token = creator.token, filename = path.basename(file)) {
  return app.http.post('/uploads').set('authorization', `Bearer ${token}`).attach('file', file, filename);
}

async function settled(id: string, token = creator.token): Promise<Record<string, any>> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await app.gql(UPLOAD, { id }, token);
    const item = res.body.data?.upload;
    if (item && item.status !== 'PROCESSING') return item;
    if (Date.now() > deadline) throw new Error(`upload ${id} still processing: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function clip(name: string, size: string, seconds: number): Promise<string> {
  const file = fixture(name);
  await runFfmpeg(
    [
      ...['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=30:duration=${seconds}`],
      ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
    ],
    { bin: SYSTEM_BINARIES, timeoutMs: 60_000 },
  );
  return file;
}

/** What is left in the jobs' scratch space once the job that made the last change has returned (it cleans up after settling). */
async function workLeft(of: TestApp = app): Promise<string[]> {
  const root = path.join(of.config.MEDIA_DIR, '.work');
  const deadline = Date.now() + 5_000;
  let left = await readdir(root);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    left = await readdir(root);
  }
  return left;
}

async function fetchMedia(url: string): Promise<Buffer> {
  const res = await app.http
    .get(url)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  return res.body as Buffer;
}

describe('image uploads', () => {
  it('become rotated, metadata-free WebP variants with a colour and a thumbhash, then publish the waiting note', async () => {
    const photo = fixture('phone.jpg');
    await writePhonePhoto(photo);
    const res = await upload(photo, creator.token, 'holiday.png');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'IMAGE', status: 'PROCESSING' });

    const created = await app.gql(
      CREATE,
      { input: { kind: 'IMAGE', title: '海边 sunset', media: [{ uploadId: res.body.id }], publish: true } },
      creator.token,
    );
    const noteId = created.body.data?.createNote.note.id as string;
    expect(['PROCESSING', 'PUBLISHED']).toContain(created.body.data?.createNote.note.status);

    const item = await settled(res.body.id);
    expect(item).toMatchObject({ status: 'READY', progress: 100, width: 1200, height: 1600, aspectRatio: 0.75, failure: null });
    expect(item.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(item.thumbhash.length).toBeGreaterThan(10);
    expect(item.images.map((v: { name: string }) => v.name).sort()).toEqual(['large', 'medium', 'thumb']);
    const large = item.images.find((v: { name: string }) => v.name === 'large');
    expect(large).toMatchObject({ format: 'webp', width: 1080, height: 1440 });

    const served = fixture('served.webp');
    await writeFile(served, await fetchMedia(large.url));
    const inspected = await inspectImage(served);
    expect(inspected).toMatchObject({ format: 'webp', width: 1080, height: 1440 });
    expect(inspected.hasExif).toBe(false);
    expect(inspected.hasGps).toBe(false);

    const note = (await app.gql(NOTE, { id: noteId })).body.data?.note;
    expect(note).toMatchObject({ status: 'PUBLISHED', failureReason: null });
    expect(note.media[0]).toMatchObject({ url: large.url, width: 1200, height: 1600, upload: { status: 'READY' } });
    expect(await workLeft()).toEqual([]);
  });

  it('refuses decompression bombs, truncated images and files that only pretend to be media, losing nothing else', async () => {
    const bomb = fixture('bomb.png');
    await writePixelBomb(bomb, 30_000, 30_000);
    const refusedBomb = await upload(bomb);
    expect(refusedBomb.status).toBe(422);
    expect(refusedBomb.body.error).toMatchObject({ code: 'MEDIA_REJECTED', reason: 'too_many_pixels' });

    const text = fixture('clip.mp4');
    await writeFile(text, 'this is not a video, whatever its name says\n'.repeat(200));
    const refusedText = await upload(text);
    expect(refusedText.status).toBe(415);
    expect(refusedText.body.error.reason).toBe('unsupported_type');

    const whole = fixture('whole.png');
    await writePng(whole, 1200, 900);
    const truncated = fixture('truncated.png');
    await writeTruncatedCopy(whole, truncated);
    const accepted = await upload(truncated);
    // The header is intact, so the file is accepted and fails when decoded, with a reason for the creator.
    if (accepted.status === 201) {
      const item = await settled(accepted.body.id);
      expect(item.status).toBe('FAILED');
      expect(item.failure.reason).toBe('corrupt');
      const withFailed = await app.gql(
        CREATE,
        { input: { kind: 'IMAGE', title: 'x', media: [{ uploadId: accepted.body.id }] } },
        creator.token,
      );
      expect(withFailed.body.data?.createNote.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'media.0.uploadId' });
    } else {
      expect(accepted.body.error.reason).toBe('corrupt');
    }
    expect((await app.http.get('/healthz')).status).toBe(200);
  });

  it('needs a token (a creator token for a video), a multipart body and a file, and keeps uploads private to their owner', async () => {
    const png = fixture('small.png');
    await writePng(png, 300, 200);
    expect((await app.http.post('/uploads').attach('file', png)).status).toBe(401);
    const viewer = await signUp(app, 'VIEWER');
    const avatar = await upload(png, viewer.token);
    expect(avatar.status).toBe(201);
    expect((await settled(avatar.body.id, viewer.token)).status).toBe('READY');
    const video = await upload(await clip('viewer.mp4', '320x240', 1), viewer.token);
    expect(video.status).toBe(403);
    expect(video.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('videos') });
    expect((await app.http.post('/uploads').set('authorization', `Bearer ${creator.token}`).send({ file: 'x' })).status).toBe(400);
    const mine = await upload(png);
    expect(mine.status).toBe(201);
    const other = await signUp(app, 'CREATOR');
    const peek = await app.gql(UPLOAD, { id: mine.body.id }, other.token);
    expect(peek.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const borrowed = await app.gql(CREATE, { input: { kind: 'IMAGE', title: 'x', media: [{ uploadId: mine.body.id }] } }, other.token);
    expect(borrowed.body.data?.createNote.error?.code).toBe('NOT_FOUND');
    expect((await app.http.get(`/media/originals/${mine.body.id}/source`)).status).toBe(404);
    const item = await settled(mine.body.id);
    expect(item.images.every((v: { width: number }) => v.width <= 300)).toBe(true);
  });
});

describe('video uploads', () => {
  it('become an HLS ladder without upscaling, a poster and a silent preview, checked by ffprobe', async () => {
    const source = await clip('landscape.mp4', '1280x720', 5);
    const res = await upload(source);
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('VIDEO');
    const created = await app.gql(
      CREATE,
      { input: { kind: 'VIDEO', title: 'vlog', media: [{ uploadId: res.body.id }], publish: true } },
      creator.token,
    );
    expect(created.body.data?.createNote.note.status).toBe('PROCESSING');

    const item = await settled(res.body.id);
    expect(item).toMatchObject({ status: 'READY', progress: 100, width: 1280, height: 720 });
    expect(item.durationMs).toBeGreaterThan(4500);
    expect(item.renditions.map((r: { name: string }) => r.name)).toEqual(['720p', '480p', '360p']);

    const master = (await fetchMedia(item.playlistUrl)).toString('utf8');
    expect(master).toContain('#EXTM3U');
    expect(master).toMatch(/RESOLUTION=1280x720/);
    expect(master).not.toMatch(/1920x1080/);

    // Copy the served ladder to disk and let ffprobe read it the way a player would.
    const local = fixture(`served-${randomBytes(3).toString('hex')}`);
    const mediaRoot = app.config.MEDIA_DIR;
    const playlist = path.join(mediaRoot, 'videos', res.body.id, '720p', 'index.m3u8');
    const probe = await promisify(execFile)('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', playlist]);
    const streams = (JSON.parse(probe.stdout) as { streams: { codec_name: string; width?: number }[] }).streams;
    expect(streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(streams.find((s) => s.codec_name === 'h264')?.width).toBe(1280);
    await writeFile(`${local}.mp4`, await fetchMedia(item.previewUrl));
    const preview = await promisify(execFile)('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', `${local}.mp4`]);
    expect((JSON.parse(preview.stdout) as { streams: { codec_type: string }[] }).streams.map((s) => s.codec_type)).toEqual(['video']);
    expect((await fetchMedia(item.posterUrl)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const note = (await app.gql(NOTE, { id: created.body.data?.createNote.note.id })).body.data?.note;
    expect(note).toMatchObject({ status: 'PUBLISHED', media: [{ url: item.playlistUrl, width: 1280, height: 720 }] });
    expect(await workLeft()).toEqual([]);
  });
});

describe('upload progress subscription', () => {
  it('streams the state of an upload over graphql-ws until it is ready, with progress that only grows', async () => {
    const base = await app.listen();
    const source = await clip('progress.mp4', '640x360', 6);
    const res = await upload(source);
    expect(res.status).toBe(201);

    const client = createClient({
      url: `${base.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${creator.token}` },
    });
    const seen: { status: string; progress: number }[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        client.subscribe<{ uploadProgress: { status: string; progress: number } }>(
          { query: 'subscription($id: ID!) { uploadProgress(id: $id) { status progress } }', variables: { id: res.body.id } },
          {
            next: (message) => {
              if (message.errors) reject(new Error(JSON.stringify(message.errors)));
              if (message.data) seen.push(message.data.uploadProgress);
            },
            error: reject,
            complete: resolve,
          },
        );
      });
    } finally {
      await client.dispose();
    }
    expect(seen.at(-1)).toEqual({ status: 'READY', progress: 100 });
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen.length).toBeGreaterThan(1);

    const stranger = await signUp(app, 'CREATOR');
    const other = createClient({
      url: `${base.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${stranger.token}` },
    });
    try {
      const refused = await new Promise<unknown>((resolve) => {
        other.subscribe(
          { query: 'subscription($id: ID!) { uploadProgress(id: $id) { status } }', variables: { id: res.body.id } },
          { next: (message) => resolve(message.errors), error: resolve, complete: () => resolve(null) },
        );
      });
      expect(refused).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    } finally {
      await other.dispose();
    }
  });
});

describe('a note waiting for a file that fails', () => {
  it('becomes FAILED with the file’s reason, and does not count as published', async () => {
    // Its own app with no worker yet, so the note is surely created while the file is processing.
    const quiet = await startTestApp();
    try {
      const author = await signUp(quiet, 'CREATOR');
      const whole = fixture('whole-2.png');
      await writePng(whole, 1200, 900);
      const truncated = fixture('truncated-2.png');
      await writeTruncatedCopy(whole, truncated);
      const res = await quiet.http.post('/uploads').set('authorization', `Bearer ${author.token}`).attach('file', truncated);
      expect(res.status).toBe(201);
      const created = await quiet.gql(
        CREATE,
        { input: { kind: 'IMAGE', title: 'broken', media: [{ uploadId: res.body.id }], publish: true } },
        author.token,
      );
      const noteId = created.body.data?.createNote.note.id as string;
      expect(created.body.data?.createNote.note.status).toBe('PROCESSING');

      const worker = await startTestWorker(quiet);
      try {
        const deadline = Date.now() + 30_000;
        let note: Record<string, any> | undefined;
        do {
          await new Promise((r) => setTimeout(r, 100));
          note = (await quiet.gql(NOTE, { id: noteId }, author.token)).body.data?.note;
        } while (note?.status === 'PROCESSING' && Date.now() < deadline);
        expect(note?.status).toBe('FAILED');
        expect(note?.failureReason).toMatch(/\w/);
      } finally {
        await worker.stop();
      }
      expect(await workLeft(quiet)).toEqual([]);
      const count = await quiet.gql(`query($id: ID!) { user(id: $id) { noteCount } }`, { id: author.id });
      expect(count.body.data?.user.noteCount).toBe(0);
      expect((await quiet.gql(NOTE, { id: noteId })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      await quiet.close();
    }
  });
});

describe('upload size limits', () => {
  it('stops storing a file past its kind’s limit, answers 413 to a client still sending, and leaves no partial file behind', async () => {
    const small = await startTestApp({ MEDIA_MAX_IMAGE_BYTES: String(64 * 1024) });
    try {
      const author = await signUp(small, 'CREATOR');
      const big = fixture('big.png');
      // Megabytes past the limit: far more than socket buffers hold, so a server that hung up at the
      // limit would reset the connection while the client is still sending, and it would never hear why.
      await writeNoisePng(big, 1200, 1200);
      const res = await small.http.post('/uploads').set('authorization', `Bearer ${author.token}`).attach('file', big);
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ code: 'MEDIA_REJECTED', reason: 'too_large' });
      expect(res.body.error.message).toContain('at most 64 KB');
      expect(await readdir(path.join(small.config.MEDIA_DIR, '.incoming'))).toEqual([]);
      expect((await small.http.get('/healthz')).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
