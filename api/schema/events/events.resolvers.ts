import type { GraphQLContext } from '../../context';
import { asPayload } from '../common/common.resolvers';

export const eventsResolvers = {
  ClientEventType: { IMPRESSION: 'impression', VIEW: 'view', PRODUCT_CLICK: 'product_click' },
  Mutation: {
    recordEvents: (_: unknown, args: { events: unknown[] }, ctx: GraphQLContext) =>
      asPayload(() => ctx.services.events.record(ctx.viewer, args.events), { accepted: 0, duplicates: 0, rejected: [] }),
  },
};
