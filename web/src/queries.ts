import { graphql } from './gql';

export const NoteCardFields = graphql(`
  fragment NoteCardFields on Note {
    id
    kind
    title
    likeCount
    viewerHasLiked
    reason
    author {
      id
      displayName
      avatarUrl
    }
    media {
      url
      width
      height
      upload {
        id
        dominantColor
        thumbhash
        posterUrl
        images {
          name
          url
          width
        }
      }
    }
  }
`);

/** A page of note cards in any connection (feeds, topics, profiles, boards, related notes, a product's notes). */
export const NoteCardPage = graphql(`
  fragment NoteCardPage on NoteConnection {
    edges {
      node {
        ...NoteCardFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

export const FeedQuery = graphql(`
  query Feed($kind: FeedKind!, $first: Int!, $after: String) {
    feed(kind: $kind, first: $first, after: $after) {
      ...NoteCardPage
    }
  }
`);

export const TopicFeedQuery = graphql(`
  query TopicFeed($name: String!, $first: Int!, $after: String) {
    topic(name: $name) {
      name
      notes(first: $first, after: $after) {
        ...NoteCardPage
      }
    }
  }
`);

export const NoteQuery = graphql(`
  query Note($id: ID!) {
    note(id: $id) {
      id
      kind
      title
      body
      topics
      likeCount
      collectCount
      commentCount
      viewerHasLiked
      viewerHasCollected
      publishedAt
      sponsored
      sponsor {
        id
        name
      }
      author {
        id
        displayName
        avatarUrl
        viewerIsFollowing
        followerCount
      }
      media {
        kind
        url
        width
        height
        durationMs
        upload {
          id
          dominantColor
          thumbhash
          posterUrl
          playlistUrl
          images {
            name
            url
            width
          }
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
          images
          price {
            formatted
          }
        }
      }
    }
  }
`);

export const CommentsQuery = graphql(`
  query Comments($noteId: ID!) {
    note(id: $noteId) {
      id
      commentCount
      comments(first: 20) {
        edges {
          node {
            ...CommentFields
            replies(first: 10) {
              edges {
                node {
                  ...CommentFields
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const CommentFields = graphql(`
  fragment CommentFields on Comment {
    id
    body
    createdAt
    author {
      id
      displayName
      avatarUrl
    }
    replyTo {
      id
      displayName
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      handle
      displayName
      avatarUrl
      interests
      role
      brand {
        id
        name
      }
    }
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);

/** What a toggle shows, asked back by both of its mutations. */
export const LikeState = graphql(`
  fragment LikeState on Note {
    id
    likeCount
    viewerHasLiked
  }
`);

export const CollectState = graphql(`
  fragment CollectState on Note {
    id
    collectCount
    viewerHasCollected
  }
`);

export const FollowState = graphql(`
  fragment FollowState on User {
    id
    viewerIsFollowing
    followerCount
  }
`);

export const LikeMutation = graphql(`
  mutation Like($noteId: ID!) {
    like(noteId: $noteId) {
      ...LikeState
    }
  }
`);

export const UnlikeMutation = graphql(`
  mutation Unlike($noteId: ID!) {
    unlike(noteId: $noteId) {
      ...LikeState
    }
  }
`);

export const CollectMutation = graphql(`
  mutation Collect($noteId: ID!) {
    collect(noteId: $noteId) {
      ...CollectState
    }
  }
`);

export const UncollectMutation = graphql(`
  mutation Uncollect($noteId: ID!) {
    uncollect(noteId: $noteId) {
      ...CollectState
    }
  }
`);

export const FollowMutation = graphql(`
  mutation Follow($userId: ID!) {
    follow(userId: $userId) {
      ...FollowState
    }
  }
`);

export const UnfollowMutation = graphql(`
  mutation Unfollow($userId: ID!) {
    unfollow(userId: $userId) {
      ...FollowState
    }
  }
`);

export const ShareMutation = graphql(`
  mutation Share($noteId: ID!, $channel: String) {
    share(noteId: $noteId, channel: $channel) {
      id
    }
  }
`);

export const CommentMutation = graphql(`
  mutation Comment($input: CommentInput!) {
    comment(input: $input) {
      comment {
        id
      }
      error {
        code
        message
      }
    }
  }
`);

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      error {
        code
        message
        field
      }
    }
  }
`);

export const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      token
      error {
        code
        message
        field
      }
    }
  }
`);
