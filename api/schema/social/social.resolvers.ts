import type { GraphQLContext } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { asPayload } from '../common/common.resolvers';
import { markedConnection, pageSize, timeConnection, timeCursor } from '../common/connection';
import { referenced } from '../common/referenced';

// Toggles answer with the fresh object, so the client can redraw counters and buttons at once.
const note = (ctx: GraphQLContext, id: string) => ctx.services.notes.get(ctx.viewer, id);
const user = (ctx: GraphQLContext, id: string) => referenced(ctx.loaders.user, id, 'User');

export const socialResolvers: Resolvers = {
  Query: {
    board: (_, a, ctx) => ctx.services.social.board(a.id),
  },
  Mutation: {
    follow: async (_, a, ctx) => user(ctx, await ctx.services.social.follow(ctx.viewer, a.userId)),
    unfollow: async (_, a, ctx) => user(ctx, await ctx.services.social.unfollow(ctx.viewer, a.userId)),
    like: async (_, a, ctx) => note(ctx, await ctx.services.social.like(ctx.viewer, a.noteId)),
    unlike: async (_, a, ctx) => note(ctx, await ctx.services.social.unlike(ctx.viewer, a.noteId)),
    collect: async (_, a, ctx) => note(ctx, await ctx.services.social.collect(ctx.viewer, a.noteId, a.boardId)),
    uncollect: async (_, a, ctx) => note(ctx, await ctx.services.social.uncollect(ctx.viewer, a.noteId)),
    createBoard: async (_, a, ctx) => ({
      ...(await ctx.services.social.createBoard(ctx.viewer, a.name)),
      noteCount: 0,
    }),
    comment: (_, a, ctx) => asPayload(async () => ({ comment: await ctx.services.social.comment(ctx.viewer, a.input) })),
    share: async (_, a, ctx) => note(ctx, await ctx.services.social.share(ctx.viewer, a.noteId, a.channel)),
    hideNote: (_, a, ctx) => ctx.services.social.hideNote(ctx.viewer, a.noteId, a.reason),
    hideCreator: (_, a, ctx) => ctx.services.social.hideCreator(ctx.viewer, a.userId),
  },
  Board: {
    owner: (board, _, ctx) => user(ctx, board.userId),
    notes: async (board, args, ctx) => {
      const first = pageSize(args.first);
      return markedConnection(await ctx.services.social.boardNotes(board.id, first + 1, timeCursor(args.after)), first, ctx.loaders.note);
    },
  },
  Comment: {
    author: (c, _, ctx) => referenced(ctx.loaders.user, c.authorId, 'User'),
    replyTo: (c, _, ctx) => (c.replyToUserId ? ctx.loaders.user.load(c.replyToUserId) : null),
    replies: async (c, args, ctx) => {
      const first = pageSize(args.first);
      const rows = c.parentId ? [] : await ctx.services.social.listComments({ parentId: c.id }, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (r) => r.createdAt);
    },
  },
};
