import { graphql } from '../../gql';
import type { Preset, Range } from '../range';

/** The range the dashboard opens on. */
export const FIRST_PRESET: Preset = '30d';

/**
 * The dashboard query's variables for a range and a brand, or the signed-in account's own brand (null): one function, so
 * that a prefetch asks exactly what the page will. The own brand goes without its id, which the prefetch does not know.
 */
export function dashboardVariables(brandId: string | null, range: Range) {
  const scope = brandId === null ? { kind: 'BRAND' as const } : { kind: 'BRAND' as const, id: brandId };
  return { scope, range: { from: range.from, to: range.to }, interval: range.interval };
}

export const ConsoleDashboardQuery = graphql(`
  query ConsoleDashboard($scope: AnalyticsScope!, $range: DateRange!, $interval: AnalyticsInterval!) {
    analyticsFunnel(scope: $scope, range: $range) {
      impressions
      reads
      engagements
      productClicks
      ctr
      cvr
      repeatPurchaseRate
      averageOrderValue {
        formatted
      }
      sales {
        ...ConsoleSales
      }
      viewThrough {
        ...ConsoleSales
      }
      organic {
        ...ConsoleSales
      }
    }
    analyticsSeries(scope: $scope, range: $range, interval: $interval) {
      at
      funnel {
        sales {
          orders
          gmv {
            amountMinor
            currency
            formatted
          }
        }
      }
    }
    topNotes(scope: $scope, range: $range, first: 10) {
      note {
        id
        title
        author {
          id
          displayName
        }
      }
      funnel {
        ...ConsoleTopFunnel
      }
    }
    topCreators(scope: $scope, range: $range, first: 10) {
      creator {
        id
        displayName
      }
      funnel {
        ...ConsoleTopFunnel
      }
    }
    audienceTopics(scope: $scope, range: $range) {
      topic
      reads
      share
    }
  }
`);

export const ConsoleSalesFragment = graphql(`
  fragment ConsoleSales on Sales {
    orders
    refunds
    gmv {
      amountMinor
      currency
      formatted
    }
    refundAmount {
      formatted
    }
    netGmv {
      formatted
    }
  }
`);

export const ConsoleTopFunnelFragment = graphql(`
  fragment ConsoleTopFunnel on Funnel {
    impressions
    reads
    productClicks
    ctr
    sales {
      orders
      gmv {
        formatted
      }
    }
  }
`);
