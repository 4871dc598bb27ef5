import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import jwt from 'jsonwebtoken';
import { percentile, round } from '../stats';
import { buildWorld } from './authz-world';
import { topFrame } from './authz';
import {
  caseSeed,
  excerpt,
  gqlOk,
  httpRequest,
  isRecord,
  parseJson,
  Rng,
  sleep,
  wsExchange,
  type DrillTarget,
  type Report,
  type ServerLogEntry,
  type WsOutcome,
} from './drill-kit';
import { CaseGenerator, type FuzzCase, type FuzzRequest, type FuzzWorld } from './fuzz-cases';
import { loadSdlSchema } from './sdl';

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Stop sending new cases after this long. */
  maxSeconds?: number;
  log?: (line: string) => void;
}

export interface FuzzResult {
  requests: number;
  /** Cases answered with a server error (HTTP 5xx, WebSocket 4500/1011) or an INTERNAL GraphQL error. */
  failing: number;
  crashes: number;
}

const INTERNAL_CODES = new Set(['INTERNAL', 'INTERNAL_SERVER_ERROR']);
const HEALTHZ_EVERY_MS = 50;
const IDLE_SECONDS = 5;
/** No answer from /healthz for this long, while the process runs, is a hang. */
const HANG_MS = 5000;
const REQUEST_TIMEOUT_MS = 20_000;
/** Crashes or hangs after which the fuzz stops: each costs a restart. */
const MAX_CRASHES = 5;

/** What one case was answered. */
interface Observation {
  transport: string;
  status: number;
  ms: number;
  /** No answer: a reset, a timeout... */
  failure?: string;
  /** HTTP 5xx, or a WebSocket closed with 4500 (graphql-ws: internal error) or 1011. */
  serverError: boolean;
  /** A GraphQL error with code INTERNAL or INTERNAL_SERVER_ERROR. */
  internal: boolean;
  codes: string[];
  message: string;
  paths: string[];
  closeCode?: number;
}

interface FailureGroup {
  key: string;
  count: number;
  serverError: boolean;
  internal: boolean;
  first: { fuzzCase: FuzzCase; observation: Observation };
  /** What the server logged when the first example was sent again on its own. */
  logged?: ServerLogEntry[];
}

/**
 * 10,000 generated GraphQL requests (valid, invalid and hostile; anonymous and signed in; over HTTP POST, GET and
 * graphql-ws), seeded so that a run can be repeated, while /healthz is polled every 50 ms. Any 5xx, INTERNAL error,
 * crash or hang is a finding: each distinct one is sent again alone to read what the server logged about it.
 */
