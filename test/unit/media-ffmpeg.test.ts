import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaRejectedError } from '../../media/errors';
import { FfmpegError, probeVideo, runFfmpeg, SYSTEM_BINARIES } from '../../media/ffmpeg';
import { masterPlaylist, planVideo, posterArgs, previewArgs, rungArgs } from '../../media/video-plan';

const bin = SYSTEM_BINARIES;
let dir: string;
const file = (name: string) => join(dir, name);

/** Fixture commands read lavfi sources, so they skip the plan's file-only whitelist. */
function generate(args: string[]): Promise<void> {
  return runFfmpeg(['-hide_banner', '-v', 'error', '-y', ...args], { bin, timeoutMs: 30_000 });
}

const testsrc = (size: string, seconds: number) => ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=30:duration=${seconds}`];
const sine = (seconds: number) => ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`];
const h264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p'];

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** [profile_idc, constraint flags, level_idc] of the first SPS, to hold the master playlist's CODECS to the real stream. */
function spsHex(segment: Buffer): string {
  const at = segment.indexOf(Buffer.from([0, 0, 1, 0x67]));
  return segment.subarray(at + 4, at + 7).toString('hex');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'media-ffmpeg-'));
  await generate([...testsrc('640x360', 2), ...sine(2), ...h264, '-c:a', 'aac', '-shortest', file('clip.mp4')]);
  await generate([...testsrc('1280x720', 2), ...sine(2), ...h264, '-c:a', 'aac', '-shortest', file('clip720.mp4')]);
  await generate([...testsrc('360x640', 1), ...h264, file('portrait.mp4')]);
  // Rotation metadata only sticks with stream copy in ffmpeg 5.1; re-encoding drops it silently.
  await generate(['-i', file('clip.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', file('rotated.mp4')]);
  await generate([...testsrc('64x64', 1), '-frames:v', '1', file('image.png')]);
  await writeFile(file('fake.mp4'), 'hello, this is not a video\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probeVideo', () => {
  it('reads a landscape clip with audio', async () => {
    const probe = await probeVideo(file('clip.mp4'), bin);
    expect(probe).toMatchObject({ width: 640, height: 360, rotation: 0, videoCodec: 'h264', hasAudio: true });
    expect(probe.formatName).toContain('mp4');
    expect(probe.durationS).toBeCloseTo(2, 1);
    expect(probe.bitRate).toBeGreaterThan(0);
  });

  it('reads a portrait clip without audio', async () => {
    expect(await probeVideo(file('portrait.mp4'), bin)).toMatchObject({ width: 360, height: 640, hasAudio: false });
  });

  it('reports the display size of a rotated clip', async () => {
    expect(await probeVideo(file('rotated.mp4'), bin)).toMatchObject({ width: 360, height: 640 });
    expect(Math.abs((await probeVideo(file('rotated.mp4'), bin)).rotation)).toBe(90);
  });

  it('rejects a text file named .mp4 as corrupt', async () => {
    const error = await rejection(probeVideo(file('fake.mp4'), bin));
    expect(error).toBeInstanceOf(MediaRejectedError);
    expect(error).toMatchObject({ reason: 'corrupt' });
    expect(String((error as Error).cause)).toContain('moov atom not found');
  });

  it('rejects a truncated mp4 as corrupt', async () => {
    const whole = await readFile(file('clip.mp4'));
    await writeFile(file('truncated.mp4'), whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await rejection(probeVideo(file('truncated.mp4'), bin))).toMatchObject({ reason: 'corrupt' });
  });

  it('rejects a still image as having no video stream', async () => {
    const error = await rejection(probeVideo(file('image.png'), bin));
    expect(error).toBeInstanceOf(MediaRejectedError);
    expect(error).toMatchObject({ reason: 'no_video_stream', message: expect.stringContaining('photo') });
  });

  it('rejects an audio-only file as having no video stream', async () => {
    await generate([...sine(1), '-c:a', 'aac', file('audio.m4a')]);
    expect(await rejection(probeVideo(file('audio.m4a'), bin))).toMatchObject({ reason: 'no_video_stream' });
  });

  it('treats a missing file or a missing ffprobe as a server problem, not a bad upload', async () => {
    const missingFile = await rejection(probeVideo(file('nope.mp4'), bin));
    expect(missingFile).not.toBeInstanceOf(MediaRejectedError);
    expect(String(missingFile)).toContain('No such file');
    const missingBinary = await rejection(probeVideo(file('clip.mp4'), { ...bin, ffprobe: '/nonexistent/ffprobe' }));
    expect(missingBinary).not.toBeInstanceOf(MediaRejectedError);
    expect(String(missingBinary)).toMatch(/ffprobe is not installed.*apt-get install ffmpeg.*FFPROBE_PATH/);
  });
});

describe('a full plan', () => {
  it('writes HLS rungs, a poster and a silent preview, reporting progress to the end', async () => {
    const input = file('clip720.mp4');
    const plan = planVideo(await probeVideo(input, bin));
    expect(plan.rungs.map((r) => r.name)).toEqual(['720p', '480p', '360p']);

    const out = file('hls');
    for (const rung of plan.rungs) {
      await mkdir(join(out, rung.name), { recursive: true });
      const progress: number[] = [];
      await runFfmpeg(rungArgs(input, join(out, rung.name), rung, plan), {
        bin,
        timeoutMs: 30_000,
        durationS: plan.durationS,
        onProgress: (fraction) => progress.push(fraction),
      });
      expect(progress.at(-1)).toBe(1);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(new Set(progress).size).toBe(progress.length);

      const playlist = join(out, rung.name, 'index.m3u8');
      expect(await readFile(playlist, 'utf8')).toContain('#EXT-X-ENDLIST');
      expect(await probeVideo(playlist, bin)).toMatchObject({
        formatName: 'hls',
        videoCodec: 'h264',
        width: rung.width,
        height: rung.height,
      });
    }

    const master = masterPlaylist(plan);
    await writeFile(join(out, 'master.m3u8'), master);
    for (const rung of plan.rungs) {
      const codecs = /CODECS="avc1\.(\w+),mp4a\.40\.2"/.exec(master.split(`RESOLUTION=${rung.width}x${rung.height},`)[1] ?? '');
      expect(codecs?.[1]).toBe(spsHex(await readFile(join(out, rung.name, 'seg_000.ts'))));
    }

    await runFfmpeg(posterArgs(input, file('poster.jpg'), plan), { bin, timeoutMs: 30_000 });
    expect((await readFile(file('poster.jpg'))).subarray(0, 2).toString('hex')).toBe('ffd8');

    await runFfmpeg(previewArgs(input, file('preview.mp4'), plan), { bin, timeoutMs: 30_000 });
    expect(await probeVideo(file('preview.mp4'), bin)).toMatchObject({ hasAudio: false, width: 320, height: 180 });
  });

  it('keeps a rotated clip upright through the encode', async () => {
    const input = file('rotated.mp4');
    const plan = planVideo(await probeVideo(input, bin));
    const [rung] = plan.rungs;
    if (!rung) throw new Error('no rung');
    expect(rung).toMatchObject({ width: 360, height: 640 });
    await mkdir(file('rot'), { recursive: true });
    await runFfmpeg(rungArgs(input, file('rot'), rung, plan), { bin, timeoutMs: 30_000 });
    expect(await probeVideo(file('rot/index.m3u8'), bin)).toMatchObject({ width: 360, height: 640, rotation: 0 });
  });

  it('does not write a poster past the end of a very short clip', async () => {
    await generate([...testsrc('320x240', 0.5), ...h264, file('short.mp4')]);
    const plan = planVideo(await probeVideo(file('short.mp4'), bin));
    await runFfmpeg(posterArgs(file('short.mp4'), file('short.jpg'), plan), { bin, timeoutMs: 30_000 });
    expect(existsSync(file('short.jpg'))).toBe(true);
  });
});

describe('runFfmpeg failures', () => {
  const longEncode = ['-hide_banner', '-v', 'error', '-progress', 'pipe:1', ...testsrc('1280x720', 60), ...h264, '-f', 'null', '-'];

  it('kills ffmpeg on timeout and leaves no process behind', async () => {
    const error = await rejection(runFfmpeg(longEncode, { bin, timeoutMs: 50 }));
    expect(error).toBeInstanceOf(FfmpegError);
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('timed out after 50 ms') });
    const { pid } = error as FfmpegError;
    expect(pid).toBeGreaterThan(0);
    expect(isRunning(pid as number)).toBe(false);
  });

  it('kills ffmpeg when aborted', async () => {
    const controller = new AbortController();
    const error = await rejection(
      runFfmpeg(longEncode, {
        bin,
        timeoutMs: 30_000,
        durationS: 60,
        onProgress: () => controller.abort(new Error('note deleted')),
        signal: controller.signal,
      }),
    );
    expect(error).toMatchObject({ kind: 'aborted', cause: new Error('note deleted') });
    expect(isRunning((error as FfmpegError).pid as number)).toBe(false);
    expect(await rejection(runFfmpeg(longEncode, { bin, timeoutMs: 30_000, signal: controller.signal }))).toMatchObject({
      kind: 'aborted',
      pid: undefined,
    });
  });

  it('reports the exit code and the end of stderr', async () => {
    const error = await rejection(runFfmpeg(['-v', 'error', '-i', file('nope.mp4'), file('out.mp4')], { bin, timeoutMs: 30_000 }));
    expect(error).toMatchObject({ kind: 'exit', exitCode: 1 });
    expect((error as Error).message).toMatch(/exited with code 1: .*No such file or directory/);
  });

  it('passes on an exception thrown by the progress callback after stopping ffmpeg', async () => {
    const error = await rejection(
      runFfmpeg(longEncode, {
        bin,
        timeoutMs: 30_000,
        durationS: 60,
        onProgress: () => {
          throw new Error('callback broke');
        },
      }),
    );
    expect(error).toEqual(new Error('callback broke'));
  });

  it('explains how to install a missing ffmpeg', async () => {
    expect(String(await rejection(runFfmpeg(['-version'], { bin: { ...bin, ffmpeg: '/nonexistent/ffmpeg' }, timeoutMs: 1000 })))).toMatch(
      /ffmpeg is not installed.*FFMPEG_PATH/,
    );
  });
});
