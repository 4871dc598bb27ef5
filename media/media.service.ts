import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isStorageFull } from '../core/errors';
import { uuidv7 } from '../core/ids';
import type { Logger } from '../core/logger';
import type { MediaRepository, MediaRow, ReadyMedia } from '../models/repositories/media.repository';
import type { Repositories, Transact } from '../models/transaction';
import type { MediaVariants } from '../models/schema';
import { isMediaRejected, MediaRejectedError } from './errors';
import { probeVideo, runFfmpeg, type FfmpegBinaries } from './ffmpeg';
import { probeImage, processImage } from './image';
import type { MediaProgress } from './progress';
import { quotaRefusal, quotaWindows, type UploadQuota } from './quota';
import type { Sniffed } from './sniff';
import { contentTypeFor, ORIGINALS_PREFIX, type Storage } from './storage';
import { masterPlaylist, planVideo, posterArgs, previewArgs, rungArgs, type Rung, type VideoPlan } from './video-plan';

export interface MediaLimits {
  maxImageBytes: number;
  maxImagePixels: number;
  maxVideoBytes: number;
  maxVideoSeconds: number;
  avif: boolean;
}

export interface MediaServiceDeps {
  repos: Pick<Repositories, 'media'>;
  transact: Transact;
  storage: Storage;
  progress: MediaProgress;
  limits: MediaLimits;
  quota: UploadQuota;
  binaries: FfmpegBinaries;
  logger: Logger;
  /**
   * Scratch space of the jobs. Beside local storage, on the same filesystem, so finished files move
   * into storage by rename instead of being copied (~15 ms a photo's variants on this machine).
   */
  workDir: string;
  /** The notes that show the files: told of each file's outcome (notes/lifecycle.ts). */
  outcomes: FileOutcomeListener;
}

/** Whoever must act when a file is ready or failed; media itself knows nothing of notes. */
export interface FileOutcomeListener {
  /** Inside the transaction that records the outcome; what it returns runs once that has committed. */
  fileSettled(tx: Repositories, mediaId: string): Promise<() => void>;
}

/** Uploads collected per transaction, and transactions per run: a backlog is worked off over several runs. */
const COLLECT_BATCH = 100;
const COLLECT_BATCHES_PER_RUN = 20;

/** The part names of a video's work, besides one per rung. */
const EXTRAS = 'extras';

/** What a handler tells the job runtime; a rejected file is an expected outcome, not an error. */
export type MediaJobOutcome = { status: 'success'; detail: string } | { status: 'skipped'; reason: string };

/**
 * Uploaded files from intake to ready: checks (type by magic bytes, size, pixels, duration),
 * image variants, the HLS ladder of a video as parallel parts, and the notes that wait for them.
 * State machine of a media item: processing → ready | failed; a note that asked to be published
 * while its files were processing is published when the last one is ready, or fails with the
 * reason of the first file that failed.
 */
export class MediaService {
  constructor(private readonly deps: MediaServiceDeps) {}

  private get repo(): MediaRepository {
    return this.deps.repos.media;
  }

  maxBytes(kind: 'image' | 'video'): number {
    return kind === 'image' ? this.deps.limits.maxImageBytes : this.deps.limits.maxVideoBytes;
  }

  /**
   * Refuses an upload the account's quota has no room for (QuotaExceededError), before its body is
   * read; otherwise returns the check to apply to the bytes received so far, which refuses the file
   * as soon as it outgrows what is left of the day's allowance.
   */
  async admitUpload(ownerId: string): Promise<(bytes: number) => void> {
    const now = new Date();
    const usage = await this.repo.uploadUsage(ownerId, quotaWindows(this.deps.quota, now));
    const refusal = quotaRefusal(this.deps.quota, usage, 0, now);
    if (refusal) throw refusal;
    return (bytes) => {
      const over = quotaRefusal(this.deps.quota, usage, bytes, now);
      if (over) throw over;
    };
  }

