import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JobRuntime } from '../../jobs/runtime';
import { createNote, errorCode, signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { writePng } from '../support/image-fixtures';
import { startTestWorker } from '../support/worker';

let app: TestApp;
let creator: Account;
let fan: Account;
let runtime: JobRuntime | null = null;
let dir: string;

const LIKED = `query($id: ID!, $after: String) { user(id: $id) { likedNotes(first: 2, after: $after) {
  edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`;
const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) {
  user { id displayName bio avatarUrl } error { code message field } } }`;

beforeAll(async () => {
  app = await startTestApp();
  [creator, fan] = await Promise.all([signUp(app, 'CREATOR'), signUp(app)]);
  dir = await mkdtemp(path.join(tmpdir(), 'profile-fixtures-'));
});
afterAll(async () => {
  await runtime?.stop();
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const like = (id: string, who = fan) => app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id }, who.token);
const follow = (id: string, who: Account) => app.gql(`mutation($id: ID!) { follow(userId: $id) { id } }`, { id }, who.token);
const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

describe('a profile', () => {
  it('lists the published notes a user liked, newest like first, to anyone', async () => {
    const [a, b, c, gone] = [
      await createNote(app, creator),
      await createNote(app, creator),
      await createNote(app, creator),
      await createNote(app, creator),
    ];
    for (const id of [a, gone, b, c]) await like(id);
    await app.gql(`mutation($id: ID!) { deleteNote(id: $id) { deletedId } }`, { id: gone }, creator.token);

    const first = (await app.gql(LIKED, { id: fan.id })).body.data?.user.likedNotes;
    expect(ids(first)).toEqual([c, b]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await app.gql(LIKED, { id: fan.id, after: first.pageInfo.endCursor })).body.data?.user.likedNotes;
    expect(ids(second)).toEqual([a]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0].cursor });
  });

  it('counts the likes and collects its published notes received', async () => {
    const author = await signUp(app, 'CREATOR');
    const [one, two] = [await createNote(app, author), await createNote(app, author)];
    await createNote(app, author, { publish: false });
    await like(one);
    await like(two);
    await like(one, creator);
    await app.gql(`mutation($id: ID!) { collect(noteId: $id) { id } }`, { id: two }, fan.token);
    const res = await app.gql(`query($id: ID!) { user(id: $id) { likesAndCollectsReceived } }`, { id: author.id });
    expect(res.body.data?.user.likesAndCollectsReceived).toBe(4);
    const none = await app.gql(`query($id: ID!) { user(id: $id) { likesAndCollectsReceived } }`, { id: fan.id });
    expect(none.body.data?.user.likesAndCollectsReceived).toBe(0);
  });

  it('lists followers and followees newest first, in pages', async () => {
    const star = await signUp(app, 'CREATOR');
    const fans = [await signUp(app), await signUp(app), await signUp(app)];
    for (const f of fans) await follow(star.id, f);
    await follow(creator.id, fans[0]!);
    const FOLLOWERS = `query($id: ID!, $after: String) { user(id: $id) { followers(first: 2, after: $after) {
      edges { node { id handle viewerIsFollowing } } pageInfo { hasNextPage endCursor } } } }`;
    const page1 = (await app.gql(FOLLOWERS, { id: star.id }, fans[2]!.token)).body.data?.user.followers;
    expect(ids(page1)).toEqual([fans[2]!.id, fans[1]!.id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await app.gql(FOLLOWERS, { id: star.id, after: page1.pageInfo.endCursor })).body.data?.user.followers;
    expect(ids(page2)).toEqual([fans[0]!.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const following = await app.gql(`query($id: ID!) { user(id: $id) { following { edges { node { id } } } } }`, { id: fans[0]!.id });
    expect(ids(following.body.data?.user.following)).toEqual([creator.id, star.id]);
  });

  it('shows anyone a board, its owner and its published notes, newest collect first', async () => {
    const board = (await app.gql(`mutation { createBoard(name: "旅行") { id } }`, {}, fan.token)).body.data?.createBoard.id as string;
    const [a, b, draft] = [await createNote(app, creator), await createNote(app, creator), await createNote(app, creator)];
    const collect = `mutation($id: ID!, $b: ID) { collect(noteId: $id, boardId: $b) { id } }`;
    for (const id of [a, draft, b]) await app.gql(collect, { id, b: board }, fan.token);
    await app.gql(`mutation($id: ID!) { deleteNote(id: $id) { deletedId } }`, { id: draft }, creator.token);

    const BOARD = `query($id: ID!) { board(id: $id) { name noteCount owner { id } notes { edges { node { id } } pageInfo { hasNextPage } } } }`;
    const res = await app.gql(BOARD, { id: board });
    expect(res.body.data?.board).toMatchObject({
      name: '旅行',
      noteCount: 2,
      owner: { id: fan.id },
      notes: { pageInfo: { hasNextPage: false } },
    });
    expect(ids(res.body.data?.board.notes)).toEqual([b, a]);
    const listed = await app.gql(`query($id: ID!) { user(id: $id) { boards { id noteCount } } }`, { id: fan.id });
    expect(listed.body.data?.user.boards).toEqual([{ id: board, noteCount: 2 }]);
    expect(errorCode(await app.gql(BOARD, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
  });
});

describe('editing one’s profile', () => {
  it('changes the viewer’s own display name and bio, and validates them', async () => {
    const res = await app.gql(UPDATE, { input: { displayName: '  小红  ', bio: '爱吃爱玩' } }, fan.token);
    expect(res.body.data?.updateProfile).toEqual({
      user: { id: fan.id, displayName: '小红', bio: '爱吃爱玩', avatarUrl: null },
      error: null,
    });
    // Omitted fields stay as they were.
    const partial = await app.gql(UPDATE, { input: { bio: '' } }, fan.token);
    expect(partial.body.data?.updateProfile.user).toMatchObject({ displayName: '小红', bio: '' });
    const seen = await app.gql(`query($id: ID!) { user(id: $id) { displayName } }`, { id: fan.id });
    expect(seen.body.data?.user.displayName).toBe('小红');

    const empty = await app.gql(UPDATE, { input: { displayName: ' ' } }, fan.token);
    expect(empty.body.data?.updateProfile).toMatchObject({ user: null, error: { code: 'BAD_USER_INPUT', field: 'displayName' } });
    const long = await app.gql(UPDATE, { input: { bio: 'x'.repeat(201) } }, fan.token);
    expect(long.body.data?.updateProfile.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bio' });
    const anonymous = await app.gql(UPDATE, { input: { bio: 'hi' } });
    expect(anonymous.body.data?.updateProfile.error).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('takes an avatar only from the viewer’s own image upload once it is ready', async () => {
    const png = path.join(dir, 'avatar.png');
    await writePng(png, 600, 600);
    const uploaded = await app.http.post('/uploads').set('authorization', `Bearer ${creator.token}`).attach('file', png, 'avatar.png');
    expect(uploaded.status).toBe(201);
    const uploadId = uploaded.body.id as string;

    // No worker runs yet, so the upload is still processing.
    const early = await app.gql(UPDATE, { input: { avatarUploadId: uploadId } }, creator.token);
    expect(early.body.data?.updateProfile).toMatchObject({ user: null, error: { code: 'CONFLICT', field: 'avatarUploadId' } });

    runtime = await startTestWorker(app);
    const UPLOAD = `query($id: ID!) { upload(id: $id) { status images { name format url } } }`;
    let upload: { status: string; images: { name: string; format: string; url: string }[] } | undefined;
    for (const deadline = Date.now() + 60_000; upload?.status !== 'READY' && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 200));
      upload = (await app.gql(UPLOAD, { id: uploadId }, creator.token)).body.data?.upload;
    }
    expect(upload?.status).toBe('READY');

    const someoneElse = await app.gql(UPDATE, { input: { avatarUploadId: uploadId } }, fan.token);
    expect(someoneElse.body.data?.updateProfile).toMatchObject({ user: null, error: { code: 'NOT_FOUND' } });
    const mine = await app.gql(UPDATE, { input: { avatarUploadId: uploadId } }, creator.token);
    const medium = upload?.images.find((v) => v.name === 'medium' && v.format === 'webp')?.url;
    expect(medium).toBeDefined();
    expect(mine.body.data?.updateProfile).toMatchObject({ user: { avatarUrl: medium }, error: null });
    const cleared = await app.gql(UPDATE, { input: { avatarUploadId: null } }, creator.token);
    expect(cleared.body.data?.updateProfile.user.avatarUrl).toBeNull();
  });

  it('replaces the viewer’s interests with known topics only', async () => {
    const UPDATE_INTERESTS = `mutation($i: [String!]!) { updateInterests(interests: $i) { user { interests } error { code field } } }`;
    const res = await app.gql(UPDATE_INTERESTS, { i: ['food', 'travel', 'food'] }, fan.token);
    expect(res.body.data?.updateInterests).toEqual({ user: { interests: ['food', 'travel'] }, error: null });
    const viewer = await app.gql(`{ viewer { interests } }`, {}, fan.token);
    expect(viewer.body.data?.viewer.interests).toEqual(['food', 'travel']);
    const unknown = await app.gql(UPDATE_INTERESTS, { i: ['astrology'] }, fan.token);
    expect(unknown.body.data?.updateInterests).toMatchObject({ user: null, error: { code: 'BAD_USER_INPUT', field: 'interests.0' } });
  });
});
