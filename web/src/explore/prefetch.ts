import type { Client } from 'urql';
import { FeedQuery, TopicFeedQuery } from '../queries';
import { readToken } from '../session';
import { channelOf } from './channels';
import { feedVariables, topicFeedVariables } from './useFeed';

/**
 * Asks for the explore page's first cards as soon as the session's client exists, instead of after the whole page has
 * rendered: the feed's own query (same document, same variables) then finds the answer in flight or in the cache.
 */
export function prefetchExplore(client: Client, at: Location = window.location): void {
  if (at.pathname !== '/') return;
  const channel = channelOf(new URLSearchParams(at.search));
  // Errors are the feed's to show, when its own query meets them.
  const ignore = () => undefined;
  if ('topic' in channel) {
    void client.query(TopicFeedQuery, topicFeedVariables(channel, null)).toPromise().catch(ignore);
  } else if (channel.kind !== 'FOLLOWING' || readToken() !== null) {
    void client.query(FeedQuery, feedVariables(channel, null)).toPromise().catch(ignore);
  }
}
