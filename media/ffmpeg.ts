import { spawn } from 'node:child_process';
import { MediaRejectedError } from './errors';
import type { VideoProbe } from './video-plan';

/** Paths of the binaries; the caller passes them from configuration (FFMPEG_PATH / FFPROBE_PATH). */
export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
}

export const SYSTEM_BINARIES: FfmpegBinaries = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };

/** A run of ffmpeg or ffprobe that failed for a reason other than the uploaded file itself. */
export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly kind: 'exit' | 'timeout' | 'aborted',
    /** The child had exited by the time this was thrown; kept so callers and tests can confirm it. */
    readonly pid: number | undefined,
    readonly exitCode: number | null,
    readonly stderrTail: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'FfmpegError';
  }
}

const STDERR_TAIL_CHARS = 4096;
/** A normal probe is a few KB; a file with thousands of streams or tags is not something we want to parse. */
const PROBE_OUTPUT_LIMIT = 1 << 20;
const DEFAULT_PROBE_TIMEOUT_MS = 30_000;

interface ProcessRun {
  bin: string;
  args: string[];
  timeoutMs: number;
  signal?: AbortSignal;
  onStdout: (chunk: string) => void;
  /** Shown when the binary is not installed, because that is a deployment problem and not a bad upload. */
  notInstalled: string;
}

interface ProcessExit {
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderrTail: string;
}

/**
 * Settles only after the child has exited, so a rejected or resolved promise never leaves a running
 * ffmpeg behind (Node reaps the child before it emits 'close').
 */
function runProcess(run: ProcessRun): Promise<ProcessExit> {
  const tool = run.bin.split('/').pop() ?? run.bin;
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(new FfmpegError(`${tool} was aborted before it started`, 'aborted', undefined, null, '', { cause: run.signal.reason }));
      return;
    }
    const child = spawn(run.bin, run.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderrTail = '';
    let stopped: { kind: 'timeout' | 'aborted' } | { kind: 'callback'; error: unknown } | undefined;
    const stop = (reason: NonNullable<typeof stopped>) => {
      stopped ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop({ kind: 'timeout' }), run.timeoutMs);
    const onAbort = () => stop({ kind: 'aborted' });
    run.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanUp = () => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
    };

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stopped) return;
      try {
        run.onStdout(chunk);
      } catch (error) {
        // Thrown from a stream handler it would be an uncaught exception and the child would keep running.
        stop({ kind: 'callback', error });
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });

    child.on('error', (error: NodeJS.ErrnoException) => {
      // With a pid the process exists and 'close' still follows; without one it never started.
      if (child.pid !== undefined) return;
      cleanUp();
      reject(error.code === 'ENOENT' ? new Error(run.notInstalled, { cause: error }) : error);
    });
    child.on('close', (code, signal) => {
      cleanUp();
      const pid = child.pid;
      if (stopped?.kind === 'callback') reject(stopped.error);
      else if (stopped?.kind === 'timeout') {
        reject(new FfmpegError(`${tool} timed out after ${run.timeoutMs} ms and was killed`, 'timeout', pid, code, stderrTail));
      } else if (stopped?.kind === 'aborted') {
        reject(new FfmpegError(`${tool} was aborted`, 'aborted', pid, code, stderrTail, { cause: run.signal?.reason }));
      } else resolve({ pid, code, signal, stderrTail });
    });
  });
}

function notInstalled(tool: 'ffmpeg' | 'ffprobe', bin: string): string {
  const variable = tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
  return `${tool} is not installed (could not run '${bin}'): install it with 'apt-get install ffmpeg' or set ${variable} to the binary`;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  duration?: string;
  sample_aspect_ratio?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; bit_rate?: string };
}

function rejected(reason: 'corrupt' | 'no_video_stream', message: string, detail: string): MediaRejectedError {
  const error = new MediaRejectedError(reason, message);
  // The creator sees the message; operators get ffprobe's own words.
  error.cause = new Error(detail);
  return error;
}

const CORRUPT_MESSAGE = 'We could not read this video. The file may be damaged or incomplete: export it again and re-upload it.';

function positive(value: string | number | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && Number.isFinite(number) && number > 0 ? number : undefined;
}

/** Width stretched by a non-square sample aspect ratio (old camcorder and DVD footage), so the plan sees what viewers see. */
function displayWidth(stream: FfprobeStream, codedWidth: number): number {
  const [num, den] = (stream.sample_aspect_ratio ?? '').split(':').map(Number);
  return num && den ? Math.round((codedWidth * num) / den) : codedWidth;
}

