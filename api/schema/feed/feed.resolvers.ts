import { authorize } from '../../../accounts/policy';
import type { Resolvers } from '../../generated/graphql';
import { ENUM_VALUES } from '../enums';
import { pageSize } from '../common/connection';

export const feedResolvers: Resolvers = {
  FeedKind: ENUM_VALUES.FeedKind,
  Query: {
    feed: async (_, args, ctx) => {
      const first = pageSize(args.first);
      const page = await ctx.services.feed.page(args.kind ?? 'for_you', ctx.viewer?.id ?? null, first, args.after ?? null);
      // What the page read already is handed to the loaders, so the cards' fields cost no further queries.
      for (const { note, card } of page.items) {
        ctx.loaders.note.prime(note.id, note);
        if (!card) continue;
        ctx.loaders.media.prime(note.id, card.media);
        ctx.loaders.productTags.prime(note.id, card.tags);
        if (card.viewerHasLiked !== undefined) ctx.loaders.viewerLiked.prime(note.id, card.viewerHasLiked);
        if (card.viewerHasCollected !== undefined) ctx.loaders.viewerCollected.prime(note.id, card.viewerHasCollected);
      }
      return {
        edges: page.items.map((item) => ({ cursor: item.cursor, node: { ...item.note, reason: item.reason } })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      };
    },
    relatedNotes: async (_, args, ctx) => {
      const first = pageSize(args.first);
      const { items, hasNextPage } = await ctx.services.related.page(ctx.viewer?.id ?? null, args.noteId, first, args.after ?? null);
      for (const { note } of items) ctx.loaders.note.prime(note.id, note);
      return {
        edges: items.map(({ note, cursor }) => ({ cursor, node: note })),
        pageInfo: { hasNextPage, endCursor: items.at(-1)?.cursor ?? null },
      };
    },
    feedExperiment: async (_, __, ctx) => {
      authorize(await ctx.services.accounts.requireUser(ctx.viewer), 'experiment.see', null);
      return ctx.services.experiments.report();
    },
  },
};
