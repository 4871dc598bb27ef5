import { ReadCache } from '../../core/read-cache';
import type { CandidateRow, NoteRow } from '../../models/repositories/notes.repository';
import { NotesRepository } from '../../models/repositories/notes.repository';
import { repositoriesFor } from '../../models/transaction';
import { FeedService } from '../../recommender/feed.service';
import { RECALL_QUOTAS, type RecallQuotas } from '../../recommender/recall-quotas';
import { FeedSessionStore } from '../../recommender/session-store';
import { TrendingService } from '../../recommender/trending.service';
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
  return new FeedService(
    repositoriesFor(app.database.db),
    new FeedSessionStore(app.redis),
    new ReadCache<NoteRow>(cache),
    (ids) => new NotesRepository(app.database.db).findByIds(ids),
    new ReadCache<CandidateRow>(cache),
    null,
    null,
    { hideSoldOut: false, quotas },
  );
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

describe('recall quotas', () => {
  it('turn a source off at 0', async () => {
    const viewer = await signUp(app, 'VIEWER');
    const feed = otherProcess({ ...RECALL_QUOTAS, trending: 0 });
    const reasons = (await feed.page('for_you', viewer.id, 10, null)).items.map((i) => i.reason ?? '');
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).not.toMatch(/trending/);
  });
});