export async function probeVideo(path: string, bin: FfmpegBinaries, timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): Promise<VideoProbe> {
  let stdout = '';
  const exit = await runProcess({
    bin: bin.ffprobe,
    args: ['-v', 'error', '-protocol_whitelist', 'file', '-show_streams', '-show_format', '-of', 'json', path],
    timeoutMs,
    onStdout: (chunk) => {
      stdout += chunk;
      if (stdout.length > PROBE_OUTPUT_LIMIT)
        throw rejected('corrupt', CORRUPT_MESSAGE, `ffprobe output exceeded ${PROBE_OUTPUT_LIMIT} bytes`);
    },
    notInstalled: notInstalled('ffprobe', bin.ffprobe),
  });
  // ffprobe prints an empty JSON object even when it fails, so only the exit code says whether it read the file.
  if (exit.code !== 0) {
    if (/No such file or directory|Permission denied/.test(exit.stderrTail)) {
      throw new FfmpegError(`ffprobe could not open ${path}: ${exit.stderrTail.trim()}`, 'exit', exit.pid, exit.code, exit.stderrTail);
    }
    throw rejected('corrupt', CORRUPT_MESSAGE, exit.stderrTail.trim() || `ffprobe exited with code ${exit.code}`);
  }

  const output = JSON.parse(stdout) as FfprobeOutput;
  const formatName = output.format?.format_name ?? '';
  // Still images are demuxed as a one-frame video stream, by the image2 demuxer or a *_pipe one (png_pipe, jpeg_pipe, ...).
  if (formatName === 'image2' || formatName.endsWith('_pipe')) {
    throw rejected(
      'no_video_stream',
      'This is a still image, not a video. Add it to your note as a photo, or choose a video file.',
      `format ${formatName}`,
    );
  }
  const streams = output.streams ?? [];
  // Cover art in audio files shows up as a video stream flagged attached_pic.
  const video = streams.find((stream) => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1);
  if (!video) {
    throw rejected(
      'no_video_stream',
      'This file has no video in it. Choose a video file, such as an MP4 or MOV from your camera roll.',
      `format ${formatName}`,
    );
  }

  const codedWidth = positive(video.width);
  const codedHeight = positive(video.height);
  const durationS = positive(output.format?.duration) ?? positive(video.duration);
  if (codedWidth === undefined || codedHeight === undefined || durationS === undefined) {
    throw rejected('corrupt', CORRUPT_MESSAGE, `video stream without a size or duration (${codedWidth}x${codedHeight}, ${durationS} s)`);
  }
  // ffmpeg 5+ reports the display matrix as side data; older builds only set the rotate tag.
  const rotation = video.side_data_list?.find((data) => data.rotation !== undefined)?.rotation ?? (Number(video.tags?.rotate) || 0);
  const width = displayWidth(video, codedWidth);
  const quarterTurn = Math.abs(rotation) % 180 === 90;

  return {
    formatName,
    durationS,
    width: quarterTurn ? codedHeight : width,
    height: quarterTurn ? width : codedHeight,
    rotation,
    videoCodec: video.codec_name ?? 'unknown',
    hasAudio: streams.some((stream) => stream.codec_type === 'audio'),
    bitRate: positive(output.format?.bit_rate) ?? null,
  };
}

/** Reads ffmpeg's `-progress pipe:1` key=value blocks and reports a non-decreasing fraction. */
function progressReader(durationS: number | undefined, onProgress: (fraction: number) => void): (chunk: string) => void {
  let partialLine = '';
  let reported = 0;
  const report = (fraction: number) => {
    if (fraction <= reported) return;
    reported = fraction;
    onProgress(fraction);
  };
  return (chunk) => {
    const lines = (partialLine + chunk).split('\n');
    partialLine = lines.pop() ?? '';
    for (const line of lines) {
      const separator = line.indexOf('=');
      const key = line.slice(0, separator).trim();
      const value = line.slice(separator + 1).trim();
      // out_time_ms is also in microseconds despite its name; out_time_us says so. Early blocks can hold N/A or negative values.
      if (key === 'out_time_us' && durationS !== undefined && durationS > 0) {
        const micros = Number(value);
        if (Number.isFinite(micros)) report(Math.min(1, Math.max(0, micros / (durationS * 1e6))));
      } else if (key === 'progress' && value === 'end') {
        report(1);
      }
    }
  };
}

export async function runFfmpeg(
  args: string[],
  options: { bin: FfmpegBinaries; timeoutMs: number; durationS?: number; onProgress?: (fraction: number) => void; signal?: AbortSignal },
): Promise<void> {
  const { onProgress } = options;
  const exit = await runProcess({
    bin: options.bin.ffmpeg,
    args,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    onStdout: onProgress ? progressReader(options.durationS, onProgress) : () => undefined,
    notInstalled: notInstalled('ffmpeg', options.bin.ffmpeg),
  });
  if (exit.code !== 0) {
    // A null code means a signal from outside, most often the kernel's OOM killer.
    const how = exit.code === null ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    throw new FfmpegError(`ffmpeg ${how}: ${exit.stderrTail.trim()}`, 'exit', exit.pid, exit.code, exit.stderrTail);
  }
}
