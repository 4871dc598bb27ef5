import type { Resolvers } from '../../generated/graphql';
import type { SearchHitParent } from '../parents';
import { pageSize } from '../common/connection';

export const searchResolvers: Resolvers = {
  SearchHit: {
    __resolveType: (hit) => hit.__typename,
  },
  Query: {
    search: async (_, args, ctx) => {
      const first = pageSize(args.first);
      const { hits, hasNextPage } = await ctx.services.search.page(args.query, first, args.after ?? null);
      const edges = await Promise.all(
        hits.map(async (hit) => {
          const node: SearchHitParent | undefined =
            hit.kind === 'note'
              ? await ctx.loaders.note.load(hit.id).then((n) => n && { ...n, __typename: 'Note' as const })
              : await ctx.loaders.product.load(hit.id).then((p) => p && { ...p, __typename: 'Product' as const });
          return node ? { cursor: hit.cursor, node } : null;
        }),
      );
      const present = edges.filter((e) => e !== null);
      return { edges: present, pageInfo: { hasNextPage, endCursor: present.at(-1)?.cursor ?? null } };
    },
  },
};
