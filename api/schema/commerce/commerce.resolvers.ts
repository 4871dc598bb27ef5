import { AppError, errors } from '../../../core/errors';
import { trackedUrl } from '../../../commerce/tracking';
import type { AttributionRow, OrderRow, RefundRow, SponsorDealRow } from '../../../models/repositories/commerce.repository';
import type { GraphQLContext } from '../../context';
import { asPayload } from '../common/common.resolvers';
import { pageSize, timeConnection, timeCursor } from '../common/connection';
import { money } from '../products/products.resolvers';

interface ProductClickArgs {
  input: { eventId: string; productId: string; noteId: string };
}

export const commerceResolvers = {
  AttributionKind: { CLICK: 'click', VIEW_THROUGH: 'view_through', ORGANIC: 'organic' },
  AttributionModel: { LAST_CLICK: 'last_click', VIEW_THROUGH: 'view_through', POSITION: 'position' },
  RefundKind: { REFUND: 'refund', RETURN: 'return' },
  Query: {
    order: (_: unknown, args: { id: string }, ctx: GraphQLContext) => ctx.services.orders.explain(ctx.viewer, args.id),
    brandOrders: async (_: unknown, args: { first?: number; after?: string }, ctx: GraphQLContext) => {
      const first = pageSize(args.first);
      const brand = await ctx.services.orders.requireBrand(ctx.viewer);
      const rows = await ctx.services.orders.listBrandOrders(brand.id, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (o) => o.occurredAt);
    },
  },
  Mutation: {
    clickProduct: (_: unknown, { input }: ProductClickArgs, ctx: GraphQLContext) =>
      asPayload(async () => {
        if (!ctx.viewer) throw errors.unauthenticated();
        const recorded = await ctx.services.events.record(ctx.viewer, [{ ...input, type: 'product_click' }]);
        const rejection = recorded.rejected[0];
        if (rejection) throw new AppError(rejection.code, rejection.message);
        const product = await ctx.services.products.get(input.productId);
        return { product, clickId: input.eventId, url: trackedUrl(product.buyUrl, input.eventId) };
      }),
    checkout: (_: unknown, args: { input: unknown }, ctx: GraphQLContext) =>
      asPayload(async () => ({ order: await ctx.services.orders.checkout(ctx.viewer, args.input) })),
    refundOrder: (_: unknown, args: { input: unknown }, ctx: GraphQLContext) =>
      asPayload(async () => {
        const refund = await ctx.services.orders.refund(ctx.viewer, args.input);
        const order = await ctx.services.orders.explain(ctx.viewer, refund.orderId);
        // A refund row has no currency of its own: its amount is in its order's.
        return { refund: { ...refund, currency: order.currency }, order };
      }),
    rotateWebhookSecret: (_: unknown, __: unknown, ctx: GraphQLContext) =>
      asPayload(() => ctx.services.orders.rotateWebhookSecret(ctx.viewer)),
    setSponsorDeal: (_: unknown, args: { input: unknown }, ctx: GraphQLContext) =>
      asPayload(async () => ({ deal: await ctx.services.orders.setSponsorDeal(ctx.viewer, args.input) })),
  },
  Order: {
    product: (o: OrderRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.product.load(o.productId),
    amount: (o: OrderRow) => money(o.amountMinor, o.currency),
    refunded: (o: OrderRow) => money(o.refundedMinor, o.currency),
    source: (o: OrderRow) => o.source.toUpperCase(),
    credits: (o: OrderRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.orderCredits.load(o.id),
    refunds: async (o: OrderRow, _: unknown, ctx: GraphQLContext) =>
      (await ctx.loaders.orderRefunds.load(o.id)).map((r) => ({ ...r, currency: o.currency })),
  },
  AttributionCredit: {
    note: (a: AttributionRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.note.load(a.noteId),
    creator: (a: AttributionRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.user.load(a.creatorId),
    touchType: (a: AttributionRow) => a.touchType.toUpperCase(),
  },
  Refund: {
    amount: (r: RefundRow & { currency: string }) => money(r.amountMinor, r.currency),
  },
  SponsorDeal: {
    note: (d: SponsorDealRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.note.load(d.noteId),
    cost: (d: SponsorDealRow) => money(d.costMinor, d.currency),
  },
};
