import { open, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../core/db';
import { runFfmpeg, type FfmpegBinaries } from '../media/ffmpeg';
import type { MediaService } from '../media/media.service';
import { SNIFF_BYTES, sniffMedia } from '../media/sniff';
import type { MediaRow } from '../models/repositories/media.repository';
import { TOPICS, type Topic } from './phrases';

/**
 * The seeded world names pictures on other hosts (picsum.photos), which a machine without internet
 * cannot show, and videos that do not exist. This makes the demo's own media instead: a small pool of
 * drawn covers per topic, avatars and a few short clips, made with ffmpeg, then put through the real
 * pipeline (intake, variants, ThumbHash, HLS ladder) and shared among the seeded notes, products and
 * people. It runs once, on the first start after seeding: afterwards no row points elsewhere.
 */

const PLACEHOLDER_HOST = 'https://picsum.photos/';
const VARIANTS_PER_SHAPE = 2;
const AVATARS = 8;
const CLIP_SECONDS = 8;
/** The seed's aspect ratios (its images are 1080 wide), drawn at 720 wide: plenty for a phone's card. */
const COVER_SIZES = [
  { seededHeight: 1440, width: 720, height: 960 },
  { seededHeight: 1080, width: 720, height: 720 },
  { seededHeight: 810, width: 720, height: 540 },
] as const;
/** Most seeded videos are portrait, so that orientation gets three palettes and landscape one. */
const CLIPS = [
  { portrait: true, width: 360, height: 640, palette: 'beauty' },
  { portrait: true, width: 360, height: 640, palette: 'food' },
  { portrait: true, width: 360, height: 640, palette: 'tech' },
  { portrait: false, width: 640, height: 360, palette: 'travel' },
] as const satisfies readonly { portrait: boolean; width: number; height: number; palette: Topic }[];

/** Three colours a topic's covers are painted in, two palettes each. */
const PALETTES: Record<Topic, [string, string, string][]> = {
  beauty: [
    ['#ff9a9e', '#fecfef', '#f6416c'],
    ['#fbc2eb', '#a6c1ee', '#c471ed'],
  ],
  fashion: [
    ['#e0c3fc', '#8ec5fc', '#5b247a'],
    ['#f5f0e6', '#d6c7b0', '#3d3d3d'],
  ],
  food: [
    ['#f6d365', '#fda085', '#d9480f'],
    ['#fff1b8', '#ffd8a8', '#c92a2a'],
  ],
  travel: [
    ['#89f7fe', '#66a6ff', '#0b7285'],
    ['#d4fc79', '#96e6a1', '#2b8a3e'],
  ],
  home: [
    ['#fdfcfb', '#e2d1c3', '#8d6e63'],
    ['#e6dada', '#c9d6df', '#52616b'],
  ],
  tech: [
    ['#c3cfe2', '#f5f7fa', '#212529'],
    ['#434343', '#7f8c8d', '#00d2ff'],
  ],
};

/** A silhouette of what the topic is about, as boxes in fractions of the picture: x, y, w, h, colour, opacity. */
type Box = [number, number, number, number, 'light' | 'accent' | 'dark', number];
const SHAPES: Record<Topic, Box[]> = {
  // A bottle with its cap.
  beauty: [
    [0.25, 0.3, 0.5, 0.5, 'light', 0.35],
    [0.33, 0.37, 0.34, 0.36, 'accent', 0.55],
    [0.42, 0.2, 0.16, 0.12, 'dark', 0.6],
  ],
  // A bag with its handle.
  fashion: [
    [0.2, 0.38, 0.6, 0.42, 'accent', 0.55],
    [0.32, 0.24, 0.06, 0.16, 'dark', 0.5],
    [0.62, 0.24, 0.06, 0.16, 'dark', 0.5],
    [0.32, 0.22, 0.36, 0.04, 'dark', 0.5],
  ],
  // A bowl on a table.
  food: [
    [0.0, 0.7, 1.0, 0.3, 'light', 0.4],
    [0.18, 0.45, 0.64, 0.22, 'accent', 0.6],
    [0.26, 0.4, 0.48, 0.06, 'light', 0.7],
  ],
  // A suitcase.
  travel: [
    [0.26, 0.32, 0.48, 0.48, 'accent', 0.55],
    [0.42, 0.22, 0.16, 0.1, 'dark', 0.5],
    [0.26, 0.5, 0.48, 0.04, 'light', 0.6],
  ],
  // A lamp beside a sofa.
  home: [
    [0.1, 0.55, 0.6, 0.22, 'accent', 0.55],
    [0.1, 0.45, 0.6, 0.12, 'accent', 0.35],
    [0.76, 0.3, 0.14, 0.1, 'light', 0.7],
    [0.82, 0.4, 0.02, 0.37, 'dark', 0.6],
  ],
  // A phone and its screen.
  tech: [
    [0.32, 0.18, 0.36, 0.64, 'dark', 0.7],
    [0.35, 0.23, 0.3, 0.52, 'accent', 0.55],
  ],
};

export interface DemoMediaDeps {
  database: Database;
  media: MediaService;
  binaries: FfmpegBinaries;
  onProgress?: (done: number, total: number, stage: string) => void;
}

interface Made {
  row: MediaRow;
  ready: MediaRow;
}

/** A clip and its place among the clips of its orientation (k of `of`), by which a video picks it. */
interface Clip {
  portrait: boolean;
  k: number;
  of: number;
  made: Made;
}

/** Whether the seeded world still names media elsewhere (one quick query). */
export async function needsDemoMedia(database: Database): Promise<boolean> {
  const result = await database.db.execute(
    sql`select exists(select 1 from note_media where media_id is null and url like ${`${PLACEHOLDER_HOST}%`}) as x`,
  );
  return (result as { rows?: { x?: unknown }[] }).rows?.[0]?.x === true;
}

/** Makes the pool, puts it through the pipeline and points the seeded rows at it. */
export async function furnishDemoMedia(deps: DemoMediaDeps): Promise<{ images: number; videos: number; seconds: number }> {
  const started = Date.now();
  const owner = await demoOwner(deps.database);
  const dir = await mkdtemp(path.join(tmpdir(), 'seedfeed-demo-media-'));
  const covers = TOPICS.flatMap((topic) =>
    COVER_SIZES.flatMap((size) => Array.from({ length: VARIANTS_PER_SHAPE }, (_, variant) => ({ topic, size, variant }))),
  );
  const total = covers.length + AVATARS + CLIPS.length;
  let done = 0;
  const step = (stage: string) => deps.onProgress?.((done += 1), total, stage);
  try {
    const coverRows: { topic: Topic; seededHeight: number; variant: number; made: Made }[] = [];
    for (const { topic, size, variant } of covers) {
      const file = path.join(dir, `${topic}-${size.height}-${variant}.png`);
      await draw(
        deps.binaries,
        file,
        gradient(PALETTES[topic][variant] ?? PALETTES[topic][0]!, size, variant),
        shape(topic, size, variant),
      );
      coverRows.push({ topic, seededHeight: size.seededHeight, variant, made: await throughPipeline(deps, owner, file, 'image') });
      step('demo covers');
    }
    const avatars: Made[] = [];
    for (let k = 0; k < AVATARS; k += 1) {
      const palette = PALETTES[TOPICS[k % TOPICS.length]!][k % 2]!;
      const file = path.join(dir, `avatar-${k}.png`);
      await draw(deps.binaries, file, gradient(palette, { width: 256, height: 256 }, k), '');
      avatars.push(await throughPipeline(deps, owner, file, 'image'));
      step('demo avatars');
    }
    const clips: Clip[] = [];
    for (const clip of CLIPS) {
      const file = path.join(dir, `clip-${clip.palette}-${clip.portrait ? 'portrait' : 'landscape'}.mp4`);
      await film(deps.binaries, file, clip);
      const sameShape = CLIPS.filter((other) => other.portrait === clip.portrait);
      clips.push({
        portrait: clip.portrait,
        k: clips.filter((other) => other.portrait === clip.portrait).length,
        of: sameShape.length,
        made: await throughPipeline(deps, owner, file, 'video'),
      });
      step('demo videos');
    }
    await pointRowsAtPool(deps, coverRows, avatars, clips);
    return { images: coverRows.length + avatars.length, videos: clips.length, seconds: (Date.now() - started) / 1000 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function demoOwner(database: Database): Promise<string> {
  const result = await database.db.execute(sql`select id from users order by (handle = 'demo_creator') desc, created_at limit 1`);
  const id = (result as { rows?: { id?: unknown }[] }).rows?.[0]?.id;
  if (typeof id !== 'string') throw new Error('the demo world has no accounts to own its media');
  return id;
}

function gradient(palette: readonly [string, string, string], size: { width: number; height: number }, variant: number): string {
  const [c0, c1, c2] = palette;
  const diagonal = variant % 2 === 0 ? `x0=0:y0=0:x1=${size.width}:y1=${size.height}` : `x0=${size.width}:y0=0:x1=0:y1=${size.height}`;
  return `gradients=s=${size.width}x${size.height}:c0=${c0}:c1=${c1}:c2=${c2}:n=3:${diagonal}:seed=${variant + 1}`;
}

function shape(topic: Topic, size: { width: number; height: number }, variant: number): string {
  const palette = PALETTES[topic][variant % PALETTES[topic].length]!;
  const colour = { light: '#ffffff', accent: palette[2], dark: '#222222' };
  // The second variant sits a little lower and smaller, so a note's pictures differ.
  const scale = variant === 0 ? 1 : 0.85;
  const shift = variant === 0 ? 0 : 0.08;
  return SHAPES[topic]
    .map(([x, y, w, h, tone, alpha]) => {
      const bw = Math.round(w * scale * size.width);
      const bh = Math.round(h * scale * size.height);
      const bx = Math.round((x + (w * (1 - scale)) / 2) * size.width);
      const by = Math.round((y + shift) * size.height);
      return `drawbox=x=${bx}:y=${by}:w=${bw}:h=${bh}:color=${colour[tone]}@${alpha}:t=fill`;
    })
    .join(',');
}

async function draw(binaries: FfmpegBinaries, file: string, source: string, boxes: string): Promise<void> {
  await runFfmpeg(
    ['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', source, ...(boxes ? ['-vf', boxes] : []), '-frames:v', '1', file],
    { bin: binaries, timeoutMs: 30_000 },
  );
}

/** A slowly turning gradient with a chord under it: something that visibly plays and can be heard. */
async function film(binaries: FfmpegBinaries, file: string, clip: (typeof CLIPS)[number]): Promise<void> {
  const palette = PALETTES[clip.palette][0]!;
  const source = `${gradient(palette, clip, 0)}:r=25:d=${CLIP_SECONDS}:speed=0.05`;
  await runFfmpeg(
    [
      ...['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', source],
      ...['-f', 'lavfi', '-i', `sine=frequency=262:sample_rate=48000:duration=${CLIP_SECONDS}`],
      ...['-f', 'lavfi', '-i', `sine=frequency=330:sample_rate=48000:duration=${CLIP_SECONDS}`],
      ...['-filter_complex', '[1:a][2:a]amix=inputs=2,volume=0.3[a]', '-map', '0:v', '-map', '[a]'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
    ],
    { bin: binaries, timeoutMs: 120_000 },
  );
}

/** Intake and processing as an upload gets them, run here in order instead of by the workers. */
async function throughPipeline(deps: DemoMediaDeps, owner: string, file: string, kind: 'image' | 'video'): Promise<Made> {
  const bytes = (await stat(file)).size;
  const sniffed = await sniffMedia(await head(file));
  if (sniffed?.kind !== kind) throw new Error(`the demo ${kind} ${path.basename(file)} was not recognised as one`);
  const row = await deps.media.intake(owner, { localPath: file, bytes, sniffed }, { quota: false });
  if (kind === 'image') {
    await deps.media.processImage(row.id);
  } else {
    const planned = await deps.media.planVideo(row.id);
    if (!('plan' in planned)) throw new Error(`the demo video was not planned: ${JSON.stringify(planned)}`);
    const signal = new AbortController().signal;
    for (const rung of planned.plan.rungs) await deps.media.transcodeRung(row.id, planned.plan, rung.name, signal);
    await deps.media.makeExtras(row.id, planned.plan, signal);
    await deps.media.finalizeVideo(row.id, planned.plan);
  }
  const [ready] = await deps.media.byIds([row.id]);
  if (ready?.status !== 'ready')
    throw new Error(`the demo ${kind} ${path.basename(file)} did not become ready: ${ready?.failureMessage ?? ready?.status}`);
  return { row, ready };
}

async function head(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * One pass of updates: each seeded picture takes a cover of its note's main topic and aspect ratio
 * (a note's pictures alternate between the two variants), each video one of the clips with its
 * product cards moved within the clip's length, and people, brands and products the pool's images.
 */
async function pointRowsAtPool(
  deps: DemoMediaDeps,
  covers: { topic: Topic; seededHeight: number; variant: number; made: Made }[],
  avatars: Made[],
  clips: Clip[],
): Promise<void> {
  const { media, database } = deps;
  const coverValues = sql.join(
    covers.map(
      ({ topic, seededHeight, variant, made }) =>
        sql`(${topic}::text, ${seededHeight}::int, ${variant}::int, ${made.ready.id}::uuid, ${media.cardUrl(made.ready) ?? ''}::text, ${made.ready.width}::int, ${made.ready.height}::int)`,
    ),
    sql`, `,
  );
  const avatarValues = sql.join(
    avatars.map((made, k) => sql`(${k}::int, ${media.avatarUrl(made.ready) ?? ''}::text, ${made.ready.id}::uuid)`),
    sql`, `,
  );
  const clipValues = sql.join(
    clips.map(
      ({ portrait, k, of, made }) =>
        sql`(${portrait}::boolean, ${k}::int, ${of}::int, ${made.ready.id}::uuid, ${media.cardUrl(made.ready) ?? ''}::text, ${made.ready.width}::int, ${made.ready.height}::int, ${made.ready.durationMs ?? CLIP_SECONDS * 1000}::int)`,
    ),
    sql`, `,
  );
  // A stable pseudo-random choice of one of `count` by a row's id, so reruns and replicas agree.
  const pick = (expression: SQL, count: number | SQL) =>
    sql`(abs(hashtext(${expression})) % ${typeof count === 'number' ? sql`${count}::int` : count})`;
  const clipOf = sql`pool.portrait = (m.height > m.width) and pool.k = ${pick(sql`m.note_id::text`, sql`pool.of`)}`;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`
      update note_media m set media_id = pool.id, url = pool.url, width = pool.width, height = pool.height
      from notes n, (values ${coverValues}) as pool(topic, seeded_height, variant, id, url, width, height)
      where m.note_id = n.id and m.kind = 'image' and m.media_id is null and m.url like ${`${PLACEHOLDER_HOST}%`}
        and pool.topic = coalesce(nullif(n.topics[1], ''), 'beauty') and pool.seeded_height = m.height
        and pool.variant = (${pick(sql`m.note_id::text`, VARIANTS_PER_SHAPE)} + m.position) % ${VARIANTS_PER_SHAPE}::int`);
    // Product cards of a video are moved in proportion, so that each still appears within the clip.
    await tx.execute(sql`
      update note_products p set at_ms = (p.at_ms::bigint * pool.duration_ms / greatest(m.duration_ms, 1))::int
      from note_media m, (values ${clipValues}) as pool(portrait, k, of, id, url, width, height, duration_ms)
      where p.note_id = m.note_id and m.kind = 'video' and m.media_id is null and p.at_ms is not null and ${clipOf}`);
    await tx.execute(sql`
      update note_media m set media_id = pool.id, url = pool.url, width = pool.width, height = pool.height, duration_ms = pool.duration_ms
      from (values ${clipValues}) as pool(portrait, k, of, id, url, width, height, duration_ms)
      where m.kind = 'video' and m.media_id is null and ${clipOf}`);
    await tx.execute(sql`
      update users u set avatar_url = pool.url, avatar_media_id = pool.id from (values ${avatarValues}) as pool(k, url, id)
      where u.avatar_url like ${`${PLACEHOLDER_HOST}%`} and pool.k = ${pick(sql`u.id::text`, avatars.length)}`);
    await tx.execute(sql`
      update brands b set logo_url = pool.url from (values ${avatarValues}) as pool(k, url, id)
      where b.logo_url like ${`${PLACEHOLDER_HOST}%`} and pool.k = ${pick(sql`b.id::text`, avatars.length)}`);
    await tx.execute(sql`
      update products p set image_urls = array(
        select pool.url from (values ${coverValues}) as pool(topic, seeded_height, variant, id, url, width, height)
        where pool.topic = p.category and pool.seeded_height = 1080 order by pool.variant)
      where p.image_urls[1] like ${`${PLACEHOLDER_HOST}%`} and p.category in (${sql.join(
        TOPICS.map((t) => sql`${t}`),
        sql`, `,
      )})`);
  });
}
