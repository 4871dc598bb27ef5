import { graphql } from '../../gql';

export const ConsoleProductsQuery = graphql(`
  query ConsoleProducts($brandId: ID!, $first: Int!) {
    brand(id: $brandId) {
      id
      products(first: $first) {
        edges {
          node {
            id
            title
            category
            stock
            inStock
            createdAt
            price {
              amountMinor
              currency
              formatted
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const ConsoleProductQuery = graphql(`
  query ConsoleProduct($id: ID!) {
    product(id: $id) {
      id
      brand {
        id
      }
      ...ConsoleProductFields
    }
  }
`);

export const ConsoleProductFieldsFragment = graphql(`
  fragment ConsoleProductFields on Product {
    id
    title
    description
    images
    category
    stock
    buyUrl
    price {
      amountMinor
      currency
      formatted
    }
  }
`);

export const CreateConsoleProductMutation = graphql(`
  mutation CreateConsoleProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      product {
        ...ConsoleProductFields
      }
      error {
        code
        message
        field
      }
    }
  }
`);

export const UpdateConsoleProductMutation = graphql(`
  mutation UpdateConsoleProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      product {
        ...ConsoleProductFields
      }
      error {
        code
        message
        field
      }
    }
  }
`);
