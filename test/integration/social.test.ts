import { sql } from 'drizzle-orm';
import { rowsOf } from '../../core/db';
import { startTestApp, type TestApp } from '../support/harness';
import { createNote, errorCode, signUp, type Account } from '../support/factories';

let app: TestApp;
let creator: Account;
let fan: Account;
let noteId: string;

const COUNTS = `query($id: ID!) { note(id: $id) { likeCount collectCount commentCount shareCount viewerHasLiked viewerHasCollected } }`;

beforeAll(async () => {
  app = await startTestApp();
  [creator, fan] = await Promise.all([signUp(app, 'CREATOR'), signUp(app)]);
  noteId = await createNote(app, creator);
});
afterAll(() => app.close());

async function eventCount(type: string, userId: string): Promise<number> {
  const res = await app.database.db.execute(
    sql`SELECT count(*)::int AS n FROM interaction_events WHERE type = ${type} AND user_id = ${userId}`,
  );
  return rowsOf<{ n: number }>(res)[0]?.n ?? 0;
}

describe('social actions', () => {
  it('likes and collects once however often they are repeated, and logs one event each', async () => {
    for (let i = 0; i < 3; i += 1) {
      await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id: noteId }, fan.token);
      await app.gql(`mutation($id: ID!) { collect(noteId: $id) { id } }`, { id: noteId }, fan.token);
    }
    const res = await app.gql(COUNTS, { id: noteId }, fan.token);
    expect(res.body.data?.note).toMatchObject({ likeCount: 1, collectCount: 1, viewerHasLiked: true, viewerHasCollected: true });
    expect(await eventCount('like', fan.id)).toBe(1);
    expect(await eventCount('collect', fan.id)).toBe(1);

    await app.gql(`mutation($id: ID!) { unlike(noteId: $id) { id } }`, { id: noteId }, fan.token);
    await app.gql(`mutation($id: ID!) { unlike(noteId: $id) { id } }`, { id: noteId }, fan.token);
    const after = await app.gql(COUNTS, { id: noteId }, fan.token);
    expect(after.body.data?.note).toMatchObject({ likeCount: 0, viewerHasLiked: false });
  });

  it('collects into the viewer’s own boards only', async () => {
    const board = await app.gql(`mutation { createBoard(name: "秋冬穿搭") { id name noteCount } }`, {}, fan.token);
    const boardId = board.body.data?.createBoard.id;
    const dupe = await app.gql(`mutation { createBoard(name: "秋冬穿搭") { id } }`, {}, fan.token);
    expect(errorCode(dupe)).toBe('CONFLICT');
    await app.gql(`mutation($id: ID!, $b: ID) { collect(noteId: $id, boardId: $b) { id } }`, { id: noteId, b: boardId }, fan.token);
    const boards = await app.gql(`{ viewer { boards { name noteCount } } }`, {}, fan.token);
    expect(boards.body.data?.viewer.boards).toEqual([{ name: '秋冬穿搭', noteCount: 1 }]);
    const stranger = await signUp(app);
    const foreign = await app.gql(
      `mutation($id: ID!, $b: ID) { collect(noteId: $id, boardId: $b) { id } }`,
      { id: noteId, b: boardId },
      stranger.token,
    );
    expect(errorCode(foreign)).toBe('NOT_FOUND');
  });

  it('follows and unfollows with counters on both sides, never oneself', async () => {
    const follow = `mutation($id: ID!) { follow(userId: $id) { followerCount viewerIsFollowing } }`;
    await app.gql(follow, { id: creator.id }, fan.token);
    const res = await app.gql(follow, { id: creator.id }, fan.token);
    expect(res.body.data?.follow).toEqual({ followerCount: 1, viewerIsFollowing: true });
    const me = await app.gql(`{ viewer { followingCount } }`, {}, fan.token);
    expect(me.body.data?.viewer.followingCount).toBe(1);
    expect(errorCode(await app.gql(follow, { id: fan.id }, fan.token))).toBe('BAD_USER_INPUT');
    const un = await app.gql(
      `mutation($id: ID!) { unfollow(userId: $id) { followerCount viewerIsFollowing } }`,
      { id: creator.id },
      fan.token,
    );
    expect(un.body.data?.unfollow).toEqual({ followerCount: 0, viewerIsFollowing: false });
  });

  it('threads comments one level deep', async () => {
    const add = `mutation($input: CommentInput!) { comment(input: $input) { comment { id parentId replyTo { id } } error { code field } } }`;
    const root = (await app.gql(add, { input: { noteId, body: '求色号！' } }, fan.token)).body.data?.comment.comment;
    const reply = (await app.gql(add, { input: { noteId, body: '#3 号', parentId: root.id } }, creator.token)).body.data?.comment.comment;
    const replyToReply = (await app.gql(add, { input: { noteId, body: 'thanks!', parentId: reply.id } }, fan.token)).body.data?.comment
      .comment;
    expect(reply).toMatchObject({ parentId: root.id, replyTo: { id: fan.id } });
    expect(replyToReply).toMatchObject({ parentId: root.id, replyTo: { id: creator.id } });
    const empty = await app.gql(add, { input: { noteId, body: '   ' } }, fan.token);
    expect(empty.body.data?.comment.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });

    const thread = await app.gql(
      `query($id: ID!) { note(id: $id) { commentCount comments(first: 10) { edges { node { body replies { edges { node { body } } } } } } } }`,
      { id: noteId },
    );
    const note = thread.body.data?.note;
    expect(note.commentCount).toBe(3);
    expect(note.comments.edges).toHaveLength(1);
    expect(note.comments.edges[0].node.replies.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual(['#3 号', 'thanks!']);
  });

  it("counts each viewer's share of a note once, however often they share it, and requires sign-in for actions", async () => {
    const SHARE = `mutation($id: ID!) { share(noteId: $id, channel: "wechat") { shareCount } }`;
    const before = (await app.gql(`query($id: ID!) { note(id: $id) { shareCount } }`, { id: noteId })).body.data?.note.shareCount;
    await app.gql(SHARE, { id: noteId }, fan.token);
    const again = await app.gql(`mutation($id: ID!) { share(noteId: $id) { shareCount } }`, { id: noteId }, fan.token);
    expect(again.body.data?.share.shareCount).toBe(before + 1);
    const other = await signUp(app);
    expect((await app.gql(SHARE, { id: noteId }, other.token)).body.data?.share.shareCount).toBe(before + 2);
    expect(errorCode(await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id: noteId }))).toBe('UNAUTHENTICATED');
  });
});
