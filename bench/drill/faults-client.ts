import { randomBytes } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

// The drills' client side: GraphQL over plain HTTP with a timeout, what each answer was, sign-ups and uploads.

export interface GqlError {
  message: string;
  extensions?: { code?: string };
}

export interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: GqlError[];
}

/** One request's outcome: `ok` when answered 200 without GraphQL errors. */
export interface Outcome {
  ok: boolean;
  /** HTTP status; 0 when there was no answer (refused, reset, timed out). */
  status: number;
  body: GqlBody | null;
  /** The transport error or the first GraphQL error code, when not ok. */
  failure: string | null;
  start: number;
  end: number;
  port: number;
}

export interface RequestOptions {
  token?: string | undefined;
  agent?: http.Agent;
  timeoutMs?: number;
}

export function gql(port: number, query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<Outcome> {
  const body = JSON.stringify({ query, variables });
  const start = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (status: number, parsed: GqlBody | null, failure: string | null): void => {
      if (settled) return;
      settled = true;
      resolve({ ok: failure === null, status, body: parsed, failure, start, end: Date.now(), port });
    };
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const request = http.request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers, agent: options.agent ?? false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => finish(response.statusCode ?? 0, null, `response: ${error.message}`));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          let parsed: GqlBody;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GqlBody;
          } catch {
            finish(status, null, `HTTP ${status}: not JSON`);
            return;
          }
          const firstError = parsed.errors?.[0];
          if (firstError) finish(status, parsed, firstError.extensions?.code ?? firstError.message);
          else if (status !== 200) finish(status, parsed, `HTTP ${status}`);
          else finish(status, parsed, null);
        });
      },
    );
    request.setTimeout(options.timeoutMs ?? 15_000, () => {
      request.destroy(new Error('timed out'));
    });
    request.on('error', (error: NodeJS.ErrnoException) => finish(0, null, error.code ?? error.message));
    request.end(body);
  });
}

/** `data[field]` of an answer, typed by the caller. */
export function field<T>(outcome: Outcome, name: string): T | undefined {
  return (outcome.body?.data?.[name] ?? undefined) as T | undefined;
}

export interface Account {
  id: string;
  token: string;
  handle: string;
}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id handle } error { code message } } }`;

export async function signUp(
  port: number,
  role: 'VIEWER' | 'CREATOR' | 'BRAND',
  prefix: string,
  extra: Record<string, unknown> = {},
): Promise<Account> {
  const handle = `${prefix}_${randomBytes(5).toString('hex')}`;
  const outcome = await gql(port, SIGN_UP, {
    input: {
      handle,
      password: 'drill password',
      displayName: `Drill ${handle}`,
      role,
      ...(role === 'BRAND' ? { brandName: `Brand ${handle}` } : {}),
      ...extra,
    },
  });
  const payload = field<{ token?: string; user?: { id: string } }>(outcome, 'signUp');
  if (!payload?.token || !payload.user) throw new Error(`sign-up failed: ${JSON.stringify(outcome.body ?? outcome.failure)}`);
  return { id: payload.user.id, token: payload.token, handle };
}

export async function createProduct(port: number, brand: Account, stock: number): Promise<string> {
  const outcome = await gql(
    port,
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } error { code message } } }`,
    {
      input: {
        title: 'Drill lipstick',
        priceMinor: 1990,
        currency: 'CNY',
        category: 'beauty',
        stock,
        buyUrl: 'https://shop.example.com/p/drill',
      },
    },
    { token: brand.token },
  );
  const id = field<{ product?: { id: string } }>(outcome, 'createProduct')?.product?.id;
  if (!id) throw new Error(`createProduct failed: ${JSON.stringify(outcome.body ?? outcome.failure)}`);
  return id;
}

export interface UploadAnswer {
  /** HTTP status; 0 when the connection failed or timed out without an answer. */
  status: number;
  json: { id?: string; error?: { code?: string; reason?: string; message?: string } } | null;
  failure: string | null;
  ms: number;
}

/** POST /uploads of one file as multipart/form-data. */
export async function upload(port: number, token: string, file: string, timeoutMs = 60_000): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', await openAsBlob(file), path.basename(file));
  const start = Date.now();
  try {
    const response = await fetch(`http://127.0.0.1:${port}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let json: UploadAnswer['json'] = null;
    try {
      json = JSON.parse(text) as UploadAnswer['json'];
    } catch {
      json = null;
    }
    return { status: response.status, json, failure: null, ms: Date.now() - start };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: 0, json: null, failure: cause ?? (error as Error).name, ms: Date.now() - start };
  }
}

export interface UploadState {
  status: 'PROCESSING' | 'READY' | 'FAILED';
  progress: number;
  failure: { reason: string; message: string } | null;
  playlistUrl: string | null;
  renditions: { name: string; playlistUrl: string }[];
  images: { url: string }[];
}

/** `upload(id)` as its owner sees it; null when the request failed. */
export async function uploadState(port: number, token: string, id: string): Promise<UploadState | null> {
  const outcome = await gql(
    port,
    `query($id: ID!) { upload(id: $id) { status progress failure { reason message } playlistUrl renditions { name playlistUrl } images { url } } }`,
    { id },
    { token, timeoutMs: 10_000 },
  );
  return outcome.ok ? (field<UploadState>(outcome, 'upload') ?? null) : null;
}

/** GET (or HEAD) of a path on the API: the status and, for GET, the body as text. */
export async function httpGet(port: number, urlPath: string, method: 'GET' | 'HEAD' = 'GET'): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${urlPath}`, { method, signal: AbortSignal.timeout(10_000) });
    return { status: response.status, text: method === 'GET' ? await response.text() : '' };
  } catch {
    return { status: 0, text: '' };
  }
}
