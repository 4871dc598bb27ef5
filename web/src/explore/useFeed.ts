import type { FeedKind, FeedQueryVariables, TopicFeedQueryVariables } from '../gql/graphql';
import { FeedQuery, TopicFeedQuery } from '../queries';
import type { Channel } from './channels';
import { usePages, type Pages } from './usePages';

export const PAGE_SIZE = 20;

export type Feed = Pages;

/** A page of a channel that is a feed (For You, Following, Trending); the prefetch asks for the first with the same. */
export function feedVariables(channel: Channel, after: string | null): FeedQueryVariables {
  const kind: FeedKind = 'kind' in channel ? channel.kind : 'FOR_YOU';
  return { kind, first: PAGE_SIZE, after };
}

export function topicFeedVariables(channel: Channel, after: string | null): TopicFeedQueryVariables {
  return { name: 'topic' in channel ? channel.topic : '', first: PAGE_SIZE, after };
}

/** One channel's notes, page after page through its Relay cursors. A channel is a feed or a topic, for a hook's whole life. */
export function useFeed(channel: Channel, paused = false): Feed {
  const topic = 'topic' in channel ? channel.topic : null;
  const feed = usePages(
    FeedQuery,
    (after) => feedVariables(channel, after),
    (data) => data.feed,
    paused || topic !== null,
  );
  const topicFeed = usePages(
    TopicFeedQuery,
    (after) => topicFeedVariables(channel, after),
    (data) => data.topic.notes,
    paused || topic === null,
  );
  return topic === null ? feed : topicFeed;
}
