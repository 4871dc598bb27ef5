import type { FeedKind } from '../gql/graphql';
import type { MessageKey } from '../i18n/messages';

export type Channel = { kind: FeedKind } | { topic: string };

/** The sign-up categories (catalog/categories.ts), offered as topic channels and at sign-up. */
export const TOPICS = ['beauty', 'fashion', 'food', 'travel', 'home', 'tech'] as const;

const KINDS: Record<string, FeedKind> = { following: 'FOLLOWING', trending: 'TRENDING' };

/** ?channel=following|trending, ?topic=name, or For You. */
export function channelOf(search: URLSearchParams): Channel {
  const topic = search.get('topic');
  if (topic) return { topic };
  return { kind: KINDS[search.get('channel') ?? ''] ?? 'FOR_YOU' };
}

export function channelKey(channel: Channel): string {
  return 'topic' in channel ? `topic:${channel.topic}` : channel.kind;
}

export function topicLabel(topic: string): MessageKey | null {
  return (TOPICS as readonly string[]).includes(topic) ? (`topic.${topic}` as MessageKey) : null;
}
