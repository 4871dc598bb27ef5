import { randomUUID } from 'node:crypto';
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
    } finally {
      await client.dispose();
    }

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
