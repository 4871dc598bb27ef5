import { createNote, errorCode, signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

const RELATED = `query($id: ID!, $first: Int, $after: String) { relatedNotes(noteId: $id, first: $first, after: $after) {
  edges { cursor node { id author { id } } } pageInfo { hasNextPage endCursor } } }`;

let app: TestApp;
let creator: Account;
let other: Account;
let viewer: Account;
let note: string;
let sameTopic: string[];
let otherTopic: string;
let draft: string;

// No model serves in a fresh app, so related notes are those sharing the note's topics.
beforeAll(async () => {
  app = await startTestApp();
  [creator, other, viewer] = await Promise.all([signUp(app, 'CREATOR'), signUp(app, 'CREATOR'), signUp(app, 'CREATOR')]);
  note = await createNote(app, creator, { topics: ['travel', 'food'] });
  sameTopic = [
    await createNote(app, creator, { topics: ['travel'] }),
    await createNote(app, other, { topics: ['food'] }),
    await createNote(app, other, { topics: ['travel'] }),
  ];
  otherTopic = await createNote(app, other, { topics: ['tech'] });
  draft = await createNote(app, creator, { topics: ['travel'], publish: false });
});
afterAll(() => app.close());

type Page = {
  edges: { cursor: string; node: { id: string; author: { id: string } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

async function related(token?: string, first = 20, after: string | null = null): Promise<Page> {
  const res = await app.gql(RELATED, { id: note, first, after }, token);
  if (!res.body.data?.relatedNotes) throw new Error(JSON.stringify(res.body));
  return res.body.data.relatedNotes as Page;
}

describe('related notes', () => {
  it('are published notes sharing a topic, never the note itself', async () => {
    const page = await related();
    expect(page.edges.map((e) => e.node.id).sort()).toEqual([...sameTopic].sort());
    expect(page.edges.map((e) => e.node.id)).not.toContain(otherTopic);
    expect(page.edges.map((e) => e.node.id)).not.toContain(draft);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('page through one order without repeats', async () => {
    const all = (await related()).edges.map((e) => e.node.id);
    const first = await related(undefined, 2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await related(undefined, 2, first.pageInfo.endCursor);
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(all);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('leave out the notes and creators the viewer hid, and the viewer’s own notes', async () => {
    const own = await createNote(app, viewer, { topics: ['food'] });
    await app.gql(`mutation($id: ID!) { hideNote(noteId: $id) }`, { id: sameTopic[0] }, viewer.token);
    await app.gql(`mutation($id: ID!) { hideCreator(userId: $id) }`, { id: other.id }, viewer.token);
    const seen = (await related(viewer.token)).edges.map((e) => e.node.id);
    expect(seen).toEqual([]);
    // Hiding is the viewer's own: anyone else still sees them, and the viewer's new note too.
    expect((await related()).edges.map((e) => e.node.id).sort()).toEqual([...sameTopic, own].sort());
  });

  it('exist only for published notes, and refuse forged cursors', async () => {
    expect(errorCode(await app.gql(RELATED, { id: draft }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(RELATED, { id: note, after: 'bm9wZQ' }))).toBe('BAD_CURSOR');
    expect(errorCode(await app.gql(RELATED, { id: note, first: 500 }))).toBe('BAD_USER_INPUT');
  });
});