  /**
   * Accepts a file already received to `localPath`: probes it (pixels or duration), keeps the
   * original in storage for the workers, and records the media item as processing. The owner's
   * quota is counted again as the row is written, one upload of the account at a time: uploads
   * sent in parallel all passed admitUpload() against the same count. The demo media the product
   * makes for itself (`quota: false`) is nobody's upload.
   */
  async intake(
    ownerId: string,
    file: { localPath: string; bytes: number; sniffed: Sniffed },
    options = { quota: true },
  ): Promise<MediaRow> {
    const { kind, contentType } = file.sniffed;
    if (file.bytes > this.maxBytes(kind)) throw tooLarge(kind, this.maxBytes(kind));
    const size = kind === 'image' ? await this.probeImageSize(file.localPath) : await this.probeVideoSize(file.localPath);
    const id = uuidv7();
    const originalKey = `${ORIGINALS_PREFIX}${id}/source`;
    await this.deps.storage.moveFile(originalKey, file.localPath, 'application/octet-stream');
    const row = {
      id,
      ownerId,
      kind,
      contentType,
      bytes: file.bytes,
      originalKey,
      width: size.width,
      height: size.height,
      durationMs: size.durationMs,
      aspectRatio: round4(size.width / size.height),
    };
    try {
      return await this.deps.transact(async (tx) => {
        if (options.quota) {
          await tx.media.lockOwner(ownerId);
          const now = new Date();
          const usage = await tx.media.uploadUsage(ownerId, quotaWindows(this.deps.quota, now));
          const refusal = quotaRefusal(this.deps.quota, usage, file.bytes, now);
          if (refusal) throw refusal;
        }
        return tx.media.insert(row);
      });
    } catch (error) {
      // No row names the original: it would never be collected.
      await this.deps.storage
        .deletePrefix(path.posix.dirname(originalKey))
        .catch((e: unknown) => this.deps.logger.warn({ err: e, key: originalKey }, 'could not delete the original of a refused upload'));
      throw error;
    }
  }

