import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import sharp from 'sharp';
import WebSocket from 'ws';
import { seededRandom } from '../../recommender/training/random';

const ROOT = path.join(__dirname, '..', '..');

/** A figure of drills.json: a flat object of numbers, flags and short strings. */
export type Figures = Record<string, number | boolean | string>;
export type Report = (figures: Figures) => void;

/** A line the server logged at error level or above (pino's JSON), or a line of its stderr. */
export interface ServerLogEntry {
  at: number;
  level: number;
  msg: string;
  error?: string;
  stack?: string;
}

/** The running product a drill is aimed at. */
export interface DrillTarget {
  /** http://127.0.0.1:port */
  httpUrl: string;
  /** ws://127.0.0.1:port/graphql */
  wsUrl: string;
  /** The product's environment (DATABASE_URL, JWT_SECRET, NODE_ENV...), for `npm run admin:create` against its database. */
  env: Readonly<Record<string, string>>;
  /** Whether the product's process is still running. */
  alive(): boolean;
  /** What the product logged at error level or above since it started. */
  serverErrors(): readonly ServerLogEntry[];
  /** Starts the product again on the same database after it died; resolves once it is ready. */
  restart?(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// A seeded PRNG, so that a run can be repeated case for case.

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return (entries.at(-1) as [K, number])[0];
  }

  /** A random (version 4) UUID from this generator. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = ((this.int(0, 15) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

/** A case's own seed: the same case whatever the order the workers take cases in. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// HTTP.

export interface HttpAnswer {
  /** 0 when no answer came (network error or timeout). */
  status: number;
  body: string;
  ms: number;
  /** Why no answer came: ECONNRESET, timeout... */
  failure?: string;
}

export interface HttpRequestOptions {
  method?: 'GET' | 'POST';
  /** Path and query string, e.g. /graphql?query=... */
  path: string;
  headers?: http.OutgoingHttpHeaders;
  body?: string | Buffer;
  timeoutMs?: number;
  agent?: http.Agent;
}

/** One HTTP request; never rejects: a failure is in the answer. */
export function httpRequest(baseUrl: string, options: HttpRequestOptions): Promise<HttpAnswer> {
  const url = new URL(baseUrl);
  const started = performance.now();
  const headers: http.OutgoingHttpHeaders = { ...options.headers };
  if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<HttpAnswer, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, ms: performance.now() - started });
    };
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: options.path,
        method: options.method ?? 'POST',
        headers,
        agent: options.agent ?? false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => finish({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => finish({ status: response.statusCode ?? 0, body: '', failure: error.message }));
      },
    );
    request.setTimeout(options.timeoutMs ?? 30_000, () => {
      request.destroy(new Error('timeout'));
    });
    request.on('error', (error: NodeJS.ErrnoException) => finish({ status: 0, body: '', failure: error.code ?? error.message }));
    request.end(options.body);
  });
}

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLAnswer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
  /** The answer was not JSON, or no answer came. */
  raw?: string;
}

