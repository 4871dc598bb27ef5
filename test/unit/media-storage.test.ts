import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from 'express';
import request from 'supertest';
import { mediaFilesRouter } from '../../api/media-files';
import { sha256Hex, signV4 } from '../../media/s3-signature';
import { createStorage } from '../../media/create-storage';
import { LocalDiskStorage } from '../../media/local-storage';
import { S3Error, S3Storage } from '../../media/s3-storage';
import { assertValidKey, contentTypeFor, ObjectNotFoundError, type Storage } from '../../media/storage';

const INVALID_KEYS = ['../x', '/abs', 'a//b', '', 'a/../b', 'a/./b', '.hidden', 'a/', 'a b', 'a\\b', 'x'.repeat(513)];

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

function pattern(size: number): Buffer {
  return Buffer.from(Array.from({ length: size }, (_, i) => (i * 7) % 256));
}

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'media-storage-'));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('keys and content types', () => {
  it('accepts pipeline keys and refuses anything that could leave the root or is not canonical', () => {
    for (const key of ['images/0190a1b2-c3d4/large.webp', 'videos/abc/720p/seg_000.ts', 'a', 'A.B-c_d']) {
      expect(() => assertValidKey(key)).not.toThrow();
    }
    for (const key of INVALID_KEYS) expect(() => assertValidKey(key)).toThrow('invalid storage key');
  });

  it('derives the content type from the extension', () => {
    expect(contentTypeFor('images/a/large.webp')).toBe('image/webp');
    expect(contentTypeFor('images/a/large.AVIF')).toBe('image/avif');
    expect(contentTypeFor('a.jpg')).toBe('image/jpeg');
    expect(contentTypeFor('a.jpeg')).toBe('image/jpeg');
    expect(contentTypeFor('a.png')).toBe('image/png');
    expect(contentTypeFor('videos/a/master.m3u8')).toBe('application/vnd.apple.mpegurl');
    expect(contentTypeFor('videos/a/720p/seg_000.ts')).toBe('video/mp2t');
    expect(contentTypeFor('videos/a/source.mp4')).toBe('video/mp4');
    expect(contentTypeFor('a.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('noext')).toBe('application/octet-stream');
  });
});

describe('LocalDiskStorage', () => {
  const root = () => path.join(tmp, 'root');

  it('stores a buffer, stats it and reads it whole or by inclusive range', async () => {
    const storage = new LocalDiskStorage(root());
    const body = pattern(100);
    await storage.putBuffer('images/u1/large.webp', body, 'image/webp');

    const stat = await storage.stat('images/u1/large.webp');
    const { mtimeMs, mtime } = await fs.stat(path.join(root(), 'images/u1/large.webp'));
    // Compared as numbers: fs makes its Dates outside Jest's realm, so toEqual would not see them as Dates.
    expect({ ...stat, lastModified: stat?.lastModified.getTime() }).toEqual({
      size: 100,
      contentType: 'image/webp',
      etag: `"64-${mtimeMs.toString(16)}"`,
      lastModified: mtime.getTime(),
    });
    expect(await readAll(await storage.read('images/u1/large.webp'))).toEqual(body);
    expect(await readAll(await storage.read('images/u1/large.webp', { start: 10, end: 19 }))).toEqual(body.subarray(10, 20));
    expect(await readAll(await storage.read('images/u1/large.webp', { start: 95, end: 500 }))).toEqual(body.subarray(95));
    await expect(storage.read('images/u1/large.webp', { start: 5, end: 4 })).rejects.toThrow('invalid byte range');
    expect(storage.url('images/u1/large.webp')).toBe('/media/images/u1/large.webp');
    expect(new LocalDiskStorage(root(), '/static/').url('a.png')).toBe('/static/a.png');
  });

  it('answers null or ObjectNotFoundError for what is not an object', async () => {
    const storage = new LocalDiskStorage(root());
    await storage.putBuffer('images/u1/large.webp', pattern(3), 'image/webp');
    for (const key of ['images/u2/large.webp', 'images/u1', 'images/u1/large.webp/below']) {
      expect(await storage.stat(key)).toBeNull();
      await expect(storage.read(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    }
  });

  it('copies a file in through a temp name in the same directory, renamed only once complete', async () => {
    const storage = new LocalDiskStorage(root());
    const source = path.join(tmp, 'out.webp');
    const body = pattern(256 * 1024);
    await fs.writeFile(source, body);
    const rename = fs.rename;
    const seen: string[] = [];
    jest.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      seen.push(String(from), String(to));
      expect(await fs.readFile(from)).toEqual(body);
      await expect(fs.stat(to)).rejects.toMatchObject({ code: 'ENOENT' });
      return rename(from, to);
    });

    await storage.putFile('images/u1/large.webp', source, 'image/webp');

    const final = path.join(root(), 'images/u1/large.webp');
    expect(seen[1]).toBe(final);
    expect(path.dirname(seen[0] ?? '')).toBe(path.dirname(final));
    expect(path.basename(seen[0] ?? '')).toMatch(/^\.large\.webp\.[0-9a-f]{16}\.tmp$/);
    expect(await fs.readFile(final)).toEqual(body);
    expect(await fs.readFile(source)).toEqual(body);
    expect(await filesUnder(root())).toEqual([path.join('images', 'u1', 'large.webp')]);
  });

  it('moves a file in without copying it, and reads objects in place', async () => {
    const storage = new LocalDiskStorage(root());
    await fs.mkdir(root(), { recursive: true });
    const source = path.join(root(), '.incoming-upload');
    const body = pattern(64 * 1024);
    await fs.writeFile(source, body);
    await storage.moveFile('originals/u2/source', source, 'application/octet-stream');
    await expect(fs.stat(source)).rejects.toMatchObject({ code: 'ENOENT' });
    const inPlace = storage.localPath('originals/u2/source');
    expect(inPlace).toBe(path.join(root(), 'originals/u2/source'));
    expect(await fs.readFile(inPlace ?? '')).toEqual(body);
    expect(() => storage.localPath('../escape')).toThrow();
  });

  it('replaces an existing object whole and leaves no temp file behind when a write fails', async () => {
    const storage = new LocalDiskStorage(root());
    await storage.putBuffer('images/u1/large.webp', Buffer.from('old'), 'image/webp');
    await storage.putBuffer('images/u1/large.webp', Buffer.from('newer'), 'image/webp');
    expect(await readAll(await storage.read('images/u1/large.webp'))).toEqual(Buffer.from('newer'));

    await expect(storage.putFile('images/u1/small.webp', path.join(tmp, 'missing.webp'), 'image/webp')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    jest.spyOn(fs, 'rename').mockRejectedValueOnce(new Error('disk full'));
    await expect(storage.putBuffer('images/u1/thumb.webp', Buffer.from('x'), 'image/webp')).rejects.toThrow('disk full');
    expect(await filesUnder(root())).toEqual([path.join('images', 'u1', 'large.webp')]);
  });

  it('deletes the directory tree under a prefix and nothing that merely shares its first characters', async () => {
    const storage = new LocalDiskStorage(root());
    for (const key of ['videos/v1/720p/seg_000.ts', 'videos/v1/720p/index.m3u8', 'videos/v1/master.m3u8', 'videos/v10/master.m3u8']) {
      await storage.putBuffer(key, Buffer.from(key), contentTypeFor(key));
    }
    await storage.deletePrefix('videos/v1/');
    expect(await storage.stat('videos/v1/master.m3u8')).toBeNull();
    expect(await filesUnder(root())).toEqual([path.join('videos', 'v10', 'master.m3u8')]);
    await expect(storage.deletePrefix('videos/nothing-here')).resolves.toBeUndefined();
  });

  it('refuses invalid keys in every operation', async () => {
    const storage = new LocalDiskStorage(root());
    await fs.mkdir(root(), { recursive: true });
    await fs.writeFile(path.join(tmp, 'x'), 'outside the root');
    for (const key of ['../x', '/abs', 'a//b', '', 'a/../b']) {
      await expect(storage.putBuffer(key, Buffer.from('x'), 'image/webp')).rejects.toThrow('invalid storage key');
      await expect(storage.stat(key)).rejects.toThrow('invalid storage key');
      await expect(storage.read(key)).rejects.toThrow('invalid storage key');
      await expect(storage.deletePrefix(key)).rejects.toThrow('invalid storage key');
      expect(() => storage.url(key)).toThrow('invalid storage key');
    }
    expect(await fs.readFile(path.join(tmp, 'x'), 'utf8')).toBe('outside the root');
  });

  it('is what createStorage makes for kind local', () => {
    expect(createStorage({ kind: 'local', rootDir: root() })).toBeInstanceOf(LocalDiskStorage);
  });
});

// ---------------------------------------------------------------------------------------------
// S3Storage against an in-memory S3 that checks what real S3 checks: the signature over the
// headers as sent, the body against x-amz-content-sha256, Content-MD5 on DeleteObjects.

interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
}

const S3_CONFIG = {
  endpoint: 'http://minio:9000',
  region: 'us-east-1',
  bucket: 'media',
  accessKeyId: 'AKIDTEST',
  secretAccessKey: 'secret/key+TEST',
  publicBaseUrl: 'https://cdn.example.com/',
  forcePathStyle: true,
};

function fakeS3(options: { pageSize?: number; bucketHost?: string } = {}) {
  const objects = new Map<string, { body: Buffer; contentType: string; etag: string; lastModified: Date }>();
  const requests: RecordedRequest[] = [];
  const failures: Array<(req: RecordedRequest) => Response | undefined> = [];
  const pageSize = options.pageSize ?? 1000;
  const xml = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'application/xml' } });
  const s3Error = (status: number, code: string) =>
    xml(status, `<?xml version="1.0"?><Error><Code>${code}</Code><Message>fake</Message></Error>`);

  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = await collect(init?.body);
    const req: RecordedRequest = { method: init?.method ?? 'GET', url, headers, body };
    requests.push(req);

    const auth =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/.exec(
        headers.authorization ?? '',
      );
    if (!auth) return s3Error(400, 'AuthorizationHeaderMalformed');
    const amzDate = headers['x-amz-date'] ?? '';
    const at = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    const signedNames = (auth[4] ?? '').split(';').filter((name) => !['host', 'x-amz-date', 'x-amz-content-sha256'].includes(name));
    const expected = signV4(
      {
        method: req.method,
        url,
        headers: Object.fromEntries(signedNames.map((name) => [name, headers[name] ?? ''])),
        payloadHash: headers['x-amz-content-sha256'] ?? '',
      },
      { accessKeyId: auth[1] ?? '', secretAccessKey: S3_CONFIG.secretAccessKey, region: auth[3] ?? '', service: 's3' },
      at,
    );
    if (expected.signature !== auth[5]) return s3Error(403, 'SignatureDoesNotMatch');
    if (headers['x-amz-content-sha256'] !== sha256Hex(body)) return s3Error(400, 'XAmzContentSHA256Mismatch');
    if (headers['content-length'] !== undefined && Number(headers['content-length']) !== body.length) return s3Error(400, 'IncompleteBody');

    for (const failure of failures) {
      const response = failure(req);
      if (response) return response;
    }

    const inBucket = options.bucketHost ? url.host === options.bucketHost : url.pathname.split('/')[1] === 'media';
    if (!inBucket) return s3Error(404, 'NoSuchBucket');
    const key = options.bucketHost ? url.pathname.slice(1) : url.pathname.split('/').slice(2).join('/');

    if (key === '' && req.method === 'GET' && url.searchParams.get('list-type') === '2') {
      const prefix = url.searchParams.get('prefix') ?? '';
      const after = url.searchParams.get('continuation-token') ?? '';
      const matching = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
      const page = matching.slice(0, pageSize);
      const truncated = matching.length > pageSize;
      return xml(
        200,
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>media</Name><Prefix>${prefix}</Prefix><KeyCount>${page.length}</KeyCount>` +
          page.map((k) => `<Contents><Key>${k}</Key><Size>${objects.get(k)?.body.length}</Size></Contents>`).join('') +
          `<IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextContinuationToken>${page.at(-1)}</NextContinuationToken>` : ''}</ListBucketResult>`,
      );
    }
    if (key === '' && req.method === 'POST' && url.search === '?delete') {
      if (headers['content-md5'] !== createHash('md5').update(body).digest('base64')) return s3Error(400, 'BadDigest');
      for (const [, k] of body.toString().matchAll(/<Key>([^<]*)<\/Key>/g)) objects.delete(k ?? '');
      return xml(200, '<?xml version="1.0" encoding="UTF-8"?><DeleteResult></DeleteResult>');
    }
    if (req.method === 'PUT') {
      const etag = `"${createHash('md5').update(body).digest('hex')}"`;
      objects.set(key, {
        body,
        contentType: headers['content-type'] ?? 'binary/octet-stream',
        etag,
        lastModified: new Date('2024-05-01T10:00:00Z'),
      });
      return new Response(null, { status: 200, headers: { etag } });
    }
    const object = objects.get(key);
    if (!object) return req.method === 'HEAD' ? new Response(null, { status: 404 }) : s3Error(404, 'NoSuchKey');
    const meta = { 'content-type': object.contentType, etag: object.etag, 'last-modified': object.lastModified.toUTCString() };
    if (req.method === 'HEAD')
      return new Response(null, { status: 200, headers: { ...meta, 'content-length': String(object.body.length) } });
    const range = /^bytes=(\d+)-(\d+)$/.exec(headers.range ?? '');
    if (!range) return new Response(object.body, { status: 200, headers: meta });
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), object.body.length - 1);
    return new Response(object.body.subarray(start, end + 1), {
      status: 206,
      headers: { ...meta, 'content-range': `bytes ${start}-${end}/${object.body.length}` },
    });
  };
  return { objects, requests, failures, fetch: fetchImpl as typeof fetch };
}

