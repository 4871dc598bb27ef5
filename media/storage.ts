import path from 'node:path';

/** Keys are derived by the pipeline (e.g. `images/<uuid>/large.webp`, `videos/<uuid>/720p/seg_000.ts`), never taken from user input; still validated. */
export interface StoredObject {
  size: number;
  contentType: string;
  /** A quoted HTTP entity tag, ready for the ETag header. */
  etag: string;
  lastModified: Date;
}

export interface Storage {
  /** Stores a finished local file under key. A reader never sees a partly written object: local disk writes to a temp name in the same directory and renames. */
  putFile(key: string, localPath: string, contentType: string): Promise<void>;
  putBuffer(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Stores a local file under key and removes it from where it was: on local disk a rename, not a copy. */
  moveFile(key: string, localPath: string, contentType: string): Promise<void>;
  /** Where a stored object can be read in place on this machine (local disk); null when it cannot (S3). */
  localPath(key: string): string | null;
  stat(key: string): Promise<StoredObject | null>;
  /** A readable stream of the object or of the inclusive byte range. Rejects with ObjectNotFoundError when there is no object. */
  read(key: string, range?: { start: number; end: number }): Promise<NodeJS.ReadableStream>;
  /** Deletes every object under `prefix/` (a whole directory of keys, never keys that merely start with the same characters). */
  deletePrefix(prefix: string): Promise<void>;
  /** The public URL path or absolute URL clients use for this key. */
  url(key: string): string;
}

/** read() of a key with no object, e.g. one deleted between stat() and read(). */
export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored object at ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

/** Where uploads wait for their pipeline, metadata (GPS included) and all: never served, whatever the URL's encoding. */
export const ORIGINALS_PREFIX = 'originals/';

/** Whether a stored object may be served to anyone who asks for it. */
export function isPublicKey(key: string): boolean {
  return !key.toLowerCase().startsWith(ORIGINALS_PREFIX);
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;
const MAX_KEY_LENGTH = 512;

export function assertValidKey(key: string): void {
  if (key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key) || key.includes('..')) {
    throw new Error(`invalid storage key ${JSON.stringify(key.slice(0, 80))}`);
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.mp4': 'video/mp4',
};

export function contentTypeFor(key: string): string {
  return CONTENT_TYPES[path.extname(key).toLowerCase()] ?? 'application/octet-stream';
}

export function assertValidRange(range: { start: number; end: number }): void {
  if (!Number.isSafeInteger(range.start) || !Number.isSafeInteger(range.end) || range.start < 0 || range.end < range.start) {
    throw new Error(`invalid byte range ${range.start}-${range.end}`);
  }
}
