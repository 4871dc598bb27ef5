import { can } from '../../../accounts/policy';
import { AppError, errors } from '../../../core/errors';
import type { OrderRow } from '../../../models/repositories/commerce.repository';
import type { GraphQLContext } from '../../context';
import { trackedUrl } from '../../../commerce/tracking';
import type { Resolvers } from '../../generated/graphql';
import { ENUM_VALUES } from '../enums';
import { asPayload } from '../common/common.resolvers';
import { pageSize, timeConnection, timeCursor } from '../common/connection';
import { money } from '../../../catalog/money';

export const commerceResolvers: Resolvers = {
  AttributionKind: ENUM_VALUES.AttributionKind,
  AttributionModel: ENUM_VALUES.AttributionModel,
  RefundKind: ENUM_VALUES.RefundKind,
  OrderStatus: ENUM_VALUES.OrderStatus,
  Query: {
    order: (_, args, ctx) => ctx.services.orders.explain(ctx.viewer, args.id),
    brands: (_, args, ctx) => ctx.services.orders.listBrands(ctx.viewer, args.nameContains ?? '', args.first ?? 20),
    brandOrders: async (_, args, ctx) => {
      const first = pageSize(args.first);
      const brand = await ctx.services.orders.consoleBrand(ctx.viewer, args.brandId);
      const rows = await ctx.services.orders.listBrandOrders(brand.id, args.status ?? null, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (o) => o.occurredAt);
    },
    paymentOptions: (_, __, ctx) => ctx.services.orders.paymentOptions(),
    viewerOrders: async (_, args, ctx) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.orders.listBuyerOrders(ctx.viewer, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (o) => o.occurredAt);
    },
  },
  Mutation: {
    clickProduct: (_, { input }, ctx) =>
      asPayload(async () => {
        if (!ctx.viewer) throw errors.unauthenticated();
        const recorded = await ctx.services.events.record(ctx.viewer, [{ ...input, type: 'product_click' }], ctx.client);
        const rejection = recorded.rejected[0];
        if (rejection) throw new AppError(rejection.code, rejection.message, rejection.field);
        const product = await ctx.services.products.get(input.productId);
        return { product, clickId: input.eventId, url: trackedUrl(product.buyUrl, input.eventId) };
      }),
    checkout: (_, args, ctx) => asPayload(async () => ({ order: await ctx.services.orders.checkout(ctx.viewer, args.input) })),
    payOrder: (_, args, ctx) => asPayload(async () => ({ order: await ctx.services.orders.payOrder(ctx.viewer, args.input) })),
    refundOrder: (_, args, ctx) =>
      asPayload(async () => {
        const refund = await ctx.services.orders.refund(ctx.viewer, args.input);
        const order = await ctx.services.orders.explain(ctx.viewer, refund.orderId);
        // A refund row has no currency of its own: its amount is in its order's.
        return { refund: { ...refund, currency: order.currency }, order };
      }),
    rotateWebhookSecret: (_, __, ctx) =>
      asPayload(async () => {
        const rotated = await ctx.services.orders.rotateWebhookSecret(ctx.viewer);
        return { brandId: rotated.brandId, secret: rotated.secret, previousSecretValidUntil: rotated.previousValidUntil };
      }),
    setSponsorDeal: (_, args, ctx) => asPayload(async () => ({ deal: await ctx.services.orders.setSponsorDeal(ctx.viewer, args.input) })),
  },
  Order: {
    product: (o, _, ctx) => ctx.loaders.product.load(o.productId),
    amount: (o) => money(o.amountMinor, o.currency),
    refunded: (o) => money(o.refundedMinor, o.currency),
    source: (o) => o.source.toUpperCase(),
    attribution: async (o, _, ctx) => ((await seesAttribution(o, ctx)) ? o.attribution : null),
    credits: async (o, _, ctx) => ((await seesAttribution(o, ctx)) ? ctx.loaders.orderCredits.load(o.id) : []),
    refunds: async (o, _, ctx) => (await ctx.loaders.orderRefunds.load(o.id)).map((r) => ({ ...r, currency: o.currency })),
  },
  AttributionCredit: {
    note: (a, _, ctx) => ctx.loaders.note.load(a.noteId),
    creator: (a, _, ctx) => ctx.loaders.user.load(a.creatorId),
    touchType: (a) => a.touchType.toUpperCase(),
  },
  Refund: {
    amount: (r) => money(r.amountMinor, r.currency),
  },
  SponsorDeal: {
    note: (d, _, ctx) => ctx.loaders.note.load(d.noteId),
    cost: (d) => money(d.costMinor, d.currency),
  },
};

/** The buyer reaches an order too (checkout, viewerOrders), but its attribution is the selling brand's business. */
async function seesAttribution(order: Pick<OrderRow, 'brandId'>, ctx: GraphQLContext): Promise<boolean> {
  if (!ctx.viewer) return false;
  const [user, brand] = await Promise.all([ctx.loaders.user.load(ctx.viewer.id), ctx.loaders.brandByOwner.load(ctx.viewer.id)]);
  return user !== undefined && can({ id: user.id, role: user.role, brandId: brand?.id ?? null }, 'order.attribution', order);
}
