import { graphql } from '../gql';

/** What a product card, the product page and the checkout all show of a product. */
export const ProductSummaryFields = graphql(`
  fragment ProductSummaryFields on Product {
    id
    title
    images
    stock
    inStock
    price {
      amountMinor
      currency
      formatted
    }
    brand {
      id
      name
    }
  }
`);

export const ProductQuery = graphql(`
  query Product($id: ID!, $first: Int!, $after: String) {
    product(id: $id) {
      ...ProductSummaryFields
      description
      notes(first: $first, after: $after) {
        ...NoteCardPage
      }
    }
  }
`);

export const ClickProductMutation = graphql(`
  mutation ClickProduct($input: ProductClickInput!) {
    clickProduct(input: $input) {
      clickId
      error {
        code
        message
      }
    }
  }
`);

export const CheckoutMutation = graphql(`
  mutation Checkout($input: CheckoutInput!) {
    checkout(input: $input) {
      order {
        ...OrderFields
        product {
          id
          stock
          inStock
        }
      }
      error {
        code
        message
        field
      }
    }
  }
`);

export const PayOrderMutation = graphql(`
  mutation PayOrder($input: PayOrderInput!) {
    payOrder(input: $input) {
      order {
        ...OrderFields
      }
      error {
        code
        message
        field
      }
    }
  }
`);

export const PaymentOptionsQuery = graphql(`
  query PaymentOptions {
    paymentOptions {
      method
      label
    }
  }
`);

export const OrderFields = graphql(`
  fragment OrderFields on Order {
    id
    quantity
    status
    expiresAt
    occurredAt
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
      images
    }
  }
`);

export const ProductSummaryQuery = graphql(`
  query ProductSummary($id: ID!) {
    product(id: $id) {
      ...ProductSummaryFields
    }
  }
`);
