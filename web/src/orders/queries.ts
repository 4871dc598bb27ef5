import { graphql } from '../gql';

export const ViewerOrdersQuery = graphql(`
  query ViewerOrders($first: Int!, $after: String) {
    viewerOrders(first: $first, after: $after) {
      edges {
        node {
          ...OrderFields
          amount {
            amountMinor
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
