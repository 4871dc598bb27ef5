import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { EMPTY_PAYLOAD_SHA256, sha256Hex, signV4, type SigV4Credentials } from './s3-signature';

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

/** A non-2xx answer from S3; `code` is S3's error code (e.g. `NoSuchBucket`, `SignatureDoesNotMatch`). */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'S3Error';
  }
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

function assertValidRange(range: { start: number; end: number }): void {
  if (!Number.isSafeInteger(range.start) || !Number.isSafeInteger(range.end) || range.start < 0 || range.end < range.start) {
    throw new Error(`invalid byte range ${range.start}-${range.end}`);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  // ENOTDIR: a parent of the key is a file, so the key cannot exist either.
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export class LocalDiskStorage implements Storage {
  private readonly root: string;
  private readonly publicBasePath: string;

  constructor(rootDir: string, publicBasePath = '/media') {
    this.root = path.resolve(rootDir);
    this.publicBasePath = publicBasePath.replace(/\/+$/, '');
  }

  async putFile(key: string, localPath: string, _contentType: string): Promise<void> {
    // A copy, not a rename: the caller keeps its file, as with S3, and a reflink makes it free where the filesystem can.
    await this.writeAtomically(key, (temp) => fs.copyFile(localPath, temp, fs.constants.COPYFILE_FICLONE));
  }

  async putBuffer(key: string, body: Buffer, _contentType: string): Promise<void> {
    await this.writeAtomically(key, (temp) => fs.writeFile(temp, body, { flag: 'wx' }));
  }

  async moveFile(key: string, localPath: string, contentType: string): Promise<void> {
    try {
      await this.writeAtomically(key, (temp) => fs.rename(localPath, temp));
    } catch (error) {
      // Another filesystem: a rename cannot cross it, so copy, then remove the source.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await this.putFile(key, localPath, contentType);
      await fs.rm(localPath, { force: true });
    }
  }

  localPath(key: string): string | null {
    return this.pathOf(key);
  }

  async stat(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    let info;
    try {
      info = await fs.stat(file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    if (!info.isFile()) return null;
    return {
      size: info.size,
      contentType: contentTypeFor(key),
      etag: `"${info.size.toString(16)}-${info.mtimeMs.toString(16)}"`,
      lastModified: info.mtime,
    };
  }

  async read(key: string, range?: { start: number; end: number }): Promise<NodeJS.ReadableStream> {
    const file = this.pathOf(key);
    if (range) assertValidRange(range);
    // Opened here rather than lazily by createReadStream so that a missing file rejects this promise instead of erroring the stream later.
    let handle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new ObjectNotFoundError(key);
    }
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async deletePrefix(prefix: string): Promise<void> {
    await fs.rm(this.pathOf(prefix.replace(/\/+$/, '')), { recursive: true, force: true });
  }

  url(key: string): string {
    assertValidKey(key);
    return `${this.publicBasePath}/${key}`;
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    const file = path.resolve(this.root, key);
    // The key pattern already rules out escapes; this keeps the guarantee if the pattern is ever loosened.
    const relative = path.relative(this.root, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`storage key escapes the root: ${key}`);
    return file;
  }

  private async writeAtomically(key: string, write: (temp: string) => Promise<void>): Promise<void> {
    const target = this.pathOf(key);
    const dir = path.dirname(target);
    await fs.mkdir(dir, { recursive: true });
    // Same directory, so the rename is atomic; the leading dot makes it an invalid key, so it is never served.
    const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
    try {
      await write(temp);
      // Flushed before the rename: otherwise a crash can leave the final name pointing at an empty or partial file,
      // which, being served as immutable, would be cached that way for a year.
      await fsync(temp);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    // Makes the rename itself durable, since the caller records the object as stored once this returns.
    await fsync(dir);
  }
}

async function fsync(file: string): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface S3Config {
  /** e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000 */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  publicBaseUrl: string;
  forcePathStyle: boolean;
}

interface S3Request {
  method: string;
  /** Undefined for bucket-level operations. */
  key?: string;
  /** Already percent-encoded. */
  query?: string;
  headers?: Record<string, string>;
  body?: Buffer | NodeJS.ReadableStream;
  /** Sent but not signed: fetch computes it for buffers, streams need it because S3 refuses chunked uploads. */
  contentLength?: number;
  payloadHash?: string;
}

/**
 * Every request signs its payload's SHA-256 (no UNSIGNED-PAYLOAD), so S3 rejects a body corrupted or cut short on the way,
 * which matters for plain-HTTP endpoints such as MinIO.
 */
export class S3Storage implements Storage {
  private readonly bucketUrl: string;
  private readonly publicBaseUrl: string;
  private readonly credentials: SigV4Credentials;

  constructor(
    config: S3Config,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    const endpoint = new URL(config.endpoint);
    const basePath = endpoint.pathname.replace(/\/+$/, '');
    this.bucketUrl = config.forcePathStyle
      ? `${endpoint.origin}${basePath}/${config.bucket}`
      : `${endpoint.protocol}//${config.bucket}.${endpoint.host}${basePath}`;
    this.publicBaseUrl = config.publicBaseUrl.replace(/\/+$/, '');
    this.credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: 's3' };
  }

  async putFile(key: string, localPath: string, contentType: string): Promise<void> {
    assertValidKey(key);
    // Two passes over the file (hash, then upload) keep memory flat whatever the size; the second read is from the page cache.
    const { size } = await fs.stat(localPath);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(localPath)) hash.update(chunk as Buffer);
    const body = createReadStream(localPath);
    try {
      const response = await this.send({
        method: 'PUT',
        key,
        headers: putHeaders(contentType),
        body,
        contentLength: size,
        payloadHash: hash.digest('hex'),
      });
      await this.expectOk(response, 'PutObject', key);
    } finally {
      // Releases the file descriptor when fetch failed before reading the body.
      body.destroy();
    }
  }

  async moveFile(key: string, localPath: string, contentType: string): Promise<void> {
    await this.putFile(key, localPath, contentType);
    await fs.rm(localPath, { force: true });
  }

  localPath(): null {
    return null;
  }

  async putBuffer(key: string, body: Buffer, contentType: string): Promise<void> {
    assertValidKey(key);
    const response = await this.send({ method: 'PUT', key, headers: putHeaders(contentType), body, payloadHash: sha256Hex(body) });
    await this.expectOk(response, 'PutObject', key);
  }

  async stat(key: string): Promise<StoredObject | null> {
    assertValidKey(key);
    const response = await this.send({ method: 'HEAD', key });
    if (response.status === 404) return null;
    await this.expectOk(response, 'HeadObject', key);
    const size = Number(requiredHeader(response, 'content-length'));
    return {
      size,
      contentType: response.headers.get('content-type') ?? contentTypeFor(key),
      etag: requiredHeader(response, 'etag'),
      lastModified: new Date(requiredHeader(response, 'last-modified')),
    };
  }

  async read(key: string, range?: { start: number; end: number }): Promise<NodeJS.ReadableStream> {
    assertValidKey(key);
    if (range) assertValidRange(range);
    const headers: Record<string, string> = range ? { range: `bytes=${range.start}-${range.end}` } : {};
    const response = await this.send({ method: 'GET', key, headers });
    if (response.status === 404) {
      await response.body?.cancel();
      throw new ObjectNotFoundError(key);
    }
    // A 200 to a ranged request would be the whole object sent where the caller promised a slice.
    if (response.status !== (range ? 206 : 200)) {
      throw await s3Error(response, 'GetObject', key);
    }
    if (!response.body) throw new S3Error(response.status, 'EmptyBody', `S3 GetObject ${key}: no body`);
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async deletePrefix(prefix: string): Promise<void> {
    const directory = prefix.replace(/\/+$/, '');
    assertValidKey(directory);
    let token: string | undefined;
    do {
      const query = `list-type=2&prefix=${encodeURIComponent(`${directory}/`)}${token ? `&continuation-token=${encodeURIComponent(token)}` : ''}`;
      const listing = await this.expectOk(await this.send({ method: 'GET', query }), 'ListObjectsV2', directory);
      const keys = xmlValues(listing, 'Key');
      if (keys.length > 0) await this.deleteObjects(keys);
      token = xmlValues(listing, 'IsTruncated')[0] === 'true' ? xmlValues(listing, 'NextContinuationToken')[0] : undefined;
    } while (token);
  }

  url(key: string): string {
    assertValidKey(key);
    return `${this.publicBaseUrl}/${key}`;
  }

  /** One ListObjectsV2 page holds at most 1000 keys, which is also DeleteObjects' limit. */
  private async deleteObjects(keys: string[]): Promise<void> {
    const objects = keys.map((key) => `<Object><Key>${escapeXml(key)}</Key></Object>`).join('');
    const body = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Delete><Quiet>true</Quiet>${objects}</Delete>`);
    const response = await this.send({
      method: 'POST',
      query: 'delete',
      headers: { 'content-type': 'application/xml', 'content-md5': createHash('md5').update(body).digest('base64') },
      body,
      payloadHash: sha256Hex(body),
    });
    const result = await this.expectOk(response, 'DeleteObjects', keys[0] ?? '');
    // A 200 can still carry per-key failures; in quiet mode they are all the body holds.
    const failure = /<Error>([\s\S]*?)<\/Error>/.exec(result)?.[1];
    if (failure !== undefined) {
      const code = xmlValues(failure, 'Code')[0] ?? 'UnknownError';
      throw new S3Error(response.status, code, `S3 DeleteObjects ${xmlValues(failure, 'Key')[0] ?? ''}: ${code}`);
    }
  }

  private async send(request: S3Request): Promise<Response> {
    const url = new URL(request.key === undefined ? this.bucketUrl : `${this.bucketUrl}/${request.key}`);
    if (request.query) url.search = request.query;
    const signed = signV4(
      { method: request.method, url, headers: request.headers ?? {}, payloadHash: request.payloadHash ?? EMPTY_PAYLOAD_SHA256 },
      this.credentials,
      new Date(),
    );
    const headers =
      request.contentLength === undefined ? signed.headers : { ...signed.headers, 'content-length': String(request.contentLength) };
    const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers };
    if (Buffer.isBuffer(request.body)) init.body = request.body;
    else if (request.body) {
      init.body = request.body as AsyncIterable<Uint8Array>;
      init.duplex = 'half';
    }
    return this.fetchImpl(url, init);
  }

  /** Throws S3Error unless 2xx; returns the (small, XML) body otherwise. */
  private async expectOk(response: Response, what: string, key: string): Promise<string> {
    if (!response.ok) throw await s3Error(response, what, key);
    return response.text();
  }
}

function putHeaders(contentType: string): Record<string, string> {
  // Stored with the object so that S3, or a CDN in front of publicBaseUrl, serves it as the local route does.
  return { 'content-type': contentType, 'cache-control': 'public, max-age=31536000, immutable' };
}

function requiredHeader(response: Response, name: string): string {
  const value = response.headers.get(name);
  if (value === null) throw new S3Error(response.status, 'MissingHeader', `S3 response lacks ${name}`);
  return value;
}

async function s3Error(response: Response, what: string, key: string): Promise<S3Error> {
  const body = await response.text().catch(() => '');
  // HEAD answers carry no body, so only the status is left to name the failure.
  const code = xmlValues(body, 'Code')[0] ?? (response.statusText || `Http${response.status}`);
  const message = xmlValues(body, 'Message')[0];
  return new S3Error(response.status, code, `S3 ${what} ${key}: ${response.status} ${code}${message ? ` (${message})` : ''}`);
}

function xmlValues(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((match) => unescapeXml(match[1] ?? ''));
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? entity;
  });
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function createStorage(config: { kind: 'local'; rootDir: string } | ({ kind: 's3' } & S3Config)): Storage {
  return config.kind === 'local' ? new LocalDiskStorage(config.rootDir) : new S3Storage(config);
}
