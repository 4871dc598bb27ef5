import { graphql } from '../../gql';

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret {
    rotateWebhookSecret {
      brandId
      secret
      previousSecretValidUntil
      error {
        code
        message
      }
    }
  }
`);

/** A product of the brand's for the sample order: its id and price make the sample a request the server accepts. */
export const ConsoleSampleProductQuery = graphql(`
  query ConsoleSampleProduct {
    viewer {
      id
      brand {
        id
        products(first: 1) {
          edges {
            node {
              id
              price {
                amountMinor
                currency
              }
            }
          }
        }
      }
    }
  }
`);
