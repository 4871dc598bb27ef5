import type { Resolvers } from '../../generated/graphql';
import { asPayload } from '../common/common.resolvers';

export const eventsResolvers: Resolvers = {
  ClientEventType: { IMPRESSION: 'impression', VIEW: 'view', PRODUCT_CLICK: 'product_click' },
  Mutation: {
    recordEvents: (_, args, ctx) =>
      asPayload(() => ctx.services.events.record(ctx.viewer, args.events), { accepted: 0, duplicates: 0, rejected: [] }),
  },
};