/** A GraphQL operation over HTTP POST, as the web app sends it. */
export async function gql(
  target: Pick<DrillTarget, 'httpUrl'>,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLAnswer> {
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const answer = await httpRequest(target.httpUrl, { path: '/graphql', headers, body: JSON.stringify({ query, variables }) });
  const parsed = parseJson(answer.body);
  if (!isRecord(parsed)) return { status: answer.status, raw: answer.failure ?? answer.body.slice(0, 500) };
  return {
    status: answer.status,
    data: isRecord(parsed.data) ? parsed.data : null,
    ...(Array.isArray(parsed.errors) ? { errors: parsed.errors as GraphQLError[] } : {}),
  };
}

/** The data of an operation that must succeed (world set-up): anything else stops the drill with what was answered. */
export async function gqlOk(
  target: Pick<DrillTarget, 'httpUrl'>,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Record<string, unknown>> {
  const answer = await gql(target, query, variables, token);
  const payloadError = answer.data && Object.values(answer.data).find((v) => isRecord(v) && isRecord(v.error));
  if (!answer.data || answer.errors?.length || payloadError) {
    throw new Error(
      `set-up operation failed (HTTP ${answer.status}): ${JSON.stringify(answer.errors ?? payloadError ?? answer.raw)}\n${query}`,
    );
  }
  return answer.data;
}

// ---------------------------------------------------------------------------------------------
// WebSocket (the graphql-ws protocol, spoken by hand so that hostile frames can be sent too).

export const GRAPHQL_WS_PROTOCOL = 'graphql-transport-ws';

export interface WsPlan {
  /** The first frame; null sends none (a client that never initialises). Default: connection_init with the token. */
  init?: string | Buffer | null;
  token?: string;
  /** Frames sent after the acknowledgement (or right after init when none comes within the wait). */
  frames: (string | Buffer)[];
  /** How long to wait for each stage. */
  waitMs: number;
  /** Stop waiting once a message says the exchange is over. */
  doneWhen?: (message: WsMessage) => boolean;
  /** Subprotocols offered; default graphql-transport-ws. */
  protocol?: string | string[];
}

export interface WsMessage {
  type?: string;
  id?: string;
  payload?: unknown;
  [key: string]: unknown;
}

export interface WsOutcome {
  opened: boolean;
  acked: boolean;
  messages: WsMessage[];
  /** The server closed the socket with this code (undefined: still open when we closed it, or never opened). */
  serverCloseCode?: number;
  serverCloseReason?: string;
  /** Why the connection failed: an HTTP refusal of the upgrade, a reset... */
  failure?: string;
  ms: number;
}

/** One graphql-ws exchange by plan; never rejects. */
export function wsExchange(url: string, plan: WsPlan): Promise<WsOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const outcome: WsOutcome = { opened: false, acked: false, messages: [], ms: 0 };
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, plan.protocol ?? GRAPHQL_WS_PROTOCOL, { handshakeTimeout: plan.waitMs * 2 });
    } catch (error) {
      resolve({ ...outcome, failure: String(error), ms: performance.now() - started });
      return;
    }
    let closedByUs = false;
    let timer: NodeJS.Timeout | undefined;
    let stage: 'init' | 'exchange' | 'done' = 'init';
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      outcome.ms = performance.now() - started;
      resolve(outcome);
    };
    const finish = () => {
      if (stage === 'done') return;
      stage = 'done';
      if (timer) clearTimeout(timer);
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) {
        closedByUs = true;
        // A graceful close; a server that never answers it is cut after a moment.
        socket.close(1000);
        timer = setTimeout(() => {
          socket.terminate();
          settle();
        }, 1000);
      } else settle();
    };
    const sendFrames = () => {
      stage = 'exchange';
      for (const frame of plan.frames) {
        if (socket.readyState !== WebSocket.OPEN) break;
        socket.send(frame);
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(finish, plan.waitMs);
    };
    socket.on('open', () => {
      outcome.opened = true;
      const init = plan.init === undefined ? JSON.stringify(initMessage(plan.token)) : plan.init;
      if (init === null) {
        sendFrames();
        return;
      }
      socket.send(init);
      timer = setTimeout(sendFrames, plan.waitMs);
    });
    socket.on('message', (data: WebSocket.RawData) => {
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      const parsed = parseJson(text);
      const message: WsMessage = isRecord(parsed) ? parsed : { type: '(not json)', raw: text.slice(0, 200) };
      outcome.messages.push(message);
      if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
      if (stage === 'init' && message.type === 'connection_ack') {
        outcome.acked = true;
        if (timer) clearTimeout(timer);
        sendFrames();
        return;
      }
      if (stage === 'exchange' && plan.doneWhen?.(message)) finish();
    });
    socket.on('unexpected-response', (_request, response) => {
      outcome.failure = `upgrade refused: HTTP ${response.statusCode ?? 0}`;
      socket.terminate();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      outcome.failure ??= error.code ?? error.message;
    });
    socket.on('close', (code: number, reason: Buffer) => {
      if (!closedByUs && outcome.opened) {
        outcome.serverCloseCode = code;
        outcome.serverCloseReason = reason.toString('utf8').slice(0, 200);
      }
      stage = 'done';
      settle();
    });
  });
}