export async function runFuzz(target: DrillTarget, report: Report, options: FuzzOptions): Promise<FuzzResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const concurrency = options.concurrency ?? 8;
  const maxMs = (options.maxSeconds ?? 280) * 1000;
  log(`fuzz: seed ${options.seed}, ${options.cases} cases, concurrency ${concurrency}`);
  const world = await fuzzWorld(target, log);
  const generator = new CaseGenerator(loadSdlSchema(), world);

  log(`fuzz: polling /healthz idle for ${IDLE_SECONDS} s`);
  const idle = startHealthz(target);
  await sleep(IDLE_SECONDS * 1000);
  const idleSamples = await idle.stop();

  const busy = startHealthz(target);
  const groups = new Map<string, FailureGroup>();
  const connectionGroups = new Map<string, FailureGroup>();
  const counts = { requests: 0, http: 0, ws: 0, fiveXx: 0, internal: 0, failing: 0, timeouts: 0, connectionErrors: 0, clean: 0 };
  const families = { valid: 0, invalid: 0, hostile: 0 };
  const crashes: string[] = [];
  const inFlight = new Map<number, FuzzCase>();
  /** When each case was in flight, to tell which kinds slow /healthz down. */
  const spans: Span[] = [];
  let next = 0;
  // Set from the workers and the monitor: an object, so that the compiler does not narrow it to its first value.
  const halt: { reason: string | null } = { reason: null };
  const started = performance.now();

  // The product died or hangs: note what was in flight, start it again, find which case did it (each alone), and
  // send no more cases of that kind; after too many, stop.
  const quarantined = new Map<string, string>();
  let skipped = 0;
  let recovering: Promise<void> | null = null;
  const checkHealth = async (): Promise<void> => {
    if (halt.reason) return;
    const dead = !target.alive();
    const hung = !dead && busy.silentFor() > HANG_MS;
    if (!dead && !hung) return;
    const what = dead ? 'the process exited' : `/healthz unanswered for ${Math.round(busy.silentFor() / 1000)} s`;
    const suspects = [...inFlight.values()];
    log(`fuzz: CRASH — ${what}; cases in flight: ${suspects.map((c) => `#${c.index} ${c.kind}`).join(', ') || 'none'}`);
    if (!target.restart || crashes.length >= MAX_CRASHES) {
      crashes.push(what);
      halt.reason = 'the product crashed';
      return;
    }
    await target.restart();
    let culprit: FuzzCase | undefined;
    for (const suspect of suspects) {
      const verdict = await aloneVerdict(target, suspect);
      if (verdict === 'ok') continue;
      culprit = suspect;
      log(`fuzz: case #${suspect.index} (${suspect.kind}) ${verdict} on its own; no more ${suspect.kind} cases will be sent`);
      quarantined.set(suspect.kind, `case #${suspect.index} ${verdict}: ${describeRequest(suspect.request)}`);
      await target.restart();
      break;
    }
    crashes.push(
      `${what}; ${culprit ? `culprit: case #${culprit.index} ${culprit.kind}: ${describeRequest(culprit.request)}` : 'no culprit found alone'}`,
    );
    busy.reset();
  };
  const monitor = setInterval(() => {
    recovering ??= checkHealth().finally(() => (recovering = null));
  }, 250);

  const worker = async () => {
    for (;;) {
      if (recovering) await recovering;
      if (halt.reason || next >= options.cases) return;
      if (performance.now() - started > maxMs) {
        halt.reason = `time limit of ${maxMs / 1000} s`;
        return;
      }
      const index = next++;
      const fuzzCase = generator.generate(index, new Rng(caseSeed(options.seed, index)));
      if (quarantined.has(fuzzCase.kind)) {
        skipped += 1;
        continue;
      }
      inFlight.set(index, fuzzCase);
      const sentAt = nowMs();
      const observation = await send(target, fuzzCase);
      inFlight.delete(index);
      spans.push({ kind: fuzzCase.kind, from: sentAt, to: nowMs() });
      counts.requests += 1;
      families[fuzzCase.family] += 1;
      if (observation.transport === 'ws') counts.ws += 1;
      else counts.http += 1;
      if (observation.serverError) counts.fiveXx += 1;
      if (observation.internal) counts.internal += 1;
      if (observation.failure === 'timeout') counts.timeouts += 1;
      else if (observation.failure) counts.connectionErrors += 1;
      if (observation.serverError || observation.internal) {
        counts.failing += 1;
        addToGroup(groups, failureKey(fuzzCase, observation), fuzzCase, observation);
      } else if (observation.failure) addToGroup(connectionGroups, connectionKey(fuzzCase, observation), fuzzCase, observation);
      else if (observation.status < 400 && observation.codes.length === 0) counts.clean += 1;
      if (counts.requests % 1000 === 0) {
        const rate = counts.requests / ((performance.now() - started) / 1000);
        log(
          `fuzz: ${counts.requests}/${options.cases} (${rate.toFixed(0)}/s) — 5xx ${counts.fiveXx}, internal ${counts.internal}, ` +
            `no answer ${counts.connectionErrors + counts.timeouts}, healthz p99 ${round(percentile(busy.samples(), 0.99), 1)} ms`,
        );
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
  } finally {
    clearInterval(monitor);
    if (recovering) await recovering;
  }
  const seconds = (performance.now() - started) / 1000;
  const busySamples = await busy.stop();
  if (!target.alive() && !halt.reason) crashes.push('the process had exited by the end of the fuzz');
  if (halt.reason) log(`fuzz: stopped early: ${halt.reason}`);

  // Each distinct failure's first example, alone, to read what the server logged about it.
  const distinct = [...groups.values()];
  if (target.alive()) {
    for (const group of distinct.slice(0, 60)) group.logged = await replay(target, group.first.fuzzCase);
  }
  printGroups(log, 'FAILING CASES (5xx / INTERNAL)', distinct);
  printGroups(log, 'UNANSWERED REQUESTS (resets, timeouts; not counted as failures)', [...connectionGroups.values()]);
  printSlowHealthz(log, busy.polls(), spans);
  if (crashes.length > 0) log(`fuzz: CRASHES AND HANGS:\n  ${crashes.join('\n  ')}`);
  if (skipped > 0) log(`fuzz: ${skipped} cases not sent, of kinds that crash or hang the product: ${[...quarantined.keys()].join(', ')}`);

  const p99 = (samples: number[]) => (samples.length > 0 ? round(percentile(samples, 0.99), 1) : -1);
  log(
    `fuzz: ${counts.requests} requests in ${seconds.toFixed(0)} s — 5xx ${counts.fiveXx}, internal ${counts.internal}, crashes ${crashes.length}; ` +
      `healthz p99 idle ${p99(idleSamples)} ms, during ${p99(busySamples)} ms (${busySamples.length} polls)`,
  );
  report({
    fuzz_seed: options.seed,
    fuzz_requests: counts.requests,
    fuzz_requests_http: counts.http,
    fuzz_requests_ws: counts.ws,
    fuzz_valid: families.valid,
    fuzz_invalid: families.invalid,
    fuzz_hostile: families.hostile,
    fuzz_answered_without_errors: counts.clean,
    fuzz_5xx: counts.fiveXx,
    fuzz_internal_errors: counts.internal,
    fuzz_failing_cases: counts.failing,
    fuzz_distinct_failures: distinct.length,
    fuzz_crashes: crashes.length,
    ...(quarantined.size > 0 ? { fuzz_crashing_kinds: [...quarantined.keys()].join(','), fuzz_skipped_cases: skipped } : {}),
    fuzz_timeouts: counts.timeouts,
    fuzz_unanswered: counts.connectionErrors,
    fuzz_seconds: round(seconds, 1),
    ...(halt.reason ? { fuzz_stopped_early: halt.reason } : {}),
    healthz_p99_ms_idle: p99(idleSamples),
    healthz_p99_ms_during_fuzz: p99(busySamples),
    healthz_p50_ms_during_fuzz: busySamples.length > 0 ? round(percentile(busySamples, 0.5), 1) : -1,
    healthz_max_ms_during_fuzz: busySamples.length > 0 ? round(Math.max(...busySamples), 1) : -1,
    healthz_polls_during_fuzz: busySamples.length,
  });
  return { requests: counts.requests, failing: counts.failing, crashes: crashes.length };
}

/** The fuzz's own accounts and resources (the authz world's kinds), and tokens for accounts that are not. */
async function fuzzWorld(target: DrillTarget, log: (line: string) => void): Promise<FuzzWorld> {
  const w = await buildWorld(target, log);
  const comment = await gqlOk(
    target,
    `mutation FuzzComment($input: CommentInput!) { comment(input: $input) { comment { id } error { code message } } }`,
    { input: { noteId: w.noteId, body: 'A comment for the fuzz' } },
    w.accounts.viewer.token,
  );
  const commentId = (comment.comment as { comment: { id: string } }).comment.id;
  const a = w.accounts;
  return {
    tokens: { viewer: a.viewer.token, creator: a.creator.token, brand: a.brand.token, admin: a.admin.token },
    ...tokensLike(a.viewer.token, target.env.JWT_SECRET ?? '', a.admin.id),
    ids: {
      user: [a.viewer.id, a.creator.id, a.otherCreator.id, a.brand.id, a.admin.id],
      note: [w.noteId, w.otherNoteId, w.draftId, w.removedId],
      product: [w.productId, w.otherProductId],
      brand: [w.brandId, w.otherBrandId],
      board: [w.boardId],
      order: [w.orderId],
      upload: [w.uploadId],
      comment: [commentId],
    },
  };
}

/**
 * Tokens as the product signs them (the claims of one of its own, whatever they are: issuer, audience...), each
 * wrong in one way: for an account that does not exist, expired, or signed with another secret.
 */
function tokensLike(real: string, secret: string, adminId: string): Pick<FuzzWorld, 'ghostToken' | 'expiredToken' | 'forgedToken'> {
  const decoded = jwt.decode(real);
  const claims = typeof decoded === 'object' && decoded !== null ? { ...decoded } : {};
  const nowSeconds = Math.floor(Date.now() / 1000);
  const sign = (changes: jwt.JwtPayload, key = secret) =>
    jwt.sign({ ...claims, iat: nowSeconds, exp: nowSeconds + 3600, ...changes }, key, { algorithm: 'HS256' });
  return {
    ghostToken: sign({ sub: randomUUID() }),
    expiredToken: sign({ iat: nowSeconds - 7200, exp: nowSeconds - 60 }),
    forgedToken: sign({ sub: adminId }, 'not-the-secret-0123456789abcdef'),
  };
}

// ---------------------------------------------------------------------------------------------
// Sending a case and reading its answer.

async function send(target: DrillTarget, fuzzCase: FuzzCase): Promise<Observation> {
  const { request, token } = fuzzCase;
  if (request.type === 'ws') return observeWs(await wsExchange(target.wsUrl, request.plan));
  if (request.type === 'http') {
    return observeHttp(
      request.method === 'GET' ? 'get' : 'post',
      await httpRequest(target.httpUrl, {
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        timeoutMs: REQUEST_TIMEOUT_MS,
      }),
    );
  }
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (request.transport === 'post') {
    return observeHttp(
      'post',
      await httpRequest(target.httpUrl, {
        path: '/graphql',
        headers: { 'content-type': 'application/json', ...auth },
        body: graphqlBody(request),
        timeoutMs: REQUEST_TIMEOUT_MS,
      }),
    );
  }
  if (request.transport === 'get') {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(request.payload)) {
      if (value !== undefined) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    if (request.rawVariables !== undefined) params.set('variables', request.rawVariables);
    return observeHttp(
      'get',
      await httpRequest(target.httpUrl, {
        method: 'GET',
        path: `/graphql?${params.toString()}`,
        headers: { 'apollo-require-preflight': 'true', ...auth },
        timeoutMs: REQUEST_TIMEOUT_MS,
      }),
    );
  }
  const frame = `{"id":"1","type":"subscribe","payload":${graphqlBody(request)}}`;
  return observeWs(
    await wsExchange(target.wsUrl, {
      token,
      frames: [frame],
      waitMs: 1000,
      doneWhen: (message) => message.id === '1' && (message.type === 'complete' || message.type === 'error'),
    }),
  );
}

/** The JSON of a GraphQL request; variables given as raw JSON text (1e400, 2^53+1, deep nesting) are spliced in as written. */
function graphqlBody(request: Extract<FuzzRequest, { type: 'graphql' }>): string {
  const body = JSON.stringify(request.payload);
  if (request.rawVariables === undefined) return body;
  return `${body.slice(0, -1)}${body.length > 2 ? ',' : ''}"variables":${request.rawVariables}}`;
}

function observeHttp(transport: string, answer: Awaited<ReturnType<typeof httpRequest>>): Observation {
  const parsed = parseJson(answer.body);
  const errors = isRecord(parsed) && Array.isArray(parsed.errors) ? parsed.errors : [];
  const found = readErrors(errors, isRecord(parsed) ? parsed.data : undefined);
  const bodyError = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : undefined;
  return {
    transport,
    status: answer.status,
    ms: answer.ms,
    ...(answer.failure ? { failure: answer.failure } : {}),
    serverError: answer.status >= 500,
    internal: found.codes.some((code) => INTERNAL_CODES.has(code)),
    codes: found.codes,
    message: found.message || (bodyError ? String(bodyError.message) : '') || (answer.status >= 400 ? excerpt(answer.body, 160) : ''),
    paths: found.paths,
  };
}

function observeWs(outcome: WsOutcome): Observation {
  const errors: unknown[] = [];
  let data: unknown;
  for (const message of outcome.messages) {
    if (message.type === 'error' && Array.isArray(message.payload)) errors.push(...(message.payload as unknown[]));
    if (message.type === 'next' && isRecord(message.payload)) {
      if (Array.isArray(message.payload.errors)) errors.push(...(message.payload.errors as unknown[]));
      data ??= message.payload.data;
    }
  }
  const found = readErrors(errors, data);
  const code = outcome.serverCloseCode;
  return {
    transport: 'ws',
    status: 0,
    ms: outcome.ms,
    ...(outcome.failure && !outcome.opened ? { failure: outcome.failure } : {}),
    serverError: code === 4500 || code === 1011,
    internal: found.codes.some((c) => INTERNAL_CODES.has(c)),
    codes: found.codes,
    message: found.message || (code !== undefined ? `closed ${code} ${outcome.serverCloseReason ?? ''}` : ''),
    paths: found.paths,
    ...(code !== undefined ? { closeCode: code } : {}),
  };
}

/** Codes, first message and paths of GraphQL errors, and the codes of payload errors (`{ error { code } }`) in the data. */
function readErrors(errors: readonly unknown[], data: unknown): { codes: string[]; message: string; paths: string[] } {
  const codes: string[] = [];
  const paths: string[] = [];
  let message = '';
  for (const error of errors) {
    if (!isRecord(error)) continue;
    message ||= String(error.message ?? '');
    const code = isRecord(error.extensions) ? error.extensions.code : undefined;
    codes.push(typeof code === 'string' ? code : 'NO_CODE');
    if (Array.isArray(error.path)) paths.push(error.path.filter((p) => typeof p === 'string').join('.'));
  }
  if (isRecord(data)) {
    for (const value of Object.values(data)) {
      if (isRecord(value) && isRecord(value.error) && typeof value.error.code === 'string') codes.push(value.error.code);
    }
  }
  return { codes, message, paths };
}

function failureKey(fuzzCase: FuzzCase, o: Observation): string {
  const answer = o.transport === 'ws' ? `ws close ${o.closeCode ?? '-'}` : `HTTP ${o.status}`;
  const internal = o.codes.filter((c) => INTERNAL_CODES.has(c));
  return `${answer} ${internal.join(',')} at ${o.paths.join(',') || '-'} (${fuzzCase.kind}) ${o.message.slice(0, 120)}`;
}

function connectionKey(fuzzCase: FuzzCase, o: Observation): string {
  return `${o.transport} ${o.failure ?? ''} (${fuzzCase.kind})`;
}

function addToGroup(groups: Map<string, FailureGroup>, key: string, fuzzCase: FuzzCase, observation: Observation): void {
  const group = groups.get(key);
  if (group) group.count += 1;
  else
    groups.set(key, {
      key,
      count: 1,
      serverError: observation.serverError,
      internal: observation.internal,
      first: { fuzzCase, observation },
    });
}

/**
 * Sends a case on its own while polling /healthz: 'hangs' when /healthz goes 3 s without an answer, 'crashes' when
 * the process exits, else 'ok'.
 */
async function aloneVerdict(target: DrillTarget, fuzzCase: FuzzCase): Promise<'ok' | 'hangs' | 'crashes'> {
  let done = false;
  const sending = send(target, fuzzCase).finally(() => (done = true));
  for (const deadline = performance.now() + REQUEST_TIMEOUT_MS; !done && performance.now() < deadline;) {
    const answer = await httpRequest(target.httpUrl, { method: 'GET', path: '/healthz', timeoutMs: 3000 });
    if (!target.alive()) return 'crashes';
    if (answer.status !== 200) return 'hangs';
    await sleep(100);
  }
  await sending;
  await sleep(200);
  return target.alive() ? 'ok' : 'crashes';
}

/** Sends a case again on its own and returns what the server logged while it was answered. */
async function replay(target: DrillTarget, fuzzCase: FuzzCase): Promise<ServerLogEntry[]> {
  const before = target.serverErrors().length;
  await send(target, fuzzCase);
  await sleep(300);
  return target.serverErrors().slice(before);
}

function printGroups(log: (line: string) => void, title: string, groups: readonly FailureGroup[]): void {
  if (groups.length === 0) return;
  log('');
  log(`fuzz: ${title}: ${groups.length} distinct`);
  for (const group of groups) {
    const { fuzzCase, observation } = group.first;
    log(`  × ${group.count}  ${group.key}`);
    log(
      `      first: case #${fuzzCase.index} ${fuzzCase.kind}, ${observation.transport}, actor ${fuzzCase.actor}, ${Math.round(observation.ms)} ms`,
    );
    log(`      request: ${describeRequest(fuzzCase.request)}`);
    for (const entry of group.logged ?? []) log(`      server: ${entry.msg} ${entry.error ?? ''} ${topFrame(entry.stack)}`.trimEnd());
  }
}

export function describeRequest(request: FuzzRequest): string {
  if (request.type === 'ws')
    return `ws frames ${excerpt(
      request.plan.frames.map((f) => (typeof f === 'string' ? f : `<binary ${f.length} B>`)),
      400,
    )}`;
  if (request.type === 'http') {
    const body =
      request.body === undefined
        ? ''
        : typeof request.body === 'string'
          ? request.body
          : `<${request.body.length} bytes: ${request.body.toString('latin1')}>`;
    return `${request.method} ${excerpt(request.path, 200)} ${excerpt(request.headers, 120)} ${excerpt(body, 300)}`;
  }
  return `${request.transport} ${excerpt(request.payload, 400)}${request.rawVariables !== undefined ? ` variables ${excerpt(request.rawVariables, 120)}` : ''}`;
}

// ---------------------------------------------------------------------------------------------

interface Span {
  kind: string;
  from: number;
  to: number;
}

interface HealthzPoller {
  samples(): number[];
  /** Each counted poll, with when it began and ended. */
  polls(): Span[];
  /** Milliseconds since /healthz last answered (0 while it answers). */
  silentFor(): number;
  reset(): void;
  stop(): Promise<number[]>;
}

/**
 * The poller's code, run on a thread of its own: on this thread, building and reading the fuzz's megabyte requests
 * would delay the polls and count the drill's own pauses as the product's. Plain JavaScript (node:http only), so
 * that it runs without the TypeScript loader.
 */
const HEALTHZ_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const now = () => performance.timeOrigin + performance.now();
let running = true;
parentPort.on('message', (message) => { if (message === 'stop') running = false; });
function poll() {
  return new Promise((resolve) => {
    const began = now();
    const request = http.get({ host: workerData.host, port: workerData.port, path: '/healthz', agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ began, ms: now() - began, status: response.statusCode }));
    });
    request.setTimeout(10000, () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ began, ms: now() - began, status: 0, failure: error.message === 'timeout' ? 'timeout' : error.code }));
  });
}
(async () => {
  while (running) {
    const result = await poll();
    parentPort.postMessage(result);
    const wait = workerData.everyMs - (now() - result.began);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  agent.destroy();
  parentPort.postMessage('done');
})();
`;

interface PollResult {
  began: number;
  ms: number;
  status: number;
  failure?: string;
}

/** Milliseconds since the epoch, with sub-millisecond precision: one clock for this thread and the poller's. */
function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** GET /healthz every 50 ms (the next one after the last is answered, at the earliest 50 ms after the last began). */
function startHealthz(target: DrillTarget): HealthzPoller {
  const url = new URL(target.httpUrl);
  const worker = new Worker(HEALTHZ_WORKER, {
    eval: true,
    workerData: { host: url.hostname, port: Number(url.port), everyMs: HEALTHZ_EVERY_MS },
  });
  const samples: number[] = [];
  const polls: Span[] = [];
  let lastAnswer = nowMs();
  const done = new Promise<void>((resolve) => {
    worker.on('message', (message: PollResult | 'done') => {
      if (message === 'done') {
        resolve();
        return;
      }
      // A poll the product left unanswered (timed out, or cut when a hung product was killed) counts for as long as it
      // waited; a refused connection (the product restarting) does not count.
      if (message.status === 200 || (message.failure !== undefined && message.failure !== 'ECONNREFUSED')) {
        samples.push(message.ms);
        polls.push({ kind: 'healthz', from: message.began, to: message.began + message.ms });
      }
      if (message.status === 200) lastAnswer = message.began + message.ms;
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
  return {
    samples: () => samples,
    polls: () => polls,
    silentFor: () => nowMs() - lastAnswer,
    reset: () => (lastAnswer = nowMs()),
    async stop() {
      worker.postMessage('stop');
      await Promise.race([done, sleep(15_000)]);
      await worker.terminate();
      return samples;
    },
  };
}

/** Above this, a /healthz poll is slow: the drill's target for its p99. */
const SLOW_HEALTHZ_MS = 100;

/**
 * Which kinds of case were in flight during the slow /healthz polls, against how much of the fuzz's time they were
 * in flight at all: a kind with a high lift is what blocks the event loop.
 */
function printSlowHealthz(log: (line: string) => void, polls: readonly Span[], spans: readonly Span[]): void {
  const slow = polls.filter((p) => p.to - p.from > SLOW_HEALTHZ_MS);
  if (slow.length === 0 || spans.length === 0) return;
  const during = new Map<string, number>();
  for (const poll of slow) {
    const kinds = new Set(spans.filter((s) => s.from < poll.to && s.to > poll.from).map((s) => s.kind));
    for (const kind of kinds) during.set(kind, (during.get(kind) ?? 0) + 1);
  }
  const total = spans.reduce((sum, s) => sum + (s.to - s.from), 0);
  const busy = new Map<string, number>();
  for (const span of spans) busy.set(span.kind, (busy.get(span.kind) ?? 0) + (span.to - span.from));
  const rows = [...during.entries()]
    .map(([kind, count]) => ({ kind, share: count / slow.length, time: (busy.get(kind) ?? 0) / total }))
    .map((row) => ({ ...row, lift: row.share / Math.max(row.time, 1e-6) }))
    .filter((row) => row.share >= 0.1)
    .sort((a, b) => b.lift - a.lift)
    .slice(0, 8);
  log('');
  log(
    `fuzz: ${slow.length} /healthz polls over ${SLOW_HEALTHZ_MS} ms; kinds in flight during them (share of slow polls, share of fuzz time):`,
  );
  for (const row of rows) {
    log(
      `  ${row.kind.padEnd(34)} ${(row.share * 100).toFixed(0).padStart(3)}% of slow polls, ${(row.time * 100).toFixed(1).padStart(5)}% of time`,
    );
  }
}
