import type { Resolvers } from '../../generated/graphql';
import { ENUM_VALUES } from '../enums';
import { asPayload } from '../common/common.resolvers';
import { pageSize, timeConnection, timeCursor } from '../common/connection';
import { normaliseTopic } from '../../../notes/topics';
import { referenced } from '../common/referenced';

export const notesResolvers: Resolvers = {
  NoteKind: ENUM_VALUES.NoteKind,
  NoteStatus: ENUM_VALUES.NoteStatus,
  SponsorshipStatus: ENUM_VALUES.SponsorshipStatus,
  Query: {
    sponsorshipRequests: (_, args, ctx) => ctx.services.notes.sponsorshipRequests(ctx.viewer, pageSize(args.first)),
    note: (_, args, ctx) => ctx.services.notes.get(ctx.viewer, args.id),
    notesByUser: async (_, args, ctx) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.notes.listByUser(ctx.viewer, args.userId, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (n) => n.createdAt);
    },
    topic: (_, args) => ({ name: normaliseTopic(args.name) }),
    topics: (_, args, ctx) => ctx.services.notes.suggestTopics(args.prefix ?? '', args.first ?? 10),
  },
  Mutation: {
    createNote: (_, args, ctx) => asPayload(async () => ({ note: await ctx.services.notes.create(ctx.viewer, args.input) })),
    updateNote: (_, args, ctx) => asPayload(async () => ({ note: await ctx.services.notes.update(ctx.viewer, args.id, args.input) })),
    publishNote: (_, args, ctx) => asPayload(async () => ({ note: await ctx.services.notes.publish(ctx.viewer, args.id) })),
    respondToSponsorship: (_, args, ctx) => ctx.services.notes.respondToSponsorship(ctx.viewer, args.noteId, args.accept),
    deleteNote: (_, args, ctx) => asPayload(async () => ({ deletedId: await ctx.services.notes.remove(ctx.viewer, args.id) })),
  },
  Note: {
    author: (note, _, ctx) => referenced(ctx.loaders.user, note.authorId, 'User'),
    sponsor: (note, _, ctx) =>
      note.sponsorBrandId && note.sponsorStatus === 'accepted' ? ctx.loaders.brand.load(note.sponsorBrandId) : null,
    media: (note, _, ctx) => ctx.loaders.media.load(note.id),
    productTags: (note, _, ctx) => ctx.loaders.productTags.load(note.id),
    viewerHasLiked: (note, _, ctx) => ctx.loaders.viewerLiked.load(note.id),
    viewerHasCollected: (note, _, ctx) => ctx.loaders.viewerCollected.load(note.id),
    comments: async (note, args, ctx) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.social.listComments({ noteId: note.id }, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (c) => c.createdAt);
    },
    reason: (note) => note.reason ?? null,
  },
  ProductTag: {
    product: (tag, _, ctx) => referenced(ctx.loaders.product, tag.productId, 'Product'),
  },
  Topic: {
    noteCount: (topic, _, ctx) => topic.noteCount ?? ctx.services.notes.countByTopic(topic.name),
    notes: async (topic, args, ctx) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.notes.listByTopic(topic.name, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (n) => n.publishedAt ?? n.createdAt);
    },
  },
};
