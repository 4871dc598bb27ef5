import { graphql } from '../../gql';

export const FunnelQuery = graphql(`
  query StudioFunnel($scope: AnalyticsScope!, $range: DateRange!) {
    analyticsFunnel(scope: $scope, range: $range) {
      impressions
      reads
      readRate
      likes
      collects
      comments
      shares
      productClicks
      sales {
        orders
        gmv {
          formatted
        }
      }
    }
  }
`);

export const FollowerGainQuery = graphql(`
  query StudioFollowerGain($creatorId: ID!, $range: DateRange!) {
    followerGain(creatorId: $creatorId, range: $range)
  }
`);

export const SeriesQuery = graphql(`
  query StudioSeries($scope: AnalyticsScope!, $range: DateRange!) {
    analyticsSeries(scope: $scope, range: $range, interval: DAY) {
      at
      funnel {
        impressions
        reads
        engagements
        productClicks
      }
    }
  }
`);

export const AudienceTopicsQuery = graphql(`
  query StudioAudienceTopics($scope: AnalyticsScope!, $range: DateRange!) {
    audienceTopics(scope: $scope, range: $range) {
      topic
      reads
      share
    }
  }
`);

export const DataNoteTitleQuery = graphql(`
  query StudioDataNoteTitle($id: ID!) {
    note(id: $id) {
      id
      title
    }
  }
`);