export function initMessage(token: string | undefined): WsMessage {
  return token ? { type: 'connection_init', payload: { authorization: `Bearer ${token}` } } : { type: 'connection_init' };
}

// ---------------------------------------------------------------------------------------------
// Accounts.

export const DRILL_PASSWORD = 'drill-password-1';

export interface Account {
  id: string;
  handle: string;
  token: string;
  role: string;
  /** The brand a brand account owns. */
  brandId?: string;
}

/** A fresh account through the API's signUp; brand accounts get a brand of the same name. */
export async function signUp(target: Pick<DrillTarget, 'httpUrl'>, handle: string, role: 'VIEWER' | 'CREATOR' | 'BRAND'): Promise<Account> {
  const data = await gqlOk(
    target,
    `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { token user { id handle role brand { id } } error { code message } } }`,
    {
      input: {
        handle,
        password: DRILL_PASSWORD,
        displayName: `Drill ${handle}`,
        role,
        interests: ['beauty', 'tech'],
        ...(role === 'BRAND' ? { brandName: `Drill brand ${handle}` } : {}),
      },
    },
  );
  const payload = data.signUp as { token: string; user: { id: string; handle: string; role: string; brand: { id: string } | null } };
  return {
    id: payload.user.id,
    handle: payload.user.handle,
    token: payload.token,
    role: payload.user.role,
    ...(payload.user.brand ? { brandId: payload.user.brand.id } : {}),
  };
}

export async function logIn(target: Pick<DrillTarget, 'httpUrl'>, login: string): Promise<Account> {
  const data = await gqlOk(
    target,
    `mutation LogIn($input: LogInInput!) { logIn(input: $input) { token user { id handle role } error { code message } } }`,
    { input: { login, password: DRILL_PASSWORD } },
  );
  const payload = data.logIn as { token: string; user: { id: string; handle: string; role: string } };
  return { id: payload.user.id, handle: payload.user.handle, token: payload.token, role: payload.user.role };
}

/**
 * An administrator made the way operators make one, `npm run admin:create` (scripts/admin-create.ts, the password on
 * standard input) against the product's database, then signed in through the API.
 */
export async function createAdmin(target: Pick<DrillTarget, 'httpUrl' | 'env'>, handle: string): Promise<Account> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'admin-create.ts'), '--handle', handle], {
      cwd: ROOT,
      env: { ...process.env, ...target.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`admin:create exited with ${code}: ${output.trim()}`))));
    child.stdin.end(`${DRILL_PASSWORD}\n`);
  });
  const admin = await logIn(target, handle);
  if (admin.role !== 'ADMIN') throw new Error(`admin:create made ${handle} a ${admin.role}`);
  return admin;
}

/** A small PNG (64×48, one colour), for POST /uploads. */
export function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();
}

/** Uploads an image as the account (POST /uploads, multipart); returns the upload's id. */
export async function uploadImage(target: Pick<DrillTarget, 'httpUrl'>, token: string): Promise<string> {
  const file = await smallPng();
  const boundary = `drill${Date.now().toString(16)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="drill.png"\r\nContent-Type: image/png\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const answer = await httpRequest(target.httpUrl, {
    path: '/uploads',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${token}` },
    body,
  });
  const parsed = parseJson(answer.body);
  if (answer.status !== 201 || !isRecord(parsed) || typeof parsed.id !== 'string') {
    throw new Error(`upload failed: HTTP ${answer.status} ${answer.failure ?? answer.body.slice(0, 300)}`);
  }
  return parsed.id;
}

// ---------------------------------------------------------------------------------------------

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A one-line, bounded rendering of anything, for printing a case. */
export function excerpt(value: unknown, max = 300): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}… (${flat.length} chars)` : flat;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
