import { join } from 'node:path';

/** What ffprobe says about an upload, reduced to what the plan needs. */
export interface VideoProbe {
  formatName: string;
  durationS: number;
  /** DISPLAY size: coded size swapped when |rotation| % 180 === 90. */
  width: number;
  height: number;
  rotation: number;
  videoCodec: string;
  hasAudio: boolean;
  bitRate: number | null;
}

export interface Rung {
  name: '1080p' | '720p' | '480p' | '360p';
  /** Even numbers; portrait keeps portrait. */
  width: number;
  height: number;
  videoKbps: number;
  maxKbps: number;
  bufferKbps: number;
  audioKbps: number;
  profile: 'high' | 'main';
  /** H.264 level, e.g. '4.0'. */
  level: string;
}

export interface VideoPlan {
  /** Highest first. */
  rungs: Rung[];
  segmentSeconds: 4;
  durationS: number;
  poster: { atS: number; width: number };
  preview: { seconds: number; width: number; fps: number };
  hasAudio: boolean;
}

/** Measured from the written segments, so these already include audio and container overhead. */
export type MeasuredRates = Partial<Record<Rung['name'], { peakKbps: number; averageKbps: number }>>;

const SEGMENT_SECONDS = 4;
/**
 * Levels are derived for this rate, and the encoder is told to drop frames above it, so a 60 fps
 * phone clip cannot produce a stream whose real level is higher than the one the master playlist promises.
 */
const MAX_FPS = 30;
const POSTER_MAX_WIDTH = 1080;
const PREVIEW = { maxSeconds: 3, width: 320, fps: 15, crf: 30 };

const LADDER: readonly { name: Rung['name']; shortSide: number; videoKbps: number; audioKbps: number; profile: Rung['profile'] }[] = [
  { name: '1080p', shortSide: 1080, videoKbps: 5000, audioKbps: 128, profile: 'high' },
  { name: '720p', shortSide: 720, videoKbps: 2800, audioKbps: 128, profile: 'high' },
  // Main profile on the low rungs keeps them playable on the old, cheap phones that are the reason low rungs exist.
  { name: '480p', shortSide: 480, videoKbps: 1400, audioKbps: 96, profile: 'main' },
  { name: '360p', shortSide: 360, videoKbps: 800, audioKbps: 96, profile: 'main' },
];
const SMALLEST = LADDER[LADDER.length - 1] as (typeof LADDER)[number];
const SMALLEST_RUNG_PIXELS = 640 * 360;

/** H.264 Annex A limits: macroblocks per second, macroblocks per frame, max bitrate (kbit/s, Main; High allows 1.25×). */
const LEVELS: readonly { level: string; mbPerS: number; mbPerFrame: number; maxKbps: number }[] = [
  { level: '3.0', mbPerS: 40_500, mbPerFrame: 1_620, maxKbps: 10_000 },
  { level: '3.1', mbPerS: 108_000, mbPerFrame: 3_600, maxKbps: 14_000 },
  { level: '3.2', mbPerS: 216_000, mbPerFrame: 5_120, maxKbps: 20_000 },
  { level: '4.0', mbPerS: 245_760, mbPerFrame: 8_192, maxKbps: 20_000 },
  { level: '4.1', mbPerS: 245_760, mbPerFrame: 8_192, maxKbps: 50_000 },
  { level: '4.2', mbPerS: 522_240, mbPerFrame: 8_704, maxKbps: 50_000 },
  { level: '5.0', mbPerS: 589_824, mbPerFrame: 22_080, maxKbps: 135_000 },
  { level: '5.1', mbPerS: 983_040, mbPerFrame: 36_864, maxKbps: 240_000 },
  { level: '5.2', mbPerS: 2_073_600, mbPerFrame: 36_864, maxKbps: 240_000 },
];

function roundEven(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

function floorEven(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2);
}

