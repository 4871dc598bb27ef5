import { cacheExchange, type Cache } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { createClient as createWsClient } from 'graphql-ws';
import { Client, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from 'urql';
import type { LikeMutationVariables, CollectMutationVariables, FollowMutationVariables } from './gql/graphql';
import { authHeaders, readToken } from './session';

/** A request that has not answered by then fails with a retry button instead of spinning forever. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Types without an id are stored inside their parent (null key), which also keeps Graphcache from warning. */
const embedded = () => null;
const EMBEDDED_TYPES = [
  'Media',
  'ProductTag',
  'Money',
  'ImageVariant',
  'VideoRendition',
  'MediaFailure',
  'PageInfo',
  'NoteEdge',
  'NoteConnection',
  'CommentEdge',
  'CommentConnection',
  'SearchEdge',
  'SearchConnection',
  'UserError',
  'UserEdge',
  'UserConnection',
  'UserPayload',
  'AuthPayload',
  'CommentPayload',
  'RecordEventsPayload',
  'EventRejection',
  'OrderEdge',
  'OrderConnection',
  'OrderPayload',
  'ProductClickPayload',
  'NotePayload',
  'DeleteNotePayload',
  'Funnel',
  'Sales',
  'FunnelPoint',
  'TopicShare',
  'SponsoredFigures',
  'TopNote',
  'TopCreator',
  'AttributionCredit',
  'SponsorDeal',
  'SponsorDealPayload',
  'SponsorDealFigures',
  'ProductPayload',
  'ProductEdge',
  'ProductConnection',
  'WebhookSecretPayload',
  'FeedExperiment',
  'FeedExperimentArm',
];

function countOf(cache: Cache, typename: string, id: string | number, field: string): number {
  const value = cache.resolve({ __typename: typename, id }, field);
  return typeof value === 'number' ? value : 0;
}

export function isUnauthenticated(error: CombinedError): boolean {
  const response = error.response as { status?: number } | undefined;
  return response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

function timedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
}

/**
 * One client per session: signing in or out builds a new one, so nothing cached for one person
 * (likes, follows, their feed) is shown to the next.
 */
export function createClient(options: { onUnauthenticated: () => void; url?: string }): Client {
  const url = options.url ?? '/graphql';
  const wsUrl = new URL(url, location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = createWsClient({
    url: wsUrl.href,
    lazy: true,
    connectionParams: () => {
      const token = readToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });

  return new Client({
    url,
    fetch: timedFetch,
    fetchOptions: () => ({ headers: authHeaders() }),
    requestPolicy: 'cache-first',
    // Apollo's CSRF guard refuses GET requests without a preflight-forcing header; POST always passes.
    preferGetMethod: false,
    exchanges: [
      cacheExchange({
        keys: {
          ...Object.fromEntries(EMBEDDED_TYPES.map((type) => [type, embedded])),
          Topic: (topic) => (typeof topic.name === 'string' ? topic.name : null),
        },
        resolvers: {
          Query: { relatedNotes: relayPagination(), viewerOrders: relayPagination() },
          Product: { notes: relayPagination() },
          User: { notes: relayPagination(), likedNotes: relayPagination(), followers: relayPagination(), following: relayPagination() },
          Board: { notes: relayPagination() },
        },
        optimistic: {
          like: (args, cache) => {
            const { noteId } = args as LikeMutationVariables;
            return { __typename: 'Note', id: noteId, viewerHasLiked: true, likeCount: countOf(cache, 'Note', noteId, 'likeCount') + 1 };
          },
          unlike: (args, cache) => {
            const { noteId } = args as LikeMutationVariables;
            const count = countOf(cache, 'Note', noteId, 'likeCount');
            return { __typename: 'Note', id: noteId, viewerHasLiked: false, likeCount: Math.max(0, count - 1) };
          },
          collect: (args, cache) => {
            const { noteId } = args as CollectMutationVariables;
            const count = countOf(cache, 'Note', noteId, 'collectCount');
            return { __typename: 'Note', id: noteId, viewerHasCollected: true, collectCount: count + 1 };
          },
          uncollect: (args, cache) => {
            const { noteId } = args as CollectMutationVariables;
            const count = countOf(cache, 'Note', noteId, 'collectCount');
            return { __typename: 'Note', id: noteId, viewerHasCollected: false, collectCount: Math.max(0, count - 1) };
          },
          follow: (args, cache) => {
            const { userId } = args as FollowMutationVariables;
            const count = countOf(cache, 'User', userId, 'followerCount');
            return { __typename: 'User', id: userId, viewerIsFollowing: true, followerCount: count + 1 };
          },
          unfollow: (args, cache) => {
            const { userId } = args as FollowMutationVariables;
            const count = countOf(cache, 'User', userId, 'followerCount');
            return { __typename: 'User', id: userId, viewerIsFollowing: false, followerCount: Math.max(0, count - 1) };
          },
        },
      }),
      mapExchange({
        onError(error) {
          if (readToken() && isUnauthenticated(error)) options.onUnauthenticated();
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
