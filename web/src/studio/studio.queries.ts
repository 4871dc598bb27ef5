import { graphql } from '../gql';

/** The creator's own notes, drafts included (User.notes shows them to their author only). */
export const StudioNotesQuery = graphql(`
  query StudioNotes($first: Int!, $after: String) {
    viewer {
      id
      notes(first: $first, after: $after) {
        edges {
          node {
            id
            kind
            title
            status
            failureReason
            sponsored
            createdAt
            publishedAt
            media {
              url
              upload {
                id
                posterUrl
                images {
                  name
                  url
                  width
                }
              }
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

/** A note as the publish form edits it. */
export const StudioNoteQuery = graphql(`
  query StudioNote($id: ID!) {
    note(id: $id) {
      id
      kind
      title
      body
      status
      sponsored
      sponsor {
        id
        name
      }
      media {
        kind
        url
        width
        height
        durationMs
        upload {
          id
          posterUrl
        }
      }
      productTags {
        position
        imageIndex
        x
        y
        atMs
        product {
          id
          title
          brand {
            id
            name
          }
        }
      }
    }
  }
`);

export const UploadProgressSubscription = graphql(`
  subscription UploadProgress($id: ID!) {
    uploadProgress(id: $id) {
      id
      kind
      status
      progress
      failure {
        reason
        message
      }
      width
      height
      durationMs
      images {
        name
        url
      }
    }
  }
`);

export const ProductSearchQuery = graphql(`
  query StudioProductSearch($query: String!) {
    search(query: $query, first: 10) {
      edges {
        node {
          __typename
          ... on Product {
            id
            title
            price {
              formatted
            }
            brand {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const CreateNoteMutation = graphql(`
  mutation StudioCreateNote($input: CreateNoteInput!) {
    createNote(input: $input) {
      note {
        id
        status
      }
      error {
        field
        message
      }
    }
  }
`);

export const UpdateNoteMutation = graphql(`
  mutation StudioUpdateNote($id: ID!, $input: UpdateNoteInput!) {
    updateNote(id: $id, input: $input) {
      note {
        id
        status
      }
      error {
        field
        message
      }
    }
  }
`);

export const PublishNoteMutation = graphql(`
  mutation StudioPublishNote($id: ID!) {
    publishNote(id: $id) {
      note {
        id
        status
      }
      error {
        field
        message
      }
    }
  }
`);

export const DeleteNoteMutation = graphql(`
  mutation StudioDeleteNote($id: ID!) {
    deleteNote(id: $id) {
      deletedId
      error {
        field
        message
      }
    }
  }
`);