/** ffmpeg reads plain decimals; this keeps float noise such as 0.30000000000000004 out of the command line. */
function seconds(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function levelFor(width: number, height: number, maxKbps: number, profile: Rung['profile']): string {
  const mbWide = Math.ceil(width / 16);
  const mbHigh = Math.ceil(height / 16);
  const mbPerFrame = mbWide * mbHigh;
  const bitrateFactor = profile === 'high' ? 1.25 : 1;
  const fits = LEVELS.find(
    (l) =>
      mbPerFrame <= l.mbPerFrame &&
      mbPerFrame * MAX_FPS <= l.mbPerS &&
      maxKbps <= l.maxKbps * bitrateFactor &&
      // Annex A also caps each side at sqrt(8 × MaxFS) macroblocks, which matters for very wide or tall video.
      Math.max(mbWide, mbHigh) ** 2 <= 8 * l.mbPerFrame,
  );
  return (fits ?? (LEVELS[LEVELS.length - 1] as (typeof LEVELS)[number])).level;
}

function rung(name: Rung['name'], width: number, height: number, videoKbps: number, audioKbps: number, profile: Rung['profile']): Rung {
  const maxKbps = Math.round(videoKbps * 1.07);
  return {
    name,
    width,
    height,
    videoKbps,
    maxKbps,
    bufferKbps: Math.round(videoKbps * 1.5),
    audioKbps,
    profile,
    level: levelFor(width, height, maxKbps, profile),
  };
}

export function planVideo(probe: VideoProbe): VideoPlan {
  const landscape = probe.width >= probe.height;
  const sourceShort = landscape ? probe.height : probe.width;
  const sourceLong = landscape ? probe.width : probe.height;
  const sized = (shortSide: number, longSide: number) =>
    landscape ? { width: longSide, height: shortSide } : { width: shortSide, height: longSide };

  const rungs = LADDER.filter((step) => step.shortSide <= sourceShort).map((step) => {
    // Capped at the source so rounding up to even never upscales by a pixel.
    const long = Math.min(roundEven((step.shortSide * sourceLong) / sourceShort), floorEven(sourceLong));
    const { width, height } = sized(step.shortSide, long);
    return rung(step.name, width, height, step.videoKbps, step.audioKbps, step.profile);
  });
  if (rungs.length === 0) {
    // Below the smallest rung: keep the source size, and scale the bitrate with the pixel count so tiny clips are not padded.
    const { width, height } = sized(floorEven(sourceShort), floorEven(sourceLong));
    const videoKbps = Math.max(200, Math.round((SMALLEST.videoKbps * width * height) / SMALLEST_RUNG_PIXELS));
    rungs.push(rung(SMALLEST.name, width, height, videoKbps, SMALLEST.audioKbps, SMALLEST.profile));
  }

  return {
    rungs,
    segmentSeconds: SEGMENT_SECONDS,
    durationS: probe.durationS,
    // ffmpeg exits 0 and writes no file when the seek lands past the end, so stay well inside short clips.
    poster: { atS: Math.min(1, probe.durationS * 0.1), width: Math.min(POSTER_MAX_WIDTH, floorEven(probe.width)) },
    preview: {
      seconds: Math.min(PREVIEW.maxSeconds, probe.durationS),
      width: Math.min(PREVIEW.width, floorEven(probe.width)),
      fps: PREVIEW.fps,
    },
    hasAudio: probe.hasAudio,
  };
}

/**
 * The whitelist is an input option, so it must precede -i: after it ffmpeg silently keeps its default
 * whitelist, and a crafted playlist or concat file could make it fetch URLs.
 */
function inputArgs(input: string, beforeInput: string[] = []): string[] {
  return [
    '-hide_banner',
    '-v',
    'error',
    '-nostats',
    '-progress',
    'pipe:1',
    '-y',
    ...beforeInput,
    '-protocol_whitelist',
    'file',
    '-i',
    input,
  ];
}

/** Uploaded files can carry the creator's GPS position and device details in container metadata. */
const STRIP_METADATA = ['-map_metadata', '-1', '-map_chapters', '-1'];

/** Scales by the display aspect ratio (rotation is applied before filters) and makes pixels square for players that ignore SAR. */
function scaleToWidth(width: number): string {
  return `scale=w=${width}:h=round(${width}/dar/2)*2,setsar=1`;
}

/** Writes outDir/index.m3u8 and outDir/seg_%03d.ts. */
export function rungArgs(input: string, outDir: string, rung: Rung, plan: VideoPlan): string[] {
  const audio = plan.hasAudio ? ['-map', '0:a:0?', '-c:a', 'aac', '-b:a', `${rung.audioKbps}k`, '-ac', '2', '-ar', '48000'] : ['-an'];
  return [
    ...inputArgs(input),
    '-map',
    '0:v:0',
    ...audio,
    '-vf',
    `scale=w=${rung.width}:h=${rung.height},setsar=1`,
    '-fpsmax',
    String(MAX_FPS),
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-profile:v',
    rung.profile,
    '-level:v',
    rung.level,
    '-pix_fmt',
    'yuv420p',
    '-b:v',
    `${rung.videoKbps}k`,
    '-maxrate',
    `${rung.maxKbps}k`,
    '-bufsize',
    `${rung.bufferKbps}k`,
    // Every segment must start on a keyframe for independent segments and for switching between rungs mid-stream.
    '-force_key_frames',
    `expr:gte(t,n_forced*${plan.segmentSeconds})`,
    '-sc_threshold',
    '0',
    ...STRIP_METADATA,
    '-f',
    'hls',
    '-hls_time',
    String(plan.segmentSeconds),
    '-hls_playlist_type',
    'vod',
    '-hls_flags',
    'independent_segments',
    '-hls_segment_filename',
    join(outDir, 'seg_%03d.ts'),
    join(outDir, 'index.m3u8'),
  ];
}

/** One JPEG frame. */
export function posterArgs(input: string, output: string, plan: VideoPlan): string[] {
  return [
    // Seeking on the input jumps to the nearest keyframe instead of decoding everything before it.
    ...inputArgs(input, ['-ss', seconds(plan.poster.atS)]),
    '-map',
    '0:v:0',
    '-frames:v',
    '1',
    '-vf',
    scaleToWidth(plan.poster.width),
    '-q:v',
    '3',
    '-f',
    'image2',
    output,
  ];
}

/** A short silent low-res MP4 for autoplay in the feed. */
export function previewArgs(input: string, output: string, plan: VideoPlan): string[] {
  return [
    ...inputArgs(input),
    // Mapping only the video stream is what makes the preview silent.
    '-map',
    '0:v:0',
    '-t',
    seconds(plan.preview.seconds),
    '-vf',
    `fps=${plan.preview.fps},${scaleToWidth(plan.preview.width)}`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    String(PREVIEW.crf),
    '-pix_fmt',
    'yuv420p',
    ...STRIP_METADATA,
    // The moov atom first lets the browser start playing before the whole file has arrived.
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    output,
  ];
}

/** RFC 6381 avc1.PPCCLL; x264 sets constraint_set1 for Main, none for High. */
function avcCodec(rung: Rung): string {
  const profileAndConstraints = rung.profile === 'high' ? '6400' : '4d40';
  const levelIdc = Math.round(Number(rung.level) * 10);
  return `avc1.${profileAndConstraints}${levelIdc.toString(16).padStart(2, '0')}`;
}

/**
 * Without measurements BANDWIDTH is an upper bound: VBV lets a full segment exceed maxrate by at most
 * one buffer spread over the segment. Prefer measured rates; players pick rungs by these numbers.
 */
function estimatedPeakBps(rung: Rung, plan: VideoPlan): number {
  const audioKbps = plan.hasAudio ? rung.audioKbps : 0;
  return Math.round((rung.maxKbps + rung.bufferKbps / plan.segmentSeconds + audioKbps) * 1000);
}

export function masterPlaylist(plan: VideoPlan, measured?: MeasuredRates): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS'];
  const highestFirst = [...plan.rungs].sort((a, b) => b.width * b.height - a.width * a.height);
  for (const rung of highestFirst) {
    const rates = measured?.[rung.name];
    const attributes = [`BANDWIDTH=${rates ? Math.round(rates.peakKbps * 1000) : estimatedPeakBps(rung, plan)}`];
    if (rates) attributes.push(`AVERAGE-BANDWIDTH=${Math.round(rates.averageKbps * 1000)}`);
    attributes.push(`RESOLUTION=${rung.width}x${rung.height}`);
    attributes.push(`CODECS="${[avcCodec(rung), ...(plan.hasAudio ? ['mp4a.40.2'] : [])].join(',')}"`);
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, `${rung.name}/index.m3u8`);
  }
  return `${lines.join('\n')}\n`;
}
