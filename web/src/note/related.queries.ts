import { graphql } from '../gql';

export const RelatedNotesQuery = graphql(`
  query RelatedNotes($noteId: ID!, $first: Int!, $after: String) {
    relatedNotes(noteId: $noteId, first: $first, after: $after) {
      ...NoteCardPage
    }
  }
`);

export const ViewerBoardsQuery = graphql(`
  query ViewerBoards {
    viewer {
      id
      boards {
        id
        name
      }
    }
  }
`);

export const CollectIntoBoardMutation = graphql(`
  mutation CollectIntoBoard($noteId: ID!, $boardId: ID) {
    collect(noteId: $noteId, boardId: $boardId) {
      id
      collectCount
      viewerHasCollected
    }
  }
`);

export const CreateBoardMutation = graphql(`
  mutation CreateBoard($name: String!) {
    createBoard(name: $name) {
      id
      name
    }
  }
`);
