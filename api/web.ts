import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import express, { type Request, type Response } from 'express';

/** What the API answers itself: the app's fallback leaves these paths alone, whatever the API makes of them. */
const API_PATHS = ['/graphql', '/media', '/uploads', '/webhooks', '/exports', '/admin', '/healthz', '/readyz', '/metrics'];

// Vite names every file under assets/ by a hash of its content, so a name never changes meaning.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the current build's assets: a browser must ask again (an ETag makes that cheap) or it keeps an old build.
const REVALIDATE = 'no-cache';

const ENCODINGS = ['br', 'gzip'] as const;
type Encoding = (typeof ENCODINGS)[number];
// Below this, a compressed body saves less than its headers cost.
const MIN_COMPRESSED_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|xml)|image\/svg\+xml)/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

interface DistFile {
  body: Buffer;
  extension: string;
  hash: string;
  mtimeMs: number;
  /** Compressed once per file and encoding, on first request, then held as long as the file is unchanged. */
  encoded: Map<Encoding, Promise<Buffer>>;
}

/**
 * The built web app (`distDir`, Vite's output) on the API's origin: its files, and index.html for any other page a
 * browser asks for (/note/…, /search), so that the client-side router takes it from there. Mounted after the API's routes.
 */
export function webRouter(distDir: string): express.Router {
  const root = path.resolve(distDir);
  const files = distFiles(root);
  const router = express.Router();

  // A missing asset is a 404, not index.html: a page still running an older build must see its chunk fail to load, not
  // parse HTML as JavaScript.
  router.get('/assets/*file', async (req, res) => {
    const file = await files.get(req.path);
    if (!file) {
      res.status(404).type('text/plain').send('not found\n');
      return;
    }
    await send(req, res, file, IMMUTABLE);
  });

  router.get('/{*page}', async (req, res, next) => {
    if (API_PATHS.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`))) {
      next();
      return;
    }
    const file = await files.get(req.path);
    if (file) {
      await send(req, res, file, REVALIDATE);
      return;
    }
    if (!req.accepts('html')) {
      next();
      return;
    }
    const index = await files.get('/index.html');
    if (!index) {
      notBuilt(res);
      return;
    }
    await send(req, res, index, REVALIDATE);
  });

  return router;
}

/** The files of `root` by URL path, read once and held while their modification time and size stay the same. */
function distFiles(root: string) {
  const cache = new Map<string, DistFile>();
  return {
    async get(urlPath: string): Promise<DistFile | undefined> {
      const full = resolveInside(root, urlPath);
      if (!full) return undefined;
      const info = await stat(full).catch(() => undefined);
      if (!info?.isFile()) {
        cache.delete(full);
        return undefined;
      }
      const cached = cache.get(full);
      if (cached && cached.mtimeMs === info.mtimeMs && cached.body.length === info.size) return cached;
      const body = await readFile(full);
      const file: DistFile = {
        body,
        extension: path.extname(full),
        hash: createHash('sha256').update(body).digest('base64url').slice(0, 27),
        mtimeMs: info.mtimeMs,
        encoded: await precompressed(full, info.mtimeMs),
      };
      cache.set(full, file);
      return file;
    },
  };
}

/** The build's own `<file>.br` and `<file>.gz` (web/precompress.ts), when they are at least as new as the file. */
async function precompressed(full: string, mtimeMs: number): Promise<Map<Encoding, Promise<Buffer>>> {
  const encoded = new Map<Encoding, Promise<Buffer>>();
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    const info = await stat(full + suffix).catch(() => undefined);
    if (info?.isFile() && info.mtimeMs >= mtimeMs) encoded.set(encoding, readFile(full + suffix));
  }
  return encoded;
}

/**
 * The file a URL path names inside `root`, or undefined. Segments are decoded first, so an encoded `..%2f` is caught
 * like a plain `../`; dot segments and dotfiles are refused outright.
 */
function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment.startsWith('.') || segment.includes('\\'))) return undefined;
  const full = path.join(root, ...segments);
  return full.startsWith(root + path.sep) ? full : undefined;
}

async function send(req: Request, res: Response, file: DistFile, cacheControl: string): Promise<void> {
  res.type(file.extension);
  const compressible = COMPRESSIBLE.test(res.get('Content-Type') ?? '') && file.body.length >= MIN_COMPRESSED_BYTES;
  const encoding = compressible ? preferredEncoding(req.get('accept-encoding')) : undefined;
  // Each encoding is its own representation, so it has its own tag.
  res.set({ 'Cache-Control': cacheControl, ETag: `"${file.hash}${encoding ? `-${encoding}` : ''}"` });
  if (compressible) res.vary('Accept-Encoding');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const body = encoding ? await compressed(file, encoding) : file.body;
  if (encoding) res.set('Content-Encoding', encoding);
  res.set('Content-Length', String(body.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}

// A build compresses its files itself; one that did not (or a file added beside it) is compressed here at the highest
// levels, once per process (brotli 11 takes about a second for 600 KB of JavaScript, on libuv's threads, not the event
// loop), and sent compressed to every visitor after.
function compressed(file: DistFile, encoding: Encoding): Promise<Buffer> {
  let body = file.encoded.get(encoding);
  if (!body) {
    body =
      encoding === 'br'
        ? brotli(file.body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: file.body.length,
            },
          })
        : gzip(file.body, { level: zlib.constants.Z_BEST_COMPRESSION });
    file.encoded.set(encoding, body);
  }
  return body;
}

/** Brotli when the client takes it (browsers offer it over HTTPS and to localhost), else gzip, else none. */
function preferredEncoding(header: string | undefined): Encoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    weights.set(name, q === undefined ? 1 : Number(q.slice(2)));
  }
  const otherwise = weights.get('*') ?? 0;
  return ENCODINGS.find((encoding) => (weights.get(encoding) ?? otherwise) > 0);
}

function notBuilt(res: Response): void {
  res
    .status(503)
    .set('Cache-Control', 'no-store')
    .type('html')
    .send(
      [
        '<!doctype html>',
        '<html lang="en">',
        '<meta charset="utf-8">',
        '<title>seedfeed: the web app is not built</title>',
        '<h1>The web app is not built</h1>',
        '<p>Run <code>npm run build:web</code> (<code>npm start</code> does it before starting), then reload.',
        'The API answers meanwhile at <a href="/graphql">/graphql</a>.</p>',
        '',
      ].join('\n'),
    );
}
