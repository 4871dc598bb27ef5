import type { Resolvers } from '../../generated/graphql';
import { asPayload } from '../common/common.resolvers';
import { money } from '../../../catalog/money';
import { referenced } from '../common/referenced';
import { pageSize, timeConnection, timeCursor } from '../common/connection';

export const productsResolvers: Resolvers = {
  Query: {
    product: (_, args, ctx) => ctx.services.products.get(args.id),
  },
  Mutation: {
    createProduct: (_, args, ctx) => asPayload(async () => ({ product: await ctx.services.products.create(ctx.viewer, args.input) })),
    updateProduct: (_, args, ctx) =>
      asPayload(async () => ({ product: await ctx.services.products.update(ctx.viewer, args.id, args.input) })),
  },
  Product: {
    brand: (p, _, ctx) => referenced(ctx.loaders.brand, p.brandId, 'Brand'),
    price: (p) => money(p.priceMinor, p.currency),
    images: (p) => p.imageUrls,
    inStock: (p) => p.stock > 0,
    notes: async (p, args, ctx) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.notes.listTaggingProduct(p.id, first + 1, timeCursor(args.after));
      // Published notes always have a publish time; createdAt only satisfies the type.
      return timeConnection(rows, first, (n) => n.publishedAt ?? n.createdAt);
    },
  },
};
