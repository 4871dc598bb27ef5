import type { ExportTable } from '../../../commerce/analytics-export';
import type { Funnel, RangeInput, ScopeInput, Sponsored } from '../../../commerce/analytics.service';
import type { Grain, SalesRow } from '../../../models/repositories/analytics.repository';
import type { GraphQLContext } from '../../context';
import { money } from '../products/products.resolvers';

interface ScopedArgs {
  scope: ScopeInput;
  range: RangeInput;
  currency: string;
}

type InFunnel<T> = T & { currency: string };

export const analyticsResolvers = {
  AnalyticsScopeKind: { BRAND: 'brand', PRODUCT: 'product', NOTE: 'note', CREATOR: 'creator' },
  AnalyticsInterval: { DAY: 'day', HOUR: 'hour' },
  AnalyticsTable: {
    FUNNEL: 'funnel',
    SERIES: 'series',
    TOP_NOTES: 'top_notes',
    TOP_CREATORS: 'top_creators',
    AUDIENCE_TOPICS: 'audience_topics',
  },
  Query: {
    analyticsFunnel: (_: unknown, a: ScopedArgs, ctx: GraphQLContext) =>
      ctx.services.analytics.funnel(ctx.viewer, a.scope, a.range, a.currency),
    analyticsSeries: async (_: unknown, a: ScopedArgs & { interval: Grain }, ctx: GraphQLContext) =>
      (await ctx.services.analytics.series(ctx.viewer, a.scope, a.range, a.interval, a.currency)).map((funnel) => ({
        at: funnel.at,
        funnel,
      })),
    productTopNotes: (_: unknown, a: TopArgs, ctx: GraphQLContext) =>
      ctx.services.analytics.top(ctx.viewer, a.productId, 'note', a.range, a.first, a.currency),
    productTopCreators: (_: unknown, a: TopArgs, ctx: GraphQLContext) =>
      ctx.services.analytics.top(ctx.viewer, a.productId, 'creator', a.range, a.first, a.currency),
    audienceTopics: (_: unknown, a: ScopedArgs, ctx: GraphQLContext) => ctx.services.analytics.audienceTopics(ctx.viewer, a.scope, a.range),
    analyticsCsv: (_: unknown, a: ScopedArgs & { table: ExportTable; interval: Grain; first: number }, ctx: GraphQLContext) =>
      ctx.services.analyticsExport(ctx.viewer, { ...a, limit: a.first }),
  },
  TopNote: {
    note: (t: { id: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.note.load(t.id),
  },
  TopCreator: {
    creator: (t: { id: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.user.load(t.id),
  },
  Funnel: {
    sales: (f: Funnel) => ({ ...f.sales, currency: f.currency }),
    viewThrough: (f: Funnel) => ({ ...f.viewThrough, currency: f.currency }),
    organic: (f: Funnel) => ({ ...f.organic, currency: f.currency }),
    positionBasedOrders: (f: Funnel) => f.positionOrders,
    positionBasedGmv: (f: Funnel) => money(f.positionGmvMinor, f.currency),
    averageOrderValue: (f: Funnel) => (f.averageOrderValueMinor === null ? null : money(f.averageOrderValueMinor, f.currency)),
    sponsored: (f: Funnel) => f.sponsored && { ...f.sponsored, currency: f.currency },
  },
  Sales: {
    gmv: (s: InFunnel<SalesRow>) => money(s.gmvMinor, s.currency),
    refundAmount: (s: InFunnel<SalesRow>) => money(s.refundedMinor, s.currency),
    netGmv: (s: InFunnel<SalesRow>) => money(s.gmvMinor - s.refundedMinor, s.currency),
  },
  SponsoredFigures: {
    cost: (s: InFunnel<Sponsored>) => money(s.costMinor, s.currency),
    cpm: (s: InFunnel<Sponsored>) => (s.cpmMinor === null ? null : money(s.cpmMinor, s.currency)),
    cpe: (s: InFunnel<Sponsored>) => (s.cpeMinor === null ? null : money(s.cpeMinor, s.currency)),
  },
};

interface TopArgs {
  productId: string;
  range: RangeInput;
  first: number;
  currency: string;
}
