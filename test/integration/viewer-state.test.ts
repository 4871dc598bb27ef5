import { RedisCacheBus } from '../../core/cache-bus';
import { createLogger } from '../../core/logger';
import { ReadCache, rowsById } from '../../core/read-cache';
import { NotesRepository, type CandidateRow, type NoteCard } from '../../models/repositories/notes.repository';
import { repositoriesFor } from '../../models/transaction';
import { FeedService } from '../../recommender/feed.service';
import { RECALL_QUOTAS, type RecallQuotas } from '../../recommender/recall-quotas';
import { FeedSessionStore } from '../../recommender/serving/session-store';
import { TrendingService } from '../../recommender/trending.service';
import { cacheBusChannel } from '../../services';
import { eventually } from '../support/eventually';
import { createNote, signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let creators: Account[];

beforeAll(async () => {
  app = await startTestApp();
  creators = await Promise.all(Array.from({ length: 3 }, () => signUp(app, 'CREATOR')));
  for (let i = 0; i < 30; i += 1) await createNote(app, creators[i % 3] as Account, { title: `note ${i}`, topics: ['food'] });
  await new TrendingService(new NotesRepository(app.database.db)).refresh();
});
afterAll(() => app.close());

/** A second API process: its own caches, the same database and Redis. */
function otherProcess(quotas: RecallQuotas = RECALL_QUOTAS): FeedService {
  const cache = { max: 1000, ttlMs: 60_000 };
  return new FeedService({
    repos: repositoriesFor(app.database.db),
    sessions: new FeedSessionStore(app.redis),
    cards: new ReadCache<NoteCard>(cache),
    candidateRows: new ReadCache<CandidateRow>(cache),
    hideSoldOut: false,
    quotas,
  });
}

describe('what an API process caches of a viewer', () => {
  it('is dropped everywhere as soon as the viewer acts in any process', async () => {
    const viewer = await signUp(app, 'VIEWER');
    const other = otherProcess();
    const hidden = creators[0] as Account;
    const authors = async () => (await other.page('for_you', viewer.id, 30, null)).items.map((i) => i.note.authorId);
    expect(await authors()).toContain(hidden.id);
    // Through the API, i.e. another process than `other`, which has the viewer cached from the page above.
    await app.gql(`mutation($id: ID!) { hideCreator(userId: $id) }`, { id: hidden.id }, viewer.token);
    expect(await authors()).not.toContain(hidden.id);
  });

  it('sees a follow made elsewhere on the next page', async () => {
    const viewer = await signUp(app, 'VIEWER');
    const other = otherProcess();
    const followed = creators[1] as Account;
    const reasons = async () => (await other.page('for_you', viewer.id, 30, null)).items.filter((i) => i.note.authorId === followed.id);
    expect((await reasons()).some((i) => i.reason?.includes('you follow this creator'))).toBe(false);
    await app.gql(`mutation($id: ID!) { follow(userId: $id) { id } }`, { id: followed.id }, viewer.token);
    const after = await reasons();
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((i) => i.reason?.includes('you follow this creator'))).toBe(true);
  });
});

describe('what a For-You page says of the viewer’s likes and collects', () => {
  const marksOf = async (feed: FeedService, viewerId: string) =>
    new Map((await feed.page('for_you', viewerId, 30, null)).items.map((i) => [i.note.id, i.card]));

  it('follows likes and collects made in another process', async () => {
    const viewer = await signUp(app, 'VIEWER');
    const other = otherProcess();
    const [liked, collected] = [...(await marksOf(other, viewer.id)).keys()] as [string, string];
    await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id: liked }, viewer.token);
    await app.gql(`mutation($id: ID!) { collect(noteId: $id) { id } }`, { id: collected }, viewer.token);
    const marked = await marksOf(other, viewer.id);
    expect(marked.get(liked)).toMatchObject({ viewerHasLiked: true, viewerHasCollected: false });
    expect(marked.get(collected)).toMatchObject({ viewerHasLiked: false, viewerHasCollected: true });
    expect([...marked.values()].filter((card) => card?.viewerHasLiked || card?.viewerHasCollected)).toHaveLength(2);

    await app.gql(`mutation($id: ID!) { unlike(noteId: $id) { id } }`, { id: liked }, viewer.token);
    expect((await marksOf(other, viewer.id)).get(liked)).toMatchObject({ viewerHasLiked: false });
  });

  it('match what the API answers note by note', async () => {
    const viewer = await signUp(app, 'VIEWER');
    const query = `{ feed(first: 30) { edges { node { id viewerHasLiked viewerHasCollected } } } }`;
    type Marked = { id: string; viewerHasLiked: boolean; viewerHasCollected: boolean };
    const nodes = async () => ((await app.gql(query, {}, viewer.token)).body.data?.feed.edges as { node: Marked }[]).map((e) => e.node);
    const [a, b] = await nodes();
    await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id: a?.id }, viewer.token);
    await app.gql(`mutation($id: ID!) { collect(noteId: $id) { id } }`, { id: b?.id }, viewer.token);
    const page = await nodes();
    const single = async (id: string) =>
      (await app.gql(`query($id: ID!) { note(id: $id) { id viewerHasLiked viewerHasCollected } }`, { id }, viewer.token)).body.data
        ?.note as Marked;
    expect(page.filter((n) => n.viewerHasLiked).map((n) => n.id)).toEqual([a?.id]);
    expect(page.filter((n) => n.viewerHasCollected).map((n) => n.id)).toEqual([b?.id]);
    for (const node of page.slice(0, 5)) expect(node).toEqual(await single(node.id));
  });
});

describe('what an API process caches of notes', () => {
  it('shows a like made in another process on the note’s card at once', async () => {
    const viewer = await signUp(app, 'VIEWER');
    const noteId = await createNote(app, creators[2] as Account, { title: 'liked elsewhere', topics: ['food'] });
    const bus = new RedisCacheBus(app.redis, cacheBusChannel(app.config), createLogger('silent'));
    await bus.start();
    try {
      // Kept for ten minutes: only the bus can make this process read the card again.
      const cards = new ReadCache<NoteCard>({ max: 100, ttlMs: 600_000, bus }, 'notes.cards');
      const notes = repositoriesFor(app.database.db).notes;
      const likes = async () => (await cards.getMany([noteId], async (ids) => rowsById(await notes.cardsByIds(ids))))[0]?.likeCount;
      expect(await likes()).toBe(0);
      await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id: noteId }, viewer.token);
      await eventually(async () => (await likes()) !== 0);
      expect(await likes()).toBe(1);
    } finally {
      await bus.close();
    }
  });
});

describe('recall quotas', () => {
  it('turn a source off at 0', async () => {
    const viewer = await signUp(app, 'VIEWER');
    const feed = otherProcess({ ...RECALL_QUOTAS, trending: 0 });
    const reasons = (await feed.page('for_you', viewer.id, 10, null)).items.map((i) => i.reason ?? '');
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).not.toMatch(/trending/);
  });
});
