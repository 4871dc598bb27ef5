import { createHash, randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/harness';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createNote, errorCode, signUp } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ GRAPHQL_MAX_DEPTH: '8', HTTP_BODY_LIMIT_BYTES: String(256 * 1024) });
});
afterAll(() => app.close());

async function stillServing(): Promise<void> {
  const res = await app.gql('{ ping }');
  expect(res.body.data).toEqual({ ping: true });
}

/** A GraphQL POST whose body is sent as given: an operationName, extensions, or JSON no client would build. */
function post(body: Record<string, unknown> | string, token?: string) {
  const req = app.http.post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

/** JSON arrays nested `depth` deep, as text: JSON.stringify itself would overflow building them. */
function nestedJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('hostile and malformed requests', () => {
  it('answers malformed GraphQL with a parse error and keeps serving', async () => {
    const res = await app.gql('{ feed(first: 20) { edges { node { id } }');
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await app.gql('{ noSuchField }');
    expect(errorCode(unknown)).toBe('GRAPHQL_VALIDATION_FAILED');
    const garbage = await app.http.post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(garbage.status).toBe(400);
    await stillServing();
  });

  it('refuses over-deep queries, including through fragments', async () => {
    const deep = `{ feed { edges { node { author { notes { edges { node { author { notes { edges { node { id } } } } } } } } } } } }`;
    expect(errorCode(await app.gql(deep))).toBe('QUERY_TOO_DEEP');
    const viaFragments = `query { feed { ...A } } fragment A on NoteConnection { edges { node { author { ...B } } } }
      fragment B on User { notes { edges { node { author { notes { edges { node { id } } } } } } } }`;
    expect(errorCode(await app.gql(viaFragments))).toBe('QUERY_TOO_DEEP');
    const cyclic = `query { feed { ...A } } fragment A on NoteConnection { edges { node { id } } ...A }`;
    expect((await app.gql(cyclic)).status).toBe(400);
    await stillServing();
  });

  it('refuses over-complex queries before running them', async () => {
    // Shallow enough for the depth limit: only the page sizes make it expensive.
    const wide = `{ feed(first: 50) { edges { node { comments(first: 50) { edges { node { id body createdAt } } } } } } }`;
    const res = await app.gql(wide);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.data).toBeUndefined();
    expect(errorCode(await app.gql('{ feed(first: 500) { edges { node { id } } } }'))).toBe('BAD_USER_INPUT');
    await stillServing();
  });

  it('refuses at parse time a document of thousands of aliases under the body limit, without stalling the API', async () => {
    // 10,000 aliases around one field, well under a megabyte: what once froze the API for seconds.
    const aliases = Array.from({ length: 10_000 }, (_, i) => `a${i}: ping`).join(' ');
    const started = performance.now();
    const res = await app.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.body.errors?.[0]?.message).toMatch(/2000 tokens/);
    expect(performance.now() - started).toBeLessThan(1000);
    await stillServing();
  });

  it('refuses documents with more aliases or directives than allowed', async () => {
    const aliased = await app.gql(`{ ${Array.from({ length: 31 }, (_, i) => `p${i}: ping`).join(' ')} }`);
    expect(errorCode(aliased)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(aliased.body.errors?.[0]?.message).toBe('The document has 31 aliases; the limit is 30');
    const directed = await app.gql(`{ ping ${'@include(if: true) '.repeat(31)}}`);
    expect(errorCode(directed)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(directed.body.errors?.map((e) => e.message)).toContain('The document has 31 directives; the limit is 30');
    expect((await app.gql(`{ ${Array.from({ length: 30 }, (_, i) => `p${i}: ping`).join(' ')} }`)).body.data?.p29).toBe(true);
  });

  it('refuses an operation whose cost cannot be estimated instead of running it unmeasured', async () => {
    // Few tokens, shallow, no alias: fragments spread ten times each, five levels, make 100,000 fields to estimate.
    const levels = Array.from({ length: 5 }, (_, i) => `fragment F${i + 1} on Query { ${`...F${i} `.repeat(10)}}`).join(' ');
    const bomb = `query { ...F5 } fragment F0 on Query { ping } ${levels}`;
    const started = performance.now();
    const res = await app.gql(bomb);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.data).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
    // Variables that do not fit their types are still told apart, as bad input.
    const badVariable = await app.gql(`query($n: Int!) { feed(first: $n) { edges { node { id } } } }`, { n: 'twenty' });
    expect(errorCode(badVariable)).toBe('BAD_USER_INPUT');
    await stillServing();
  });

  it('refuses an operationName that names no operation, or a document that leaves the choice open, before anything runs', async () => {
    const viewer = await signUp(app);
    const update = `mutation Update($i: [String!]!) { updateInterests(interests: $i) { user { interests } } }`;
    for (const operationName of ['Nope', '', 'constructor']) {
      const res = await post({ query: update, variables: { i: ['food'] }, operationName }, viewer.token);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toEqual({
        message: `The document has no operation named "${operationName}"`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const two = await post({ query: `${update} query Other { ping }`, variables: { i: ['food'] } }, viewer.token);
    expect(two.status).toBe(400);
    expect(two.body.errors[0]).toEqual({
      message: 'The document has several operations; say which one to run in operationName',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await app.gql('{ viewer { interests } }', {}, viewer.token)).body.data?.viewer.interests).toEqual([]);
    // Refusing "" did not stick to the same document sent with no operationName at all.
    const named = await post({ query: '{ ping }', operationName: '' });
    expect(errorCode(named)).toBe('BAD_USER_INPUT');
    expect((await post({ query: '{ ping }' })).body.data).toEqual({ ping: true });
  });

  it('measures a document of fragments spread twice at each of 22 levels without walking its 4 million paths', async () => {
    const levels = Array.from({ length: 22 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ');
    const started = performance.now();
    const res = await app.gql(`query { ...F22 } fragment F0 on Query { ping viewer { id } } ${levels}`);
    expect(errorCode(res)).toBe('QUERY_TOO_COMPLEX');
    expect(performance.now() - started).toBeLessThan(1000);
    await stillServing();
  });

  it('refuses variables nested past the limit as bad input, where they once overflowed the stack', async () => {
    for (const query of ['{ ping }', 'query Q($v: String!) { search(query: $v) { edges { cursor } } }']) {
      const res = await post(`{"query": ${JSON.stringify(query)}, "variables": {"v": ${nestedJson(100_000)}}}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toEqual({
        message: 'Variables are nested more than 32 levels deep',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect(errorCode(await post(`{"query": "{ ping }", "variables": {"v": ${nestedJson(33)}}}`))).toBe('BAD_USER_INPUT');
    expect((await post(`{"query": "{ ping }", "variables": {"v": ${nestedJson(32)}}}`)).body).toEqual({ data: { ping: true } });
    await stillServing();
  });

  it('refuses a subscription sent over HTTP instead of running it as a query', async () => {
    const res = await app.gql(`subscription { uploadProgress(id: "${randomUUID()}") { id status } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toEqual({
      message: 'Subscriptions are served over WebSocket at /graphql (graphql-ws protocol), not over HTTP',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses "__proto__" as an alias or a variable, which the executor cannot hold', async () => {
    const viewer = await signUp(app);
    const alias = await app.gql('{ __proto__: viewer { id } }', {}, viewer.token);
    expect(alias.status).toBe(400);
    expect(alias.body.errors?.[0]).toMatchObject({
      message: '"__proto__" cannot be an alias',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const variable = await post({
      query: 'query Q($__proto__: String!) { search(query: $__proto__) { edges { cursor } } }',
      variables: JSON.parse('{"__proto__": "lipstick"}') as unknown,
    });
    expect(variable.status).toBe(400);
    expect(variable.body.errors[0]).toMatchObject({
      message: '"$__proto__" cannot name a variable',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    // As a key of variables that no operation declares, it is only ignored.
    expect((await post({ query: '{ ping }', variables: JSON.parse('{"__proto__": {"x": 1}}') as unknown })).body).toEqual({
      data: { ping: true },
    });
  });

  it('answers automatic persisted queries, which no client of ours sends, with a client error', async () => {
    const ping = '{ ping }';
    const sha256Hash = createHash('sha256').update(ping).digest('hex');
    for (const body of [
      { query: ping, extensions: { persistedQuery: { version: 1, sha256Hash } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash } } },
      { query: ping, extensions: { persistedQuery: { version: 1, sha256Hash: 'deadbeef' } } },
      { extensions: { persistedQuery: { version: 99, sha256Hash: 'x' } } },
      { query: ping, extensions: { persistedQuery: { version: 1, sha256Hash: { $ne: 1 } } } },
    ]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    }
    await stillServing();
  });

  it('holds operations over WebSocket to the same limits, and messages to the body limit', async () => {
    const base = await app.listen();
    const client = createClient({ url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const refusal = (query: string) =>
      new Promise<unknown>((resolve) => {
        client.subscribe({ query }, { next: (message) => resolve(message.errors), error: resolve, complete: () => resolve(null) });
      });
    try {
      expect(
        await refusal(
          `query { feed { edges { node { author { notes { edges { node { author { notes { edges { node { id } } } } } } } } } } } }`,
        ),
      ).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_DEEP' }) })]);
      expect(await refusal(`{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: ping`).join(' ')} }`)).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/2000 tokens/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
      ]);
      expect(await refusal(`{ ${Array.from({ length: 31 }, (_, i) => `p${i}: ping`).join(' ')} }`)).toEqual([
        expect.objectContaining({ message: 'The document has 31 aliases; the limit is 30' }),
      ]);
      const unnamed = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: '{ ping }', operationName: 'Nope' },
          { next: (message) => resolve(message.errors), error: resolve, complete: () => resolve(null) },
        );
      });
      expect(unnamed).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    } finally {
      await client.dispose();
    }

    // Variables too deep for JSON.stringify once closed the socket with 4500; the client library cannot even send them.
    const raw = new WebSocket(`${base.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: { type: string; id?: string; payload?: unknown }[] = [];
    const received = (type: string) =>
      new Promise<{ payload?: unknown }>((resolve) => {
        const check = () => {
          const found = messages.find((message) => message.type === type);
          if (found) resolve(found);
          else raw.once('message', check);
        };
        check();
      });
    raw.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as { type: string }));
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await received('connection_ack');
    raw.send(`{"id": "1", "type": "subscribe", "payload": {"query": "{ ping }", "variables": {"v": ${nestedJson(100_000)}}}}`);
    expect((await received('error')).payload).toEqual([
      expect.objectContaining({
        message: 'Variables are nested more than 32 levels deep',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    raw.close();

    // A message past the body limit (256 KB here) closes the connection instead of being read.
    const socket = new WebSocket(`${base.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(300 * 1024) } }));
    expect(await closed).toBe(1009);
    await stillServing();
  });

  it('refuses oversized bodies and strings with clear errors', async () => {
    const huge = await app.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ ping }`, variables: { x: 'x'.repeat(300 * 1024) } });
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const creator = await signUp(app, 'CREATOR');
    const long = await app.gql(
      `mutation($input: CreateNoteInput!) { createNote(input: $input) { error { code field } } }`,
      { input: { kind: 'IMAGE', title: 'ok', body: '长'.repeat(5001), media: [{ url: 'https://a.example/x.jpg', width: 1, height: 1 }] } },
      creator.token,
    );
    expect(long.body.data?.createNote.error).toEqual({ code: 'BAD_USER_INPUT', field: 'body' });
    await stillServing();
  });

  it('answers NUL characters, which PostgreSQL cannot store, as bad input and keeps the good events of a batch', async () => {
    const creator = await signUp(app, 'CREATOR');
    const noteId = await createNote(app, creator);
    // Straight to a query's parameter, with no input schema in the way.
    const login = await app.gql(`mutation { logIn(input: { login: "a\\u0000b", password: "whatever" }) { error { code } } }`);
    expect(login.status).toBe(200);
    expect(login.body.errors).toBeUndefined();
    expect(['BAD_USER_INPUT', 'INVALID_CREDENTIALS']).toContain(login.body.data?.logIn.error.code);
    const search = await app.gql(`query($q: String!) { search(query: $q) { edges { node { __typename } } } }`, { q: 'lip\u0000stick' });
    expect(JSON.stringify(search.body)).not.toContain('INTERNAL');
    const note = await app.gql(
      `mutation($input: CreateNoteInput!) { createNote(input: $input) { error { code field } } }`,
      { input: { kind: 'IMAGE', title: 'nul\u0000title', media: [{ url: 'https://a.example/x.jpg', width: 1, height: 1 }] } },
      creator.token,
    );
    expect(note.body.data?.createNote.error).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    const events = await app.gql(
      `mutation($events: [EventInput!]!) { recordEvents(events: $events) { accepted rejected { index code } } }`,
      {
        events: [
          { eventId: randomUUID(), type: 'IMPRESSION', noteId, sessionId: 'bad\u0000session' },
          { eventId: randomUUID(), type: 'IMPRESSION', noteId, sessionId: 'good' },
        ],
      },
      creator.token,
    );
    expect(events.body.data?.recordEvents).toEqual({ accepted: 1, rejected: [{ index: 0, code: 'BAD_USER_INPUT' }] });
    await stillServing();
  });

  it('stores SQL-looking text verbatim', async () => {
    const creator = await signUp(app, 'CREATOR');
    const title = "Robert'); DROP TABLE notes;--";
    const id = await createNote(app, creator, { title, body: "1' OR '1'='1" });
    const res = await app.gql(`query($id: ID!) { note(id: $id) { title body } }`, { id });
    expect(res.body.data?.note).toEqual({ title, body: "1' OR '1'='1" });
  });

  it('keeps metric labels to names the schema and the API define, whatever clients call their operations and paths', async () => {
    for (let i = 0; i < 20; i += 1) {
      await app.gql(`query Made_Up_${i} { ping }`);
      await app.gql(`{ madeUpField${i} }`);
      await app.http.get(`/made-up-path-${i}`);
    }
    const metrics = (await app.http.get('/metrics')).text;
    expect(metrics).not.toMatch(/Made_Up_|madeUpField|made-up-path/);
    expect(metrics).toContain('operation="query.ping"');
    expect(metrics).toContain('operation="invalid"');
    expect(metrics).toContain('route="web"');
  });

  it('reports health, readiness and Prometheus metrics', async () => {
    expect((await app.http.get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await app.http.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: true, redis: true });
    const metrics = await app.http.get('/metrics');
    expect(metrics.text).toContain('graphql_operations_total');
    expect(metrics.text).toContain('http_request_duration_seconds');
  });
});
