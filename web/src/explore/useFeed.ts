import { useCallback, useMemo, useState } from 'react';
import { useQuery, type CombinedError } from 'urql';
import type { FeedKind, FeedQueryVariables, NoteCardFieldsFragment, TopicFeedQueryVariables } from '../gql/graphql';
import { FeedQuery, TopicFeedQuery } from '../queries';
import type { Channel } from './channels';

export const PAGE_SIZE = 20;

export interface Feed {
  notes: NoteCardFieldsFragment[];
  fetching: boolean;
  error: CombinedError | undefined;
  hasMore: boolean;
  loadMore(): void;
  retry(): void;
}

type Connection = {
  edges: { node: NoteCardFieldsFragment }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
};

/** A page of a channel that is a feed (For You, Following, Trending); the prefetch asks for the first with the same. */
export function feedVariables(channel: Channel, after: string | null): FeedQueryVariables {
  const kind: FeedKind = 'kind' in channel ? channel.kind : 'FOR_YOU';
  return { kind, first: PAGE_SIZE, after };
}

export function topicFeedVariables(channel: Channel, after: string | null): TopicFeedQueryVariables {
  return { name: 'topic' in channel ? channel.topic : '', first: PAGE_SIZE, after };
}

/**
 * One channel's notes through its Relay cursors: Graphcache's relayPagination merges each page into
 * the one list, so asking for the next cursor appends to what is shown.
 */
export function useFeed(channel: Channel, paused = false): Feed {
  const [after, setAfter] = useState<string | null>(null);
  const topic = 'topic' in channel ? channel.topic : null;
  const [feedResult, reexecuteFeed] = useQuery({
    query: FeedQuery,
    variables: feedVariables(channel, after),
    pause: paused || topic !== null,
  });
  const [topicResult, reexecuteTopic] = useQuery({
    query: TopicFeedQuery,
    variables: topicFeedVariables(channel, after),
    pause: paused || topic === null,
  });
  const result = topic === null ? feedResult : topicResult;
  const connection: Connection | undefined = topic === null ? feedResult.data?.feed : topicResult.data?.topic.notes;

  // The same note twice in one list would be two cards with one key: the first one stays.
  const notes = useMemo(() => {
    const seen = new Set<string>();
    return (connection?.edges ?? []).flatMap(({ node }) => (seen.has(node.id) ? [] : (seen.add(node.id), [node])));
  }, [connection]);

  const endCursor = connection?.pageInfo.endCursor ?? null;
  const hasMore = Boolean(connection?.pageInfo.hasNextPage && endCursor);
  const fetching = result.fetching;
  const error = result.error;
  const loadMore = useCallback(() => {
    if (hasMore && !fetching && !error && endCursor !== after) setAfter(endCursor);
  }, [hasMore, fetching, error, endCursor, after]);
  const retry = useCallback(() => {
    (topic === null ? reexecuteFeed : reexecuteTopic)({ requestPolicy: 'network-only' });
  }, [topic, reexecuteFeed, reexecuteTopic]);

  return { notes, fetching, error, hasMore, loadMore, retry };
}
