import type { Resolvers } from '../../generated/graphql';
import { ENUM_VALUES } from '../enums';
import { money } from '../../../catalog/money';

export const analyticsResolvers: Resolvers = {
  AnalyticsScopeKind: ENUM_VALUES.AnalyticsScopeKind,
  AnalyticsInterval: ENUM_VALUES.AnalyticsInterval,
  AnalyticsTable: ENUM_VALUES.AnalyticsTable,
  Query: {
    analyticsFunnel: (_, a, ctx) => ctx.services.analytics.funnel(ctx.viewer, a.scope, a.range, a.currency),
    analyticsSeries: async (_, a, ctx) =>
      (await ctx.services.analytics.series(ctx.viewer, a.scope, a.range, a.interval, a.currency)).map((funnel) => ({
        at: funnel.at,
        funnel,
      })),
    productTopNotes: (_, a, ctx) =>
      ctx.services.analytics.top(ctx.viewer, { kind: 'product', id: a.productId }, 'note', a.range, a.first ?? 10, a.currency ?? undefined),
    productTopCreators: (_, a, ctx) =>
      ctx.services.analytics.top(
        ctx.viewer,
        { kind: 'product', id: a.productId },
        'creator',
        a.range,
        a.first ?? 10,
        a.currency ?? undefined,
      ),
    topNotes: (_, a, ctx) => ctx.services.analytics.top(ctx.viewer, a.scope, 'note', a.range, a.first ?? 10, a.currency ?? undefined),
    topCreators: (_, a, ctx) => ctx.services.analytics.top(ctx.viewer, a.scope, 'creator', a.range, a.first ?? 10, a.currency ?? undefined),
    sponsorDeals: async (_, a, ctx) => {
      const currency = a.currency ?? 'CNY';
      return (await ctx.services.analytics.deals(ctx.viewer, a.brandId ?? null, a.range, currency)).map((d) => ({ ...d, currency }));
    },
    followerGain: (_, a, ctx) => ctx.services.analytics.followerGain(ctx.viewer, a.creatorId, a.range),
    audienceTopics: (_, a, ctx) => ctx.services.analytics.audienceTopics(ctx.viewer, a.scope, a.range),
    analyticsCsv: (_, a, ctx) => ctx.services.analyticsExport(ctx.viewer, { ...a, limit: a.first }),
  },
  TopNote: {
    note: (t, _, ctx) => ctx.loaders.note.load(t.id),
  },
  SponsorDealFigures: {
    note: (d, _, ctx) => ctx.loaders.note.load(d.noteId),
    cost: (d) => money(d.costMinor, d.currency),
    gmv: (d) => money(d.gmvMinor, d.currency),
    cpm: (d) => (d.cpmMinor === null ? null : money(d.cpmMinor, d.currency)),
    cpe: (d) => (d.cpeMinor === null ? null : money(d.cpeMinor, d.currency)),
  },
  TopCreator: {
    creator: (t, _, ctx) => ctx.loaders.user.load(t.id),
  },
  Funnel: {
    sales: (f) => ({ ...f.sales, currency: f.currency }),
    viewThrough: (f) => ({ ...f.viewThrough, currency: f.currency }),
    organic: (f) => ({ ...f.organic, currency: f.currency }),
    positionBasedOrders: (f) => f.positionOrders,
    positionBasedGmv: (f) => money(f.positionGmvMinor, f.currency),
    averageOrderValue: (f) => (f.averageOrderValueMinor === null ? null : money(f.averageOrderValueMinor, f.currency)),
    sponsored: (f) => f.sponsored && { ...f.sponsored, currency: f.currency },
  },
  Sales: {
    gmv: (s) => money(s.gmvMinor, s.currency),
    refundAmount: (s) => money(s.refundedMinor, s.currency),
    netGmv: (s) => money(s.gmvMinor - s.refundedMinor, s.currency),
  },
  SponsoredFigures: {
    cost: (s) => money(s.costMinor, s.currency),
    cpm: (s) => (s.cpmMinor === null ? null : money(s.cpmMinor, s.currency)),
    cpe: (s) => (s.cpeMinor === null ? null : money(s.cpeMinor, s.currency)),
  },
};
