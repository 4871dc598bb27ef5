import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readTestEnv } from '../../core/config';
import { runFfmpeg, SYSTEM_BINARIES } from '../../media/ffmpeg';
import { signUp } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { startTestWorker } from '../support/worker';

// A worker is its own process here, so the database must be a server: PGlite serves one process.
const onServer = readTestEnv().backend === 'pg' ? describe : describe.skip;
const LOCK_MS = 2_000;

onServer('a worker killed in the middle of a transcode', () => {
  let app: TestApp;
  let dir: string;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    app = await startTestApp();
    dir = await mkdtemp(path.join(tmpdir(), 'media-crash-'));
  });
  afterAll(async () => {
    if (worker?.pid) killGroup(worker.pid);
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('has its job picked up again by another worker, and no half-written playlist is ever served', async () => {
    const creator = await signUp(app, 'CREATOR');
    const source = path.join(dir, 'long.mp4');
    await runFfmpeg(
      [
        ...['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=20'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', source],
      ],
      { bin: SYSTEM_BINARIES, timeoutMs: 120_000 },
    );

    worker = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'main.ts')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        ROLES: 'worker',
        DATABASE_URL: app.databaseUrl,
        REDIS_URL: app.config.REDIS_URL,
        REDIS_PREFIX: app.config.REDIS_PREFIX,
        MEDIA_DIR: app.config.MEDIA_DIR,
        SEED_ON_START: '0',
        LOG_LEVEL: 'silent',
        JOB_LOCK_MS: String(LOCK_MS),
      },
      stdio: 'ignore',
      // Its own process group, killed whole below as a crashed machine would be: its ffmpeg too, which a kill of
      // the worker alone would leave writing into the work directory after the test has removed it.
      detached: true,
    });
    const res = await app.http.post('/uploads').set('authorization', `Bearer ${creator.token}`).attach('file', source);
    expect(res.status).toBe(201);
    const id = res.body.id as string;

    // Kill the worker once a rung is visibly under way.
    await until(async () => ((await app.services.media.byIds([id]))[0]?.progress ?? 0) > 0, 60_000);
    const exited = new Promise((resolve) => worker?.once('exit', resolve));
    killGroup(worker.pid as number);
    await exited;
    worker = null;

    const [interrupted] = await app.services.media.byIds([id]);
    expect(interrupted?.status).toBe('processing');
    expect((await app.http.get(`/media/videos/${id}/master.m3u8`)).status).toBe(404);
    for (const rung of ['720p', '480p', '360p']) {
      const playlist = await app.http.get(`/media/videos/${id}/${rung}/index.m3u8`);
      if (playlist.status !== 200) continue;
      // A rung's playlist is stored after all of its segments: every segment it names is there.
      for (const segment of playlist.text.split('\n').filter((line) => line.endsWith('.ts'))) {
        expect((await app.http.head(`/media/videos/${id}/${rung}/${segment}`)).status).toBe(200);
      }
    }

    // Another worker: the dead one's lock expires and its job runs again from the start.
    const runtime = await startTestWorker(app, { lockMs: LOCK_MS });
    try {
      await until(async () => (await app.services.media.byIds([id]))[0]?.status !== 'processing', 120_000);
    } finally {
      await runtime.stop();
    }
    const [done] = await app.services.media.byIds([id]);
    expect(done?.status).toBe('ready');
    const master = path.join(app.config.MEDIA_DIR, 'videos', id, 'master.m3u8');
    const probe = await promisify(execFile)('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_name,width,height',
      '-of',
      'json',
      master,
    ]);
    const streams = (JSON.parse(probe.stdout) as { streams: { codec_name: string; width: number }[] }).streams;
    expect(streams.map((s) => s.width).sort((a, b) => b - a)).toEqual([1280, 854, 640]);
  });
});

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Kills a process group; one with nobody left in it is already what this wants. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
