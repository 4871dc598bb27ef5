import { graphql } from '../gql';

export const SearchProductFields = graphql(`
  fragment SearchProductFields on Product {
    id
    title
    images
    price {
      formatted
    }
    brand {
      id
      name
    }
  }
`);

export const SearchQuery = graphql(`
  query Search($query: String!, $first: Int!, $after: String) {
    search(query: $query, first: $first, after: $after) {
      edges {
        node {
          __typename
          ... on Note {
            ...NoteCardFields
          }
          ... on Product {
            ...SearchProductFields
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

export const SearchSuggestionsQuery = graphql(`
  query SearchSuggestions($query: String!) {
    search(query: $query, first: 6) {
      edges {
        node {
          __typename
          ... on Note {
            id
            title
          }
          ... on Product {
            id
            title
          }
        }
      }
    }
  }
`);
