import type { NoteProductRow, NoteRow } from '../../../models/repositories/notes.repository';
import type { GraphQLContext } from '../../context';
import { asPayload } from '../common/common.resolvers';
import { pageSize, timeConnection, timeCursor } from '../common/connection';
import { normaliseTopic } from '../../../notes/topics';

interface Page {
  first?: number | null;
  after?: string | null;
}

/** A note as served by a feed carries the sources that proposed it. */
type ServedNote = NoteRow & { reason?: string | null };

export const notesResolvers = {
  NoteKind: { IMAGE: 'image', VIDEO: 'video' },
  NoteStatus: { DRAFT: 'draft', PROCESSING: 'processing', PUBLISHED: 'published', FAILED: 'failed', REMOVED: 'removed' },
  Query: {
    note: (_: unknown, args: { id: string }, ctx: GraphQLContext) => ctx.services.notes.get(ctx.viewer, args.id),
    notesByUser: async (_: unknown, args: Page & { userId: string }, ctx: GraphQLContext) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.notes.listByUser(ctx.viewer, args.userId, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (n) => n.createdAt);
    },
    topic: (_: unknown, args: { name: string }) => ({ name: normaliseTopic(args.name) }),
  },
  Mutation: {
    createNote: (_: unknown, args: { input: unknown }, ctx: GraphQLContext) =>
      asPayload(async () => ({ note: await ctx.services.notes.create(ctx.viewer, args.input) })),
    updateNote: (_: unknown, args: { id: string; input: unknown }, ctx: GraphQLContext) =>
      asPayload(async () => ({ note: await ctx.services.notes.update(ctx.viewer, args.id, args.input) })),
    publishNote: (_: unknown, args: { id: string }, ctx: GraphQLContext) =>
      asPayload(async () => ({ note: await ctx.services.notes.publish(ctx.viewer, args.id) })),
    deleteNote: (_: unknown, args: { id: string }, ctx: GraphQLContext) =>
      asPayload(async () => ({ deletedId: await ctx.services.notes.remove(ctx.viewer, args.id) })),
  },
  Note: {
    author: (note: NoteRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.user.load(note.authorId),
    sponsor: (note: NoteRow, _: unknown, ctx: GraphQLContext) => (note.sponsorBrandId ? ctx.loaders.brand.load(note.sponsorBrandId) : null),
    media: (note: NoteRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.media.load(note.id),
    productTags: (note: NoteRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.productTags.load(note.id),
    viewerHasLiked: (note: NoteRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.viewerLiked.load(note.id),
    viewerHasCollected: (note: NoteRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.viewerCollected.load(note.id),
    comments: async (note: NoteRow, args: Page, ctx: GraphQLContext) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.social.listComments({ noteId: note.id }, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (c) => c.createdAt);
    },
    reason: (note: ServedNote) => note.reason ?? null,
  },
  ProductTag: {
    product: (tag: NoteProductRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.product.load(tag.productId),
  },
  Topic: {
    noteCount: (topic: { name: string }, _: unknown, ctx: GraphQLContext) => ctx.services.notes.countByTopic(topic.name),
    notes: async (topic: { name: string }, args: Page, ctx: GraphQLContext) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.notes.listByTopic(topic.name, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (n) => n.publishedAt ?? n.createdAt);
    },
  },
};
