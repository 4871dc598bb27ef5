import type { Grain } from '../models/repositories/analytics.repository';
import type { AnalyticsService, Funnel, RangeInput, ScopeInput } from './analytics.service';
import type { Actor } from '../accounts/policy';
import { toCsv } from './csv';

export type ExportTable = 'funnel' | 'series' | 'top_notes' | 'top_creators' | 'audience_topics' | 'deals';
export const EXPORT_TABLES: readonly ExportTable[] = ['funnel', 'series', 'top_notes', 'top_creators', 'audience_topics', 'deals'];

export interface ExportRequest {
  table: ExportTable;
  scope: ScopeInput;
  range: RangeInput;
  interval?: Grain;
  currency?: string;
  /** Rows of a top list. */
  limit?: number;
}

const FUNNEL_COLUMNS = [
  'impressions',
  'reads',
  'anonymous_impressions',
  'anonymous_reads',
  'engagements',
  'likes',
  'collects',
  'comments',
  'shares',
  'product_clicks',
  'orders',
  'units',
  'gmv_minor',
  'refunds',
  'refunded_minor',
  'view_through_orders',
  'view_through_gmv_minor',
  'organic_orders',
  'organic_gmv_minor',
  'position_orders',
  'position_gmv_minor',
  'read_rate',
  'ctr',
  'cvr',
  'engagement_rate',
  'average_order_value_minor',
  'currency',
] as const;

function funnelCells(f: Funnel): (string | number | null)[] {
  return [
    f.impressions,
    f.reads,
    f.anonymousImpressions,
    f.anonymousReads,
    f.engagements,
    f.likes,
    f.collects,
    f.comments,
    f.shares,
    f.productClicks,
    f.sales.orders,
    f.sales.units,
    f.sales.gmvMinor,
    f.sales.refunds,
    f.sales.refundedMinor,
    f.viewThrough.orders,
    f.viewThrough.gmvMinor,
    f.organic.orders,
    f.organic.gmvMinor,
    round(f.positionOrders),
    Math.round(f.positionGmvMinor),
    round(f.readRate),
    round(f.ctr),
    round(f.cvr),
    round(f.engagementRate),
    f.averageOrderValueMinor,
    f.currency,
  ];
}

/** Any table the dashboard shows, as a CSV file; money in integer minor units, as the API gives it. */
export async function exportCsv(
  analytics: AnalyticsService,
  actor: Actor | null,
  request: ExportRequest,
): Promise<{ filename: string; csv: string }> {
  const { table, scope, range, currency } = request;
  const stem = `${table}-${scope.kind}-${scope.id ?? 'own'}-${day(range.from)}-${day(range.to)}`;
  switch (table) {
    case 'funnel': {
      const funnel = await analytics.funnel(actor, scope, range, currency);
      return { filename: `${stem}.csv`, csv: toCsv(FUNNEL_COLUMNS, [funnelCells(funnel)]) };
    }
    case 'series': {
      const points = await analytics.series(actor, scope, range, request.interval ?? 'day', currency);
      return {
        filename: `${stem}.csv`,
        csv: toCsv(
          ['at', ...FUNNEL_COLUMNS],
          points.map((p) => [p.at.toISOString(), ...funnelCells(p)]),
        ),
      };
    }
    case 'top_notes':
    case 'top_creators': {
      const by = table === 'top_notes' ? 'note' : 'creator';
      const rows = await analytics.top(actor, scope, by, range, request.limit ?? 20, currency);
      return {
        filename: `${stem}.csv`,
        csv: toCsv(
          [`${by}_id`, ...FUNNEL_COLUMNS],
          rows.map((r) => [r.id, ...funnelCells(r.funnel)]),
        ),
      };
    }
    case 'deals': {
      const rows = await analytics.deals(actor, scope.kind === 'brand' ? (scope.id ?? null) : null, range, currency);
      return {
        filename: `${stem}.csv`,
        csv: toCsv(
          ['note_id', 'cost_minor', 'impressions', 'engagements', 'gmv_minor', 'cpm_minor', 'cpe_minor', 'roi', 'currency'],
          rows.map((r) => [
            r.noteId,
            r.costMinor,
            r.impressions,
            r.engagements,
            r.gmvMinor,
            r.cpmMinor,
            r.cpeMinor,
            round(r.roi),
            currency ?? 'CNY',
          ]),
        ),
      };
    }
    case 'audience_topics': {
      const rows = await analytics.audienceTopics(actor, scope, range);
      return {
        filename: `${stem}.csv`,
        csv: toCsv(
          ['topic', 'reads', 'share'],
          rows.map((r) => [r.topic, r.reads, round(r.share)]),
        ),
      };
    }
  }
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}

function day(at: Date): string {
  return Number.isNaN(at.getTime()) ? 'invalid' : at.toISOString().slice(0, 10);
}
