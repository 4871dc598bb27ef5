import { graphql } from '../gql';

export const ProfileQuery = graphql(`
  query Profile($id: ID!) {
    user(id: $id) {
      id
      handle
      displayName
      bio
      avatarUrl
      followerCount
      followingCount
      noteCount
      likesAndCollectsReceived
      viewerIsFollowing
    }
  }
`);

export const UserNotesQuery = graphql(`
  query UserNotes($id: ID!, $first: Int!, $after: String) {
    user(id: $id) {
      id
      notes(first: $first, after: $after) {
        ...NoteCardPage
      }
    }
  }
`);

export const UserLikedNotesQuery = graphql(`
  query UserLikedNotes($id: ID!, $first: Int!, $after: String) {
    user(id: $id) {
      id
      likedNotes(first: $first, after: $after) {
        ...NoteCardPage
      }
    }
  }
`);

export const UserBoardsQuery = graphql(`
  query UserBoards($id: ID!) {
    user(id: $id) {
      id
      boards {
        id
        name
        noteCount
      }
    }
  }
`);

export const BoardNotesQuery = graphql(`
  query BoardNotes($id: ID!, $first: Int!, $after: String) {
    board(id: $id) {
      id
      name
      owner {
        id
        displayName
      }
      notes(first: $first, after: $after) {
        ...NoteCardPage
      }
    }
  }
`);

export const PersonFields = graphql(`
  fragment PersonFields on User {
    id
    handle
    displayName
    avatarUrl
    bio
    viewerIsFollowing
    followerCount
  }
`);

/** A page of people (followers, following). */
export const PersonPage = graphql(`
  fragment PersonPage on UserConnection {
    edges {
      node {
        ...PersonFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

export const FollowersQuery = graphql(`
  query Followers($id: ID!, $first: Int!, $after: String) {
    user(id: $id) {
      id
      displayName
      followers(first: $first, after: $after) {
        ...PersonPage
      }
    }
  }
`);

export const FollowingQuery = graphql(`
  query Following($id: ID!, $first: Int!, $after: String) {
    user(id: $id) {
      id
      displayName
      following(first: $first, after: $after) {
        ...PersonPage
      }
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      user {
        id
        displayName
        bio
        avatarUrl
      }
      error {
        code
        message
        field
      }
    }
  }
`);

export const UpdateInterestsMutation = graphql(`
  mutation UpdateInterests($interests: [String!]!) {
    updateInterests(interests: $interests) {
      user {
        id
        interests
      }
      error {
        code
        message
        field
      }
    }
  }
`);

export const UploadStatusQuery = graphql(`
  query UploadStatus($id: ID!) {
    upload(id: $id) {
      id
      status
      progress
      failure {
        message
      }
    }
  }
`);
