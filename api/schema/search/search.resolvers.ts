import type { GraphQLContext } from '../../context';
import { pageSize } from '../common/connection';

export const searchResolvers = {
  SearchHit: {
    __resolveType: (hit: { __typename: string }) => hit.__typename,
  },
  Query: {
    search: async (_: unknown, args: { query: string; first?: number | null; after?: string | null }, ctx: GraphQLContext) => {
      const first = pageSize(args.first);
      const { hits, hasNextPage } = await ctx.services.search.page(args.query, first, args.after ?? null);
      const edges = await Promise.all(
        hits.map(async (hit) => {
          const node = hit.kind === 'note' ? await ctx.loaders.note.load(hit.id) : await ctx.loaders.product.load(hit.id);
          return node ? { cursor: hit.cursor, node: { ...node, __typename: hit.kind === 'note' ? 'Note' : 'Product' } } : null;
        }),
      );
      const present = edges.filter((e) => e !== null);
      return { edges: present, pageInfo: { hasNextPage, endCursor: present.at(-1)?.cursor ?? null } };
    },
  },
};