  /**
   * Deletes, with their files, uploads older than MEDIA_UNATTACHED_TTL_HOURS that no note and no
   * avatar uses (failed ones included), in bounded batches; returns how many. Files go while the
   * batch's rows are still locked: should a deletion fail, the rows come back and the next run
   * finishes the job, rather than files being left that no row names.
   */
  async collectUnused(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.deps.quota.unattachedTtlMs);
    let collected = 0;
    for (let batch = 0; batch < COLLECT_BATCHES_PER_RUN; batch += 1) {
      const { locked, deleted } = await this.deps.transact(async (tx) => {
        const ids = await tx.media.lockCollectable(cutoff, COLLECT_BATCH);
        const gone = await tx.media.deleteUnused(ids);
        for (const id of gone) await this.deleteFiles(id);
        return { locked: ids.length, deleted: gone.length };
      });
      collected += deleted;
      if (locked < COLLECT_BATCH) break;
    }
    return collected;
  }

  byIds(ids: readonly string[]): Promise<MediaRow[]> {
    return this.repo.findByIds(ids);
  }

  /** The public URL of a stored file. */
  url(key: string): string {
    return this.deps.storage.url(key);
  }

  /** What a note's media slot shows once the file is ready: the large image or the master playlist. */
  cardUrl(row: Pick<MediaRow, 'variants'>): string | null {
    const large = row.variants?.images?.find((v) => v.name === 'large' && v.format === 'webp');
    if (large) return this.url(large.key);
    return row.variants?.video ? this.url(row.variants.video.master) : null;
  }

  /** What an avatar shows: a ready image's medium variant (540 px wide is plenty for a round badge), else its large one. */
  avatarUrl(row: Pick<MediaRow, 'variants'>): string | null {
    const images = row.variants?.images?.filter((v) => v.format === 'webp') ?? [];
    const variant = images.find((v) => v.name === 'medium') ?? images.find((v) => v.name === 'large');
    return variant ? this.url(variant.key) : null;
  }

  async processImage(mediaId: string): Promise<MediaJobOutcome> {
    const row = await this.processing(mediaId);
    if (!row) return { status: 'skipped', reason: 'not processing' };
    return this.withWorkDir(async (dir) => {
      try {
        const source = await this.fetchOriginal(row, dir);
        const processed = await processImage(source, path.join(dir, 'out'), {
          maxPixels: this.deps.limits.maxImagePixels,
          avif: this.deps.limits.avif,
        });
        const images: NonNullable<MediaVariants['images']> = [];
        for (const variant of processed.variants) {
          const key = `images/${mediaId}/${variant.name}.${variant.format}`;
          await this.deps.storage.moveFile(key, variant.file, contentTypeFor(key));
          images.push({
            name: variant.name,
            format: variant.format,
            width: variant.width,
            height: variant.height,
            bytes: variant.bytes,
            key,
          });
        }
        const ready: ReadyMedia = {
          width: processed.width,
          height: processed.height,
          durationMs: null,
          aspectRatio: processed.aspectRatio,
          dominantColor: processed.dominantColor,
          thumbhash: processed.thumbhash,
          variants: { images },
          url: '',
        };
        await this.finish(row, ready);
        return { status: 'success', detail: `${images.length} variants` };
      } catch (error) {
        return this.rejectOrThrow(row, error);
      }
    });
  }

  /** Probes a video and decides its ladder; the job runtime then runs one part per rung plus the extras. */
  async planVideo(mediaId: string): Promise<{ plan: VideoPlan; parts: string[] } | MediaJobOutcome> {
    const row = await this.processing(mediaId);
    if (!row) return { status: 'skipped', reason: 'not processing' };
    return this.withWorkDir(async (dir) => {
      try {
        const probe = await probeVideo(await this.fetchOriginal(row, dir), this.deps.binaries);
        const plan = planVideo(probe);
        const weights: Record<string, number> = { [EXTRAS]: 0.05 * plan.durationS * 320 * 180 };
        for (const rung of plan.rungs) weights[rung.name] = plan.durationS * rung.width * rung.height;
        await this.deps.progress.plan(mediaId, weights);
        return { plan, parts: Object.keys(weights) };
      } catch (error) {
        return this.rejectOrThrow(row, error);
      }
    });
  }

  /**
   * Encodes one rung into a work directory, then stores its segments and, last, its playlist:
   * a rung is visible only complete, and only the master playlist (written after every rung)
   * points at it. A worker killed midway leaves nothing that is served; the retry starts over.
   */
  async transcodeRung(mediaId: string, plan: VideoPlan, rungName: Rung['name'], signal: AbortSignal): Promise<MediaJobOutcome> {
    const row = await this.processing(mediaId);
    if (!row) return { status: 'skipped', reason: 'not processing' };
    const rung = plan.rungs.find((r) => r.name === rungName);
    if (!rung) throw new Error(`plan of ${mediaId} has no rung ${rungName}`);
    return this.withWorkDir(async (dir) => {
      const source = await this.fetchOriginal(row, dir);
      const out = path.join(dir, rung.name);
      await mkdir(out, { recursive: true });
      await runFfmpeg(rungArgs(source, out, rung, plan), {
        bin: this.deps.binaries,
        timeoutMs: timeoutFor(plan),
        durationS: plan.durationS,
        signal,
        onProgress: this.reporter(mediaId, rung.name),
      });
      const files = (await readdir(out)).sort();
      for (const file of files.filter((f) => f !== 'index.m3u8')) {
        const key = `videos/${mediaId}/${rung.name}/${file}`;
        await this.deps.storage.moveFile(key, path.join(out, file), contentTypeFor(key));
      }
      const playlist = `videos/${mediaId}/${rung.name}/index.m3u8`;
      await this.deps.storage.moveFile(playlist, path.join(out, 'index.m3u8'), contentTypeFor(playlist));
      await this.report(mediaId, rung.name, 1);
      return { status: 'success', detail: `${rung.name}: ${files.length - 1} segments` };
    });
  }

  /** The poster frame and the short silent preview the feed plays. */
  async makeExtras(mediaId: string, plan: VideoPlan, signal: AbortSignal): Promise<MediaJobOutcome> {
    const row = await this.processing(mediaId);
    if (!row) return { status: 'skipped', reason: 'not processing' };
    return this.withWorkDir(async (dir) => {
      const source = await this.fetchOriginal(row, dir);
      const options = { bin: this.deps.binaries, timeoutMs: timeoutFor(plan), signal };
      await runFfmpeg(posterArgs(source, path.join(dir, 'poster.jpg'), plan), options);
      await this.report(mediaId, EXTRAS, 0.3);
      await runFfmpeg(previewArgs(source, path.join(dir, 'preview.mp4'), plan), { ...options, durationS: plan.preview.seconds });
      for (const file of ['poster.jpg', 'preview.mp4']) {
        await stat(path.join(dir, file)).catch(() => {
          throw new MediaRejectedError('processing_failed', 'We could not take a frame from this video; try exporting it again');
        });
        const key = `videos/${mediaId}/${file}`;
        await this.deps.storage.moveFile(key, path.join(dir, file), contentTypeFor(key));
      }
      await this.report(mediaId, EXTRAS, 1);
      return { status: 'success', detail: 'poster and preview' };
    });
  }

  /** After every part: the master playlist, with bandwidths measured from the stored segments, then ready. */
  async finalizeVideo(mediaId: string, plan: VideoPlan): Promise<MediaJobOutcome> {
    const row = await this.processing(mediaId);
    if (!row) return { status: 'skipped', reason: 'not processing' };
    const measured: Parameters<typeof masterPlaylist>[1] = {};
    for (const rung of plan.rungs) measured[rung.name] = await this.measureRung(mediaId, rung, plan);
    const master = `videos/${mediaId}/master.m3u8`;
    await this.deps.storage.putBuffer(master, Buffer.from(masterPlaylist(plan, measured)), contentTypeFor(master));
    const top = plan.rungs[0];
    await this.finish(row, {
      width: top?.width ?? row.width ?? 0,
      height: top?.height ?? row.height ?? 0,
      durationMs: Math.round(plan.durationS * 1000),
      aspectRatio: round4((top?.width ?? 1) / (top?.height ?? 1)),
      dominantColor: null,
      thumbhash: null,
      variants: {
        video: {
          master,
          poster: `videos/${mediaId}/poster.jpg`,
          preview: `videos/${mediaId}/preview.mp4`,
          rungs: plan.rungs.map((r) => ({
            name: r.name,
            width: r.width,
            height: r.height,
            playlist: `videos/${mediaId}/${r.name}/index.m3u8`,
          })),
        },
      },
      url: '',
    });
    return { status: 'success', detail: `${plan.rungs.length} rungs` };
  }

  /** A job that failed for good: its media fails with a reason the creator can act on. */
  async failForGood(mediaId: string, error: unknown): Promise<void> {
    const [row] = await this.repo.findByIds([mediaId]);
    if (row?.status !== 'processing') return;
    await this.fail(row, rejectionFor(error));
  }

  /**
   * Gives up an upload whose job could not be queued, before anyone learnt its id: it is no longer
   * processing, so a job that reaches the queue after all skips it, and its original is dropped.
   */
  async abandon(mediaId: string): Promise<void> {
    if (await this.repo.markFailed(mediaId, 'processing_failed', 'This upload could not be queued for processing; upload it again')) {
      await this.deps.storage.deletePrefix(`${ORIGINALS_PREFIX}${mediaId}`);
    }
  }

  /** Every file the pipeline may have stored for an upload: its original, and its variants or partial rungs. */
  private async deleteFiles(mediaId: string): Promise<void> {
    for (const prefix of [`${ORIGINALS_PREFIX}${mediaId}`, `images/${mediaId}`, `videos/${mediaId}`]) {
      await this.deps.storage.deletePrefix(prefix);
    }
  }

  private async finish(row: MediaRow, ready: ReadyMedia): Promise<void> {
    const url = this.cardUrl({ variants: ready.variants }) ?? '';
    if (await this.settleWith(row, (tx) => tx.media.markReady(row.id, { ...ready, url }))) await this.afterSettling(row, 'ready', 100);
  }

  private async fail(row: MediaRow, rejection: MediaRejectedError): Promise<void> {
    if (!(await this.settleWith(row, (tx) => tx.media.markFailed(row.id, rejection.reason, rejection.message)))) return;
    this.deps.logger.info({ mediaId: row.id, reason: rejection.reason }, 'media rejected');
    await this.afterSettling(row, 'failed', row.progress);
  }

  /** Records a media item's outcome and tells the notes that show it, in one transaction. */
  private async settleWith(row: MediaRow, mark: (tx: Repositories) => Promise<MediaRow | undefined>): Promise<boolean> {
    const afterCommit = await this.deps.transact(async (tx) => ((await mark(tx)) ? this.deps.outcomes.fileSettled(tx, row.id) : null));
    afterCommit?.();
    return afterCommit !== null;
  }

  /** Once a media item is ready or failed: tell followers, drop its progress and original. */
  private async afterSettling(row: MediaRow, status: 'ready' | 'failed', progress: number): Promise<void> {
    await this.deps.progress.publish({ mediaId: row.id, status, progress });
    await this.deps.progress.forget(row.id);
    if (row.originalKey) await this.deps.storage.deletePrefix(path.posix.dirname(row.originalKey));
  }

  private async rejectOrThrow(row: MediaRow, error: unknown): Promise<MediaJobOutcome> {
    if (!isMediaRejected(error)) throw error;
    await this.fail(row, error);
    return { status: 'skipped', reason: `rejected: ${error.reason}` };
  }

  private async processing(mediaId: string): Promise<MediaRow | null> {
    const [row] = await this.repo.findByIds([mediaId]);
    return row?.status === 'processing' && row.originalKey ? row : null;
  }

  private reporter(mediaId: string, part: string): (fraction: number) => void {
    // ffmpeg reports twice a second; the database and subscribers hear at most once a second.
    let last = 0;
    return (fraction) => {
      const now = Date.now();
      if (now - last < 1000 && fraction < 1) return;
      last = now;
      void this.report(mediaId, part, fraction).catch((error: unknown) =>
        this.deps.logger.warn({ err: error, mediaId }, 'could not record media progress'),
      );
    };
  }

  private async report(mediaId: string, part: string, fraction: number): Promise<void> {
    // Ready is announced by finish(); a part never takes the whole item to 100 on its own.
    const percent = Math.min(99, await this.deps.progress.report(mediaId, part, fraction));
    if (await this.repo.setProgress(mediaId, percent))
      await this.deps.progress.publish({ mediaId, status: 'processing', progress: percent });
  }

  private async measureRung(mediaId: string, rung: Rung, plan: VideoPlan): Promise<{ peakKbps: number; averageKbps: number }> {
    let peak = 0;
    let total = 0;
    let segments = 0;
    for (let i = 0; ; i += 1) {
      const object = await this.deps.storage.stat(`videos/${mediaId}/${rung.name}/seg_${String(i).padStart(3, '0')}.ts`);
      if (!object) break;
      const seconds = Math.min(plan.segmentSeconds, Math.max(0.5, plan.durationS - i * plan.segmentSeconds));
      peak = Math.max(peak, (object.size * 8) / seconds / 1000);
      total += object.size;
      segments += 1;
    }
    if (segments === 0) throw new Error(`rung ${rung.name} of ${mediaId} has no stored segments`);
    return { peakKbps: Math.ceil(peak), averageKbps: Math.ceil((total * 8) / plan.durationS / 1000) };
  }

  private async fetchOriginal(row: MediaRow, dir: string): Promise<string> {
    if (!row.originalKey) throw new Error(`media ${row.id} has no original`);
    const inPlace = this.deps.storage.localPath(row.originalKey);
    if (inPlace) return inPlace;
    const target = path.join(dir, 'source');
    await pipeline(await this.deps.storage.read(row.originalKey), createWriteStream(target));
    return target;
  }

  private async withWorkDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
    await mkdir(this.deps.workDir, { recursive: true });
    const dir = await mkdtemp(path.join(this.deps.workDir, 'job-'));
    try {
      return await work(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async probeImageSize(localPath: string): Promise<{ width: number; height: number; durationMs: null }> {
    const probe = await probeImage(localPath, this.deps.limits.maxImagePixels);
    return { width: probe.width, height: probe.height, durationMs: null };
  }

  private async probeVideoSize(localPath: string): Promise<{ width: number; height: number; durationMs: number }> {
    const probe = await probeVideo(localPath, this.deps.binaries);
    if (probe.durationS > this.deps.limits.maxVideoSeconds) {
      throw new MediaRejectedError(
        'too_long',
        `This video is ${Math.round(probe.durationS)} s long; videos can be at most ${Math.floor(this.deps.limits.maxVideoSeconds / 60)} minutes. Trim it and upload it again`,
      );
    }
    return { width: probe.width, height: probe.height, durationMs: Math.round(probe.durationS * 1000) };
  }
}

export function tooLarge(kind: 'image' | 'video', maxBytes: number): MediaRejectedError {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / (1024 * 1024))} MB` : `${Math.floor(maxBytes / 1024)} KB`;
  return new MediaRejectedError(
    'too_large',
    `${kind === 'image' ? 'Images' : 'Videos'} can be at most ${limit}; compress it and upload it again`,
  );
}

/** The reason shown to the creator: the job's own rejection, else one that does not blame the file when our disk was full. */
function rejectionFor(error: unknown): MediaRejectedError {
  if (isMediaRejected(error)) return error;
  if (isStorageFull(error)) {
    return new MediaRejectedError('processing_failed', 'We ran out of storage space while processing this file; upload it again later');
  }
  return new MediaRejectedError('processing_failed', 'We could not process this file; try exporting it again or upload another one');
}

/** A generous ceiling per ffmpeg run: veryfast x264 runs faster than real time here, so 4× the duration plus a minute. */
function timeoutFor(plan: VideoPlan): number {
  return Math.round((plan.durationS * 4 + 60) * 1000);
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
