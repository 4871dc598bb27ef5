import type { CommentRow } from '../../../models/repositories/social.repository';
import type { GraphQLContext } from '../../context';
import { asPayload } from '../common/common.resolvers';
import { pageSize, timeConnection, timeCursor } from '../common/connection';

// Toggles answer with the fresh object, so the client can redraw counters and buttons at once.
const note = (ctx: GraphQLContext, id: string) => ctx.services.notes.get(ctx.viewer, id);
const user = (ctx: GraphQLContext, id: string) => ctx.loaders.user.load(id);

export const socialResolvers = {
  Mutation: {
    follow: async (_: unknown, a: { userId: string }, ctx: GraphQLContext) =>
      user(ctx, await ctx.services.social.follow(ctx.viewer, a.userId)),
    unfollow: async (_: unknown, a: { userId: string }, ctx: GraphQLContext) =>
      user(ctx, await ctx.services.social.unfollow(ctx.viewer, a.userId)),
    like: async (_: unknown, a: { noteId: string }, ctx: GraphQLContext) => note(ctx, await ctx.services.social.like(ctx.viewer, a.noteId)),
    unlike: async (_: unknown, a: { noteId: string }, ctx: GraphQLContext) =>
      note(ctx, await ctx.services.social.unlike(ctx.viewer, a.noteId)),
    collect: async (_: unknown, a: { noteId: string; boardId?: string | null }, ctx: GraphQLContext) =>
      note(ctx, await ctx.services.social.collect(ctx.viewer, a.noteId, a.boardId)),
    uncollect: async (_: unknown, a: { noteId: string }, ctx: GraphQLContext) =>
      note(ctx, await ctx.services.social.uncollect(ctx.viewer, a.noteId)),
    createBoard: async (_: unknown, a: { name: string }, ctx: GraphQLContext) => ({
      ...(await ctx.services.social.createBoard(ctx.viewer, a.name)),
      noteCount: 0,
    }),
    comment: (_: unknown, a: { input: unknown }, ctx: GraphQLContext) =>
      asPayload(async () => ({ comment: await ctx.services.social.comment(ctx.viewer, a.input) })),
    share: async (_: unknown, a: { noteId: string; channel?: string | null }, ctx: GraphQLContext) =>
      note(ctx, await ctx.services.social.share(ctx.viewer, a.noteId, a.channel)),
    hideNote: (_: unknown, a: { noteId: string; reason?: string | null }, ctx: GraphQLContext) =>
      ctx.services.social.hideNote(ctx.viewer, a.noteId, a.reason),
    hideCreator: (_: unknown, a: { userId: string }, ctx: GraphQLContext) => ctx.services.social.hideCreator(ctx.viewer, a.userId),
  },
  Comment: {
    author: (c: CommentRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.user.load(c.authorId),
    replyTo: (c: CommentRow, _: unknown, ctx: GraphQLContext) => (c.replyToUserId ? ctx.loaders.user.load(c.replyToUserId) : null),
    replies: async (c: CommentRow, args: { first?: number | null; after?: string | null }, ctx: GraphQLContext) => {
      const first = pageSize(args.first);
      const rows = c.parentId ? [] : await ctx.services.social.listComments({ parentId: c.id }, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (r) => r.createdAt);
    },
  },
};
