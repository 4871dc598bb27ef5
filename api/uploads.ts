import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import express, { type Request, type Response } from 'express';
import { authorize, type Subject } from '../accounts/policy';
import { ErrorCode, isAppError, isStorageFull, QuotaExceededError, RateLimitedError } from '../core/errors';
import type { Logger } from '../core/logger';
import { isMediaRejected, MediaRejectedError, type RejectionReason } from '../media/errors';
import { tooLarge } from '../media/media.service';
import { sniffMedia, SNIFF_BYTES, type Sniffed } from '../media/sniff';
import type { Services } from '../services';
import { bearerToken } from './context';

const STATUS_OF: Partial<Record<RejectionReason, number>> = { too_large: 413, unsupported_type: 415 };
/**
 * How long an upload waits for its job to be queued. While Redis is away the queue holds the job
 * until it is back; the creator hears 503 instead of waiting on an answer that may never come.
 */
const ENQUEUE_TIMEOUT_MS = 5_000;
const RETRY_AFTER_SECONDS = 5;

/**
 * POST /uploads: one file per request, as multipart/form-data, streamed to disk (never held in
 * memory). Its type is read from its magic bytes and its size limit applied while it arrives;
 * then it is probed, stored, and handed to the workers. Answers 201 with the upload's id, which a
 * note's media list then names.
 */
export function uploadsRouter(services: Services, incomingDir: string, logger: Logger): express.Router {
  const router = express.Router();
  router.post('/', async (req: Request, res: Response) => {
    let owner: Subject;
    try {
      const viewer = await services.accounts.viewerFromToken(bearerToken(req.headers.authorization));
      owner = await services.accounts.requireUser(viewer);
    } catch (error) {
      if (isAppError(error)) return refuseAfterBody(req, res, 401, { code: error.code, message: error.message });
      throw error;
    }
    try {
      await services.rateLimits.consume('upload', owner.id);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
      return refuseAfterBody(req, res, 429, { code: error.code, message: error.message });
    }
    if (!req.is('multipart/form-data')) {
      return refuseAfterBody(req, res, 400, { code: ErrorCode.BAD_USER_INPUT, message: 'Send the file as multipart/form-data' });
    }
    let withinQuota: (bytes: number) => void;
    try {
      withinQuota = await services.media.admitUpload(owner.id);
    } catch (error) {
      if (error instanceof QuotaExceededError) return refuseOverQuota(req, res, error);
      throw error;
    }

    await mkdir(incomingDir, { recursive: true });
    const localPath = path.join(incomingDir, `${randomBytes(12).toString('hex')}.part`);
    try {
      const received = await receive(req, localPath, {
        maxBytes: (kind) => services.media.maxBytes(kind),
        withinQuota,
        // Known from the first bytes: a refused kind is refused before the rest of the body is stored.
        admit: (kind) => authorize(owner, 'media.upload', { kind }),
      });
      const row = await services.media.intake(owner.id, { localPath, ...received });
      try {
        await within(ENQUEUE_TIMEOUT_MS, services.jobs.enqueue(row.kind === 'image' ? 'media.image' : 'media.video', { mediaId: row.id }));
      } catch (error) {
        await services.media
          .abandon(row.id)
          .catch((e: unknown) => logger.warn({ err: e, mediaId: row.id }, 'could not abandon an unqueued upload'));
        throw new QueueUnavailable('the media job could not be queued', { cause: error });
      }
      res.status(201).json({ id: row.id, kind: row.kind.toUpperCase(), status: 'PROCESSING', progress: 0 });
    } catch (error) {
      // Removed before answering: a refused upload leaves nothing behind by the time the client hears of it.
      await rm(localPath, { force: true });
      if (error instanceof BadUpload) return refuseAfterBody(req, res, 400, { code: ErrorCode.BAD_USER_INPUT, message: error.message });
      if (error instanceof QuotaExceededError) return refuseOverQuota(req, res, error);
      if (isAppError(error) && error.code === ErrorCode.FORBIDDEN) {
        return refuseAfterBody(req, res, 403, { code: error.code, message: error.message });
      }
      if (isStorageFull(error)) {
        logger.warn({ err: error }, 'upload refused: the disk is full');
        return refuseAfterBody(req, res, 507, {
          code: ErrorCode.STORAGE_FULL,
          message: 'The server has no room to store this file right now; nothing was kept, try again later',
        });
      }
      if (error instanceof QueueUnavailable) {
        logger.warn({ err: error }, 'upload refused: the job queue is unavailable');
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        return refuseAfterBody(req, res, 503, {
          code: ErrorCode.SERVICE_UNAVAILABLE,
          message: 'Uploads cannot be processed for a moment; nothing was kept, try again shortly',
        });
      }
      if (!isMediaRejected(error)) {
        logger.error({ err: error }, 'upload failed');
        return refuseAfterBody(req, res, 500, { code: ErrorCode.INTERNAL, message: 'The upload failed on our side; try again' });
      }
      const { reason, message } = error;
      return refuseAfterBody(req, res, STATUS_OF[reason] ?? 422, { code: 'MEDIA_REJECTED', reason, message });
    } finally {
      await rm(localPath, { force: true });
    }
  });
  return router;
}

