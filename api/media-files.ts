import express, { type Request, type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, isPublicKey, ObjectNotFoundError, type Storage, type StoredObject } from '../media/storage';

interface ByteRange {
  start: number;
  end: number;
}

/** Serves stored objects under `/*key`, for GET and HEAD (Express answers HEAD with the GET route). */
export function mediaFilesRouter(storage: Storage): express.Router {
  const router = express.Router();

  router.get('/*key', async (req, res) => {
    const key = req.params.key.join('/');
    try {
      assertValidKey(key);
    } catch {
      notFound(res);
      return;
    }
    if (!isPublicKey(key)) {
      notFound(res);
      return;
    }
    const object = await storage.stat(key);
    if (!object) {
      notFound(res);
      return;
    }

    const validators = {
      ETag: object.etag,
      // Keys are content-addressed (a new id per upload), so a stored object never changes.
      'Cache-Control': 'public, max-age=31536000, immutable',
    };
    if (notModified(req, object)) {
      res.status(304).set(validators).end();
      return;
    }

    const range =
      req.method === 'GET' && rangeStillValid(req.get('if-range'), object) ? parseRange(req.get('range'), object.size) : undefined;
    if (range === 'unsatisfiable') {
      res
        .status(416)
        .set({ 'Content-Range': `bytes */${object.size}`, 'Accept-Ranges': 'bytes' })
        .end();
      return;
    }

    let body: NodeJS.ReadableStream | undefined;
    if (req.method === 'GET') {
      try {
        body = await storage.read(key, range);
      } catch (error) {
        if (!(error instanceof ObjectNotFoundError)) throw error;
        notFound(res);
        return;
      }
    }

    // Set only now, so an error above reaches the error handler without an image's Content-Type and Content-Length.
    for (const [name, value] of Object.entries({
      ...validators,
      'Content-Type': object.contentType,
      'Content-Length': String(range ? range.end - range.start + 1 : object.size),
      'Last-Modified': object.lastModified.toUTCString(),
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
      ...(range && { 'Content-Range': `bytes ${range.start}-${range.end}/${object.size}` }),
    })) {
      res.setHeader(name, value);
    }
    res.status(range ? 206 : 200);
    if (!body) {
      res.end();
      return;
    }
    try {
      await pipeline(body, res);
    } catch (error) {
      // The client went away (closed tab, seek in a video): pipeline has already destroyed the storage stream.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      throw error;
    }
  });

  return router;
}

function notFound(res: Response): void {
  // An object can be requested before the pipeline has stored it; a cached 404 would outlive that.
  res.status(404).set('Cache-Control', 'no-store').json({ error: 'not found' });
}

/** RFC 9110 13.2.2: If-None-Match (weak comparison) wins over If-Modified-Since. */
function notModified(req: Request, object: StoredObject): boolean {
  const ifNoneMatch = req.get('if-none-match');
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => opaqueTag(tag) === opaqueTag(object.etag));
  }
  const ifModifiedSince = Date.parse(req.get('if-modified-since') ?? '');
  return !Number.isNaN(ifModifiedSince) && wholeSeconds(object.lastModified) <= ifModifiedSince;
}

/** RFC 9110 13.1.5: a range is for the representation the client already has part of; otherwise it gets the whole object. */
function rangeStillValid(ifRange: string | undefined, object: StoredObject): boolean {
  if (ifRange === undefined) return true;
  if (ifRange.startsWith('"')) return ifRange === object.etag;
  if (ifRange.startsWith('W/')) return false;
  return Date.parse(ifRange) === wholeSeconds(object.lastModified);
}

/**
 * One range (`a-b`, `a-`, `-n`) is honoured; several, or a malformed header, are ignored and the whole object is sent,
 * as RFC 9110 14.2 allows. Undefined means "send it all".
 */
function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '') {
    if (last === '') return undefined;
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

function opaqueTag(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

// HTTP dates have no milliseconds, so Last-Modified as sent is the time rounded down to the second.
function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}
