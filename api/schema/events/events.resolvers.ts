import type { Resolvers } from '../../generated/graphql';
import { ENUM_VALUES } from '../enums';
import { asPayload } from '../common/common.resolvers';

export const eventsResolvers: Resolvers = {
  ClientEventType: ENUM_VALUES.ClientEventType,
  Mutation: {
    recordEvents: async (_, args, ctx) => {
      await ctx.services.rateLimits.consume('events', ctx.client, Math.max(1, args.events.length));
      return asPayload(() => ctx.services.events.record(ctx.viewer, args.events, ctx.client), { accepted: 0, duplicates: 0, rejected: [] });
    },
  },
};
