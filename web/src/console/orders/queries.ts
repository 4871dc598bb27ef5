import { graphql } from '../../gql';

export const ConsoleOrdersQuery = graphql(`
  query ConsoleOrders($brandId: ID!, $first: Int!, $after: String) {
    brandOrders(brandId: $brandId, first: $first, after: $after) {
      edges {
        node {
          id
          occurredAt
          quantity
          source
          attribution
          amount {
            formatted
          }
          refunded {
            amountMinor
            formatted
          }
          product {
            id
            title
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

export const ConsoleOrderQuery = graphql(`
  query ConsoleOrder($id: ID!) {
    order(id: $id) {
      id
      occurredAt
      paidAt
      quantity
      status
      source
      externalId
      attribution
      amount {
        formatted
      }
      refunded {
        amountMinor
        formatted
      }
      product {
        id
        title
      }
      credits {
        model
        credit
        touchType
        touchEventId
        touchedAt
        impressionEventId
        impressedAt
        note {
          id
          title
        }
        creator {
          id
          displayName
        }
      }
      refunds {
        id
        kind
        reason
        occurredAt
        amount {
          formatted
        }
      }
    }
  }
`);
