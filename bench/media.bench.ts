import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createServerDatabase, dropServerDatabase } from '../core/db';
import { probeVideo, runFfmpeg, SYSTEM_BINARIES } from '../media/ffmpeg';
import { processImage } from '../media/image';
import { planVideo, posterArgs, previewArgs, rungArgs } from '../media/video-plan';
import { spawnProduct, stopProduct, waitForReady } from './product-process';
import { median, round } from './stats';

// The whole media path (HTTP upload → stored original → BullMQ job → sharp/ffmpeg → storage →
// ready in the database) against the same sharp and ffmpeg work called directly, with the product
// running the api and worker roles on the PostgreSQL server and Redis.
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const IMAGES = Number(process.env.BENCH_IMAGES ?? 24);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = 4710;
// The worker processes two images at once (the media queue's concurrency); direct runs match it.
const IMAGE_CONCURRENCY = 2;

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'bench-media-'));
  const url = await createServerDatabase(ADMIN_URL, 'bench_media');
  // The product runs as its own process (api and worker roles), as it would in production; this
  // process is the client and runs the direct work.
  const product = spawnProduct({
    DATABASE_URL: url,
    ROLES: 'api,worker',
    PORT: String(PORT),
    SEED_ON_START: '0',
    LOG_LEVEL: 'warn',
    MEDIA_DIR: path.join(work, 'storage'),
    // Its own queues and keys, apart from any product running on this machine's Redis.
    REDIS_PREFIX: 'bench-media',
    // One creator uploads every file of the bench, and no note uses them.
    RATE_LIMIT_UPLOADS: '100000',
    MEDIA_UNATTACHED_MAX: '100000',
  });
  try {
    await waitForReady(`http://127.0.0.1:${PORT}/readyz`);
    const token = await signUpCreator(`http://127.0.0.1:${PORT}`);
    const [warmUp, ...photos] = await makePhotos(work, IMAGES + 1);
    const clip = await makeClip(work);
    const uploads = new UploadWatcher(`ws://127.0.0.1:${PORT}/graphql`, token);
    let figures: Record<string, number>;
    try {
      // Both sides warm: making the fixtures loaded sharp here; one upload does the same in the product.
      await uploads.ready(await uploadFile(`http://127.0.0.1:${PORT}`, token, warmUp as string));
      // Alternating rounds, medians reported: one run on a shared 2-core machine varies by ±5%.
      const rounds: Record<'imageDirect' | 'imagePipeline' | 'videoDirect' | 'videoPipeline', number>[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const imageDirect = await timed(() =>
          eachConcurrently(photos, IMAGE_CONCURRENCY, (file, i) => directImage(file, path.join(work, `direct-${round}-${i}`))),
        );
        const imagePipeline = await timed(async () => {
          const ready = await eachConcurrently(photos, IMAGE_CONCURRENCY, async (file) =>
            uploads.ready(await uploadFile(`http://127.0.0.1:${PORT}`, token, file)),
          );
          await Promise.all(ready);
        });
        const videoDirect = await timed(() => directVideo(clip, path.join(work, `direct-video-${round}`)));
        const videoPipeline = await timed(async () => uploads.ready(await uploadFile(`http://127.0.0.1:${PORT}`, token, clip)));
        rounds.push({ imageDirect, imagePipeline, videoDirect, videoPipeline });
        console.log(`round ${round + 1}/${ROUNDS}:`, rounds.at(-1));
      }
      const overRounds = (pick: (r: (typeof rounds)[number]) => number) => median(rounds.map(pick));
      figures = {
        image_pipeline_vs_direct: round(
          overRounds((r) => r.imagePipeline / r.imageDirect),
          3,
        ),
        video_pipeline_vs_direct: round(
          overRounds((r) => r.videoPipeline / r.videoDirect),
          3,
        ),
        images_per_s: round(IMAGES / (overRounds((r) => r.imagePipeline) / 1000), 2),
        images_direct_per_s: round(IMAGES / (overRounds((r) => r.imageDirect) / 1000), 2),
        video_seconds: round(overRounds((r) => r.videoPipeline) / 1000, 2),
        video_direct_seconds: round(overRounds((r) => r.videoDirect) / 1000, 2),
      };
    } finally {
      await uploads.close();
    }

    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'media.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(figures);
  } finally {
    await stopProduct(product);
    await dropServerDatabase(ADMIN_URL, 'bench_media');
    await rm(work, { recursive: true, force: true });
  }
}