class BadUpload extends Error {}
class QueueUnavailable extends Error {}

/** Settles as `work` does, or rejects after `ms`; `work` goes on, and what it settles to later is ignored. */
async function within(ms: number, work: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Gatekeeping {
  maxBytes: (kind: Sniffed['kind']) => number;
  /** Throws when the sender may not upload a file of this kind. */
  admit: (kind: Sniffed['kind']) => void;
  /** Throws once the bytes received so far no longer fit in the sender's quota. */
  withinQuota: (bytes: number) => void;
}

/** Streams the single file of a multipart body to `target`, sniffing its type and enforcing its size limit on the way. */
function receive(req: Request, target: string, gates: Gatekeeping): Promise<{ bytes: number; sniffed: Sniffed }> {
  const { maxBytes } = gates;
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // The largest limit of any kind; the sniffed kind's own limit is applied as bytes arrive.
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 20, fileSize: Math.max(maxBytes('image'), maxBytes('video')) + 1 },
      });
    } catch {
      reject(new BadUpload('The multipart body has no boundary'));
      return;
    }
    let started = false;
    parser.on('file', (_field, file) => {
      started = true;
      const gate = new SniffingGate(gates);
      const out = createWriteStream(target);
      pipeline(file, gate, out)
        .then(() => {
          if (!gate.sniffed) throw new MediaRejectedError('unsupported_type', 'This file is empty');
          resolve({ bytes: gate.bytes, sniffed: gate.sniffed });
        })
        .catch(async (error: unknown) => {
          // A write stream destroyed while still opening creates its file afterwards: wait for it to close.
          if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
          reject(error);
        });
    });
    parser.on('error', () => reject(new BadUpload('The multipart body is malformed')));
    parser.on('close', () => {
      if (!started) reject(new BadUpload('The body has no file: send it in a form field named "file"'));
    });
    req.pipe(parser);
  });
}

/** Passes bytes through once the head names an accepted type, and stops at that type's size limit. */
class SniffingGate extends Transform {
  bytes = 0;
  sniffed: Sniffed | null = null;
  private head: Buffer[] = [];
  private headBytes = 0;

  constructor(private readonly gates: Gatekeeping) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    try {
      this.gates.withinQuota(this.bytes);
    } catch (error) {
      done(error as Error);
      return;
    }
    if (this.sniffed) {
      done(
        this.bytes > this.gates.maxBytes(this.sniffed.kind) ? tooLarge(this.sniffed.kind, this.gates.maxBytes(this.sniffed.kind)) : null,
        chunk,
      );
      return;
    }
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) {
      done();
      return;
    }
    this.release().then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    if (this.sniffed || this.headBytes === 0) {
      done();
      return;
    }
    this.release().then(() => done(), done);
  }

  private async release(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.sniffed = await sniffMedia(head);
    if (!this.sniffed) {
      throw new MediaRejectedError(
        'unsupported_type',
        'This file is not an image (JPEG, PNG, WebP, GIF, AVIF) or a video (MP4, MOV, WebM, MKV)',
      );
    }
    this.gates.admit(this.sniffed.kind);
    if (this.bytes > this.gates.maxBytes(this.sniffed.kind)) throw tooLarge(this.sniffed.kind, this.gates.maxBytes(this.sniffed.kind));
    this.push(head);
  }
}

interface Refusal {
  code: string;
  message: string;
  reason?: string;
}

/** 429 with the quota's own message: what the creator can do, and Retry-After for when room frees by itself. */
function refuseOverQuota(req: Request, res: Response, error: QuotaExceededError) {
  res.setHeader('Retry-After', String(error.retryAfterSeconds));
  return refuseAfterBody(req, res, 429, { code: error.code, message: error.message });
}

function refuse(res: Response, status: number, error: Refusal): void {
  res.status(status).json({ error });
}

/**
 * How much of a refused body is read and dropped before answering. A client cut off while still
 * sending sees a reset instead of the reason (nginx's "lingering close" solves the same problem);
 * past this bound the connection is cut anyway, so a huge body cannot hold the server.
 */
const LINGER = { bytes: 16 * 1024 * 1024, ms: 10_000 };

async function refuseAfterBody(req: Request, res: Response, status: number, error: Refusal) {
  const drained = await discardRest(req);
  if (!drained) res.setHeader('Connection', 'close');
  refuse(res, status, error);
  if (!drained) res.on('finish', () => req.destroy());
}

/** Resolves true once the body has ended, or false when it outgrows LINGER first. */
function discardRest(req: Request): Promise<boolean> {
  req.unpipe();
  if (req.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    let left = LINGER.bytes;
    const settle = (ended: boolean) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      if (!ended) req.pause();
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      left -= chunk.length;
      if (left < 0) settle(false);
    };
    const onEnd = () => settle(true);
    const onClose = () => settle(req.readableEnded);
    const timer = setTimeout(() => settle(false), LINGER.ms);
    req.on('data', onData).on('end', onEnd).on('close', onClose);
    req.resume();
  });
}