async function collect(body: RequestInit['body']): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  return readAll(body as unknown as NodeJS.ReadableStream);
}

const SIGNED = (headers: string) =>
  new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{8}/us-east-1/s3/aws4_request,SignedHeaders=${headers},Signature=[0-9a-f]{64}$`);

describe('S3Storage', () => {
  it('puts a buffer with its hash signed, then HEADs and GETs it, whole and by Range', async () => {
    const s3 = fakeS3();
    const storage = new S3Storage(S3_CONFIG, s3.fetch);
    const body = pattern(100);
    await storage.putBuffer('images/u1/large.webp', body, 'image/webp');

    const [put] = s3.requests;
    expect(put?.method).toBe('PUT');
    expect(put?.url.href).toBe('http://minio:9000/media/images/u1/large.webp');
    expect(put?.headers).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-amz-content-sha256': sha256Hex(body),
      'x-amz-date': expect.stringMatching(/^\d{8}T\d{6}Z$/),
      authorization: expect.stringMatching(SIGNED('cache-control;content-type;host;x-amz-content-sha256;x-amz-date')),
    });

    expect(await storage.stat('images/u1/large.webp')).toEqual({
      size: 100,
      contentType: 'image/webp',
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      lastModified: new Date('2024-05-01T10:00:00Z'),
    });
    expect(s3.requests[1]?.method).toBe('HEAD');

    expect(await readAll(await storage.read('images/u1/large.webp'))).toEqual(body);
    expect(await readAll(await storage.read('images/u1/large.webp', { start: 10, end: 19 }))).toEqual(body.subarray(10, 20));
    const ranged = s3.requests.at(-1);
    expect(ranged?.method).toBe('GET');
    expect(ranged?.headers.range).toBe('bytes=10-19');
    expect(ranged?.headers.authorization).toMatch(SIGNED('host;range;x-amz-content-sha256;x-amz-date'));

    expect(storage.url('images/u1/large.webp')).toBe('https://cdn.example.com/images/u1/large.webp');
  });

  it('streams a file up with an explicit Content-Length and the file hash signed', async () => {
    const s3 = fakeS3();
    const storage = new S3Storage(S3_CONFIG, s3.fetch);
    const source = path.join(tmp, 'seg.ts');
    const body = pattern(300 * 1024);
    await fs.writeFile(source, body);

    await storage.putFile('videos/v1/720p/seg_000.ts', source, 'video/mp2t');

    const [put] = s3.requests;
    expect(put?.headers['content-length']).toBe(String(body.length));
    expect(put?.headers['x-amz-content-sha256']).toBe(sha256Hex(body));
    expect(s3.objects.get('videos/v1/720p/seg_000.ts')?.body).toEqual(body);
    expect(s3.objects.get('videos/v1/720p/seg_000.ts')?.contentType).toBe('video/mp2t');
  });

  it('answers null / ObjectNotFoundError for a missing key', async () => {
    const storage = new S3Storage(S3_CONFIG, fakeS3().fetch);
    expect(await storage.stat('images/none/large.webp')).toBeNull();
    await expect(storage.read('images/none/large.webp')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('deletes a prefix page by page with DeleteObjects, and only keys under prefix/', async () => {
    const s3 = fakeS3({ pageSize: 2 });
    const storage = new S3Storage(S3_CONFIG, s3.fetch);
    const keys = [
      'videos/v1/master.m3u8',
      'videos/v1/720p/index.m3u8',
      'videos/v1/720p/seg_000.ts',
      'videos/v1/720p/seg_001.ts',
      'videos/v1/poster.webp',
    ];
    for (const key of [...keys, 'videos/v10/master.m3u8']) await storage.putBuffer(key, Buffer.from(key), contentTypeFor(key));
    s3.requests.length = 0;

    await storage.deletePrefix('videos/v1');

    expect([...s3.objects.keys()]).toEqual(['videos/v10/master.m3u8']);
    const lists = s3.requests.filter((r) => r.method === 'GET');
    expect(lists.map((r) => r.url.pathname)).toEqual(['/media', '/media', '/media']);
    expect(lists.map((r) => r.url.searchParams.get('prefix'))).toEqual(['videos/v1/', 'videos/v1/', 'videos/v1/']);
    expect(lists.map((r) => r.url.searchParams.get('continuation-token'))).toEqual([
      null,
      'videos/v1/720p/seg_000.ts',
      'videos/v1/master.m3u8',
    ]);
    const deletes = s3.requests.filter((r) => r.method === 'POST');
    expect(deletes).toHaveLength(3);
    expect(deletes[0]?.url.href).toBe('http://minio:9000/media?delete');
    expect(deletes[0]?.headers).toMatchObject({
      'content-type': 'application/xml',
      'content-md5': expect.any(String),
      authorization: expect.stringMatching(SIGNED('content-md5;content-type;host;x-amz-content-sha256;x-amz-date')),
    });
    expect(deletes[0]?.body.toString()).toContain('<Quiet>true</Quiet><Object><Key>videos/v1/720p/index.m3u8</Key></Object>');
  });

  it('turns S3 errors into S3Error with the status and the code from the XML body', async () => {
    const s3 = fakeS3();
    const storage = new S3Storage(S3_CONFIG, s3.fetch);
    s3.failures.push(() => new Response('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>', { status: 403 }));
    const failure = storage.putBuffer('images/u1/large.webp', Buffer.from('x'), 'image/webp');
    await expect(failure).rejects.toBeInstanceOf(S3Error);
    await expect(failure).rejects.toMatchObject({ status: 403, code: 'AccessDenied', message: expect.stringContaining('Access Denied') });
    await expect(storage.stat('images/u1/large.webp')).rejects.toMatchObject({ status: 403 });
    s3.failures.length = 0;

    const wrongSecret = new S3Storage({ ...S3_CONFIG, secretAccessKey: 'not the secret' }, s3.fetch);
    await expect(wrongSecret.read('images/u1/large.webp')).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('reports keys DeleteObjects failed to delete even though it answered 200', async () => {
    const s3 = fakeS3();
    const storage = new S3Storage(S3_CONFIG, s3.fetch);
    await storage.putBuffer('images/u1/large.webp', Buffer.from('x'), 'image/webp');
    s3.failures.push((req) =>
      req.method === 'POST'
        ? new Response(
            '<DeleteResult><Error><Key>images/u1/large.webp</Key><Code>AccessDenied</Code><Message>no</Message></Error></DeleteResult>',
          )
        : undefined,
    );
    await expect(storage.deletePrefix('images/u1')).rejects.toMatchObject({
      code: 'AccessDenied',
      message: expect.stringContaining('images/u1/large.webp'),
    });
  });

  it('addresses the bucket as a virtual host unless forcePathStyle', async () => {
    const s3 = fakeS3({ bucketHost: 'media.s3.eu-west-1.amazonaws.com' });
    const storage = createStorage({
      ...S3_CONFIG,
      kind: 's3',
      endpoint: 'https://s3.eu-west-1.amazonaws.com',
      region: 'eu-west-1',
      forcePathStyle: false,
    });
    expect(storage).toBeInstanceOf(S3Storage);
    const virtual = new S3Storage(
      { ...S3_CONFIG, endpoint: 'https://s3.eu-west-1.amazonaws.com/', region: 'eu-west-1', forcePathStyle: false },
      s3.fetch,
    );
    await virtual.putBuffer('images/u1/large.webp', Buffer.from('x'), 'image/webp');
    await virtual.deletePrefix('images/u1');
    expect(s3.requests.map((r) => `${r.method} ${r.url.href}`)).toEqual([
      'PUT https://media.s3.eu-west-1.amazonaws.com/images/u1/large.webp',
      'GET https://media.s3.eu-west-1.amazonaws.com/?list-type=2&prefix=images%2Fu1%2F',
      'POST https://media.s3.eu-west-1.amazonaws.com/?delete',
    ]);
    expect(s3.requests[0]?.headers.authorization).toContain('/eu-west-1/s3/aws4_request,');
    expect(s3.objects.size).toBe(0);
  });

  it('refuses invalid keys before sending anything', async () => {
    const s3 = fakeS3();
    const storage = new S3Storage(S3_CONFIG, s3.fetch);
    for (const key of ['../x', '/abs', 'a//b', '', 'a/../b']) {
      await expect(storage.stat(key)).rejects.toThrow('invalid storage key');
      await expect(storage.deletePrefix(key)).rejects.toThrow('invalid storage key');
    }
    expect(s3.requests).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------

function binary(res: http.IncomingMessage, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

function appFor(storage: Storage) {
  const errors: unknown[] = [];
  const app = express();
  app.use('/media', mediaFilesRouter(storage));
  app.use((error: unknown, _req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    errors.push(error);
    if (res.headersSent) return next(error);
    res.status(500).json({ error: 'internal' });
  });
  return { app, errors };
}

/** A request with its path exactly as written: supertest's URL parsing would resolve `..` before sending. */
async function rawGet(app: express.Express, rawPath: string): Promise<{ status: number; body: string }> {
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    return await new Promise((resolve, reject) => {
      http
        .get({ port: (server.address() as AddressInfo).port, path: rawPath }, (res) => {
          binary(res, (_, body) => resolve({ status: res.statusCode ?? 0, body: body.toString() }));
        })
        .on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('mediaFilesRouter', () => {
  const key = 'images/u1/large.webp';
  const body = pattern(100);
  let storage: LocalDiskStorage;
  let app: express.Express;
  let errors: unknown[];

  beforeEach(async () => {
    storage = new LocalDiskStorage(path.join(tmp, 'root'));
    await storage.putBuffer(key, body, 'image/webp');
    ({ app, errors } = appFor(storage));
  });
  afterEach(() => expect(errors).toEqual([]));

  const get = (url: string) =>
    request(app)
      .get(url)
      .buffer(true)
      // In Node superagent hands parsers the IncomingMessage, whatever its types say.
      .parse((res: any, done: (error: Error | null, body: Buffer) => void) => binary(res, done));

  it('never serves an original, however its path is spelled', async () => {
    await storage.putBuffer('originals/u9/source', body, 'application/octet-stream');
    for (const spelling of ['/media/originals/u9/source', '/media/originals%2Fu9%2Fsource', '/media/originals%2fu9/source']) {
      expect((await rawGet(app, spelling)).status).toBe(404);
    }
    expect((await rawGet(app, `/media/${key.replaceAll('/', '%2F')}`)).status).toBe(200);
  });

  it('serves the whole object with its headers', async () => {
    const stat = await storage.stat(key);
    const res = await get(`/media/${key}`).expect(200);
    expect(res.headers).toMatchObject({
      'content-type': 'image/webp',
      'content-length': '100',
      etag: stat?.etag,
      'last-modified': stat?.lastModified.toUTCString(),
      'cache-control': 'public, max-age=31536000, immutable',
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
    });
    expect(res.headers['content-range']).toBeUndefined();
    expect(res.body).toEqual(body);
  });

  it.each([
    ['bytes=0-9', 0, 9],
    ['bytes=-5', 95, 99],
    ['bytes=10-', 10, 99],
    ['bytes=90-1000', 90, 99],
    ['bytes=-1000', 0, 99],
  ])('answers Range %s with 206 and that slice', async (range, start, end) => {
    const res = await get(`/media/${key}`).set('Range', range).expect(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/100`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.body).toEqual(body.subarray(start, end + 1));
  });

  it.each(['bytes=100-', 'bytes=500-600', 'bytes=-0'])('answers unsatisfiable Range %s with 416', async (range) => {
    const res = await get(`/media/${key}`).set('Range', range).expect(416);
    expect(res.headers['content-range']).toBe('bytes */100');
    expect(res.body).toEqual(Buffer.alloc(0));
  });

  it.each(['bytes=0-1,5-6', 'bytes=9-3', 'items=0-9', 'bytes=abc'])('ignores Range %s and sends the whole object', async (range) => {
    const res = await get(`/media/${key}`).set('Range', range).expect(200);
    expect(res.body).toEqual(body);
  });

  it('honours a Range only while If-Range still names this object', async () => {
    const stat = await storage.stat(key);
    await get(`/media/${key}`)
      .set({ Range: 'bytes=0-9', 'If-Range': stat?.etag ?? '' })
      .expect(206);
    const res = await get(`/media/${key}`).set({ Range: 'bytes=0-9', 'If-Range': '"other"' }).expect(200);
    expect(res.body).toEqual(body);
  });

  it('answers 304 to a matching If-None-Match or a later If-Modified-Since', async () => {
    const stat = await storage.stat(key);
    const etag = stat?.etag ?? '';
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await get(`/media/${key}`).set('If-None-Match', ifNoneMatch).expect(304);
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.body).toEqual(Buffer.alloc(0));
    }
    await get(`/media/${key}`).set('If-None-Match', '"other"').expect(200);
    await get(`/media/${key}`)
      .set('If-Modified-Since', stat?.lastModified.toUTCString() ?? '')
      .expect(304);
    await get(`/media/${key}`).set('If-Modified-Since', new Date(0).toUTCString()).expect(200);
  });

  it('answers HEAD with the headers and no body, without reading the object', async () => {
    const read = jest.spyOn(storage, 'read');
    const res = await request(app).head(`/media/${key}`).set('Range', 'bytes=0-9').expect(200);
    expect(res.headers).toMatchObject({ 'content-type': 'image/webp', 'content-length': '100', 'accept-ranges': 'bytes' });
    expect(res.headers.etag).toBeDefined();
    expect(res.text).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
  });

  it('answers 404 in JSON for a missing object and for invalid keys alike', async () => {
    const missing = await request(app).get('/media/images/u2/large.webp').expect(404);
    expect(missing.body).toEqual({ error: 'not found' });
    expect(missing.headers['cache-control']).toBe('no-store');
    await fs.writeFile(path.join(tmp, 'root', 'secret.webp'), 'not for you');
    for (const rawPath of [
      '/media/images/../secret.webp',
      '/media/images/%2e%2e/secret.webp',
      '/media/images/..%2fsecret.webp',
      '/media/.hidden',
    ]) {
      expect(await rawGet(app, rawPath)).toEqual({ status: 404, body: JSON.stringify({ error: 'not found' }) });
    }
    await request(app).get('/media/images/u1').expect(404);
  });

  it('answers 404 when the object disappears between stat and read, and passes other read failures on', async () => {
    const read = jest.spyOn(storage, 'read').mockRejectedValueOnce(new ObjectNotFoundError(key));
    const gone = await request(app).get(`/media/${key}`).expect(404);
    expect(gone.headers['content-type']).toMatch(/^application\/json/);

    read.mockRejectedValueOnce(new Error('disk on fire'));
    const broken = await request(app).get(`/media/${key}`).expect(500);
    expect(broken.headers['content-type']).toMatch(/^application\/json/);
    expect(broken.headers['cache-control']).toBeUndefined();
    expect(errors.splice(0)).toEqual([new Error('disk on fire')]);
  });

  it('survives a client that hangs up mid-download and closes the storage stream', async () => {
    const big = pattern(8 * 1024 * 1024);
    await storage.putBuffer('videos/v1/source.mp4', big, 'video/mp4');
    const streams: Readable[] = [];
    const read = storage.read.bind(storage);
    jest.spyOn(storage, 'read').mockImplementation(async (k, range) => {
      const stream = (await read(k, range)) as Readable;
      streams.push(stream);
      return stream;
    });

    const server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const req = http.get({ port: (server.address() as AddressInfo).port, path: '/media/videos/v1/source.mp4' }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      });
      await new Promise<void>((resolve) => {
        const poll = () => (streams[0]?.destroyed ? resolve() : setTimeout(poll, 5));
        poll();
      });
      await request(server).get(`/media/${key}`).expect(200);
    } finally {
      server.close();
    }
  });
});
