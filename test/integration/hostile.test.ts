import { startTestApp, type TestApp } from '../support/harness';
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

  it('stores SQL-looking text verbatim', async () => {
    const creator = await signUp(app, 'CREATOR');
    const title = "Robert'); DROP TABLE notes;--";
    const id = await createNote(app, creator, { title, body: "1' OR '1'='1" });
    const res = await app.gql(`query($id: ID!) { note(id: $id) { title body } }`, { id });
    expect(res.body.data?.note).toEqual({ title, body: "1' OR '1'='1" });
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