/** Phone-sized photos (4032x3024, EXIF-rotated), each a little different so no cache helps. */
async function makePhotos(dir: string, count: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const file = path.join(dir, `photo-${i}.jpg`);
    const noise = await sharp({
      create: { width: 504, height: 378, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120 + i, sigma: 40 } },
    })
      .png()
      .toBuffer();
    await sharp(noise).resize(4032, 3024, { kernel: 'cubic' }).withMetadata({ orientation: 6 }).jpeg({ quality: 88 }).toFile(file);
    files.push(file);
  }
  return files;
}

async function makeClip(dir: string): Promise<string> {
  const file = path.join(dir, 'clip-1080p.mp4');
  await runFfmpeg(
    [
      ...['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=10'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=10'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
    ],
    { bin: SYSTEM_BINARIES, timeoutMs: 300_000 },
  );
  return file;
}

async function directImage(file: string, outDir: string): Promise<void> {
  await processImage(file, outDir, { maxPixels: 50_000_000, avif: false });
}

/** The commands the pipeline runs for a video, one after another as its single transcode slot does. */
async function directVideo(file: string, outDir: string): Promise<void> {
  const plan = planVideo(await probeVideo(file, SYSTEM_BINARIES));
  const options = { bin: SYSTEM_BINARIES, timeoutMs: 600_000 };
  for (const rung of plan.rungs) {
    const dir = path.join(outDir, rung.name);
    mkdirSync(dir, { recursive: true });
    await runFfmpeg(rungArgs(file, dir, rung, plan), options);
  }
  await runFfmpeg(posterArgs(file, path.join(outDir, 'poster.jpg'), plan), options);
  await runFfmpeg(previewArgs(file, path.join(outDir, 'preview.mp4'), plan), options);
}

async function signUpCreator(base: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: SignUpInput!) { signUp(input: $i) { token error { message } } }',
      variables: { i: { handle: `bench_${Date.now()}`, password: 'bench-password-1', displayName: 'Bench', role: 'CREATOR' } },
    }),
  });
  const body = (await res.json()) as { data?: { signUp: { token: string | null; error: { message: string } | null } } };
  const token = body.data?.signUp.token;
  if (!token) throw new Error(`sign-up failed: ${JSON.stringify(body)}`);
  return token;
}

/**
 * Streams the file from disk as a multipart body, as a phone's uploader would; fetch with FormData
 * cost this process ~17 ms of CPU per 2.5 MB photo, CPU that the product's workers need on 2 cores.
 */
async function uploadFile(base: string, token: string, file: string): Promise<string> {
  const boundary = `bench${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { size } = await stat(file);
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${base}/uploads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + size + tail.length,
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(head);
    const source = createReadStream(file, { highWaterMark: 1 << 20 });
    source.on('error', reject);
    source.on('end', () => req.end(tail));
    source.pipe(req, { end: false });
  });
  const id = (JSON.parse(body) as { id?: string }).id;
  if (status !== 201 || !id) throw new Error(`upload of ${file} failed: ${status} ${body}`);
  return id;
}

/**
 * Learns that uploads are ready the way an app does, from the uploadProgress subscription: pushed,
 * so waiting costs the product nothing, where polling 24 uploads every 50 ms competed with its workers for CPU.
 */
class UploadWatcher {
  private readonly client: Client;

  constructor(url: string, token: string) {
    this.client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
  }

  ready(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.client.subscribe<{ uploadProgress: { status: string; failure: { message: string } | null } }>(
        { query: 'subscription($id: ID!) { uploadProgress(id: $id) { status failure { message } } }', variables: { id } },
        {
          next: (message) => {
            const upload = message.data?.uploadProgress;
            if (message.errors) reject(new Error(JSON.stringify(message.errors)));
            else if (upload?.status === 'FAILED') reject(new Error(`media failed: ${upload.failure?.message}`));
          },
          error: reject,
          // The subscription completes once the upload is READY (or FAILED, rejected above).
          complete: resolve,
        },
      );
    });
  }

  close(): Promise<void> {
    return this.client.dispose() as Promise<void>;
  }
}

async function eachConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
