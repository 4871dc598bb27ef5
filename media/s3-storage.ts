import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { EMPTY_PAYLOAD_SHA256, sha256Hex, signV4, type SigV4Credentials } from './s3-signature';
import { assertValidKey, assertValidRange, contentTypeFor, ObjectNotFoundError, type Storage, type StoredObject } from './storage';

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
