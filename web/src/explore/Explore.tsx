import { useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../account/auth';
import { useEvents } from '../events/context';
import { useI18n } from '../i18n/i18n';
import { ErrorRetry } from '../ui/ErrorRetry';
import { useHidden } from '../ui/hidden';
import { channelKey, channelOf, topicLabel, TOPICS, type Channel } from './channels';
import { useFeed } from './useFeed';
import { Waterfall } from './Waterfall';

export function Explore() {
  const [search] = useSearchParams();
  const channel = channelOf(search);
  return (
    <>
      <ChannelTabs channel={channel} />
      {/* A channel of its own: its own cursor chain and scroll state. */}
      <ChannelFeed key={channelKey(channel)} channel={channel} />
    </>
  );
}

function ChannelTabs({ channel }: { channel: Channel }) {
  const { t } = useI18n();
  const { signedIn } = useAuth();
  const current = channelKey(channel);
  const tabs: { key: string; to: string; label: string }[] = [
    { key: 'FOR_YOU', to: '/', label: t('channel.forYou') },
    ...(signedIn ? [{ key: 'FOLLOWING', to: '/?channel=following', label: t('channel.following') }] : []),
    { key: 'TRENDING', to: '/?channel=trending', label: t('channel.trending') },
    ...TOPICS.map((topic) => ({ key: `topic:${topic}`, to: `/?topic=${topic}`, label: t(`topic.${topic}`) })),
  ];
  if ('topic' in channel && !topicLabel(channel.topic))
    tabs.push({ key: current, to: `/?topic=${encodeURIComponent(channel.topic)}`, label: `#${channel.topic}` });
  return (
    <nav className="channels" aria-label={t('channel.label')}>
      {tabs.map((tab) => (
        <Link key={tab.key} to={tab.to} className="channel" aria-current={tab.key === current ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

function ChannelFeed({ channel }: { channel: Channel }) {
  const { t } = useI18n();
  const { signedIn } = useAuth();
  const { tracker } = useEvents();
  const { isHidden } = useHidden();
  const needsSignIn = 'kind' in channel && channel.kind === 'FOLLOWING' && !signedIn;
  const feed = useFeed(channel, needsSignIn);
  // The same list while nothing changed, so that the waterfall keeps its layout and its cards are not rendered again.
  const notes = useMemo(() => feed.notes.filter((note) => !isHidden(note)), [feed.notes, isHidden]);

  // Entering a channel is a new page view: its cards count as seen again.
  useEffect(() => tracker.newPageView(), [tracker]);

  if (needsSignIn) {
    return (
      <p className="feed-status">
        <Link to="/login">{t('feed.signInForFollowing')}</Link>
      </p>
    );
  }
  const emptyMessage = 'kind' in channel && channel.kind === 'FOLLOWING' ? t('feed.followingEmpty') : t('feed.empty');
  return (
    <section aria-label={t('nav.explore')} aria-busy={feed.fetching}>
      <Waterfall notes={notes} onEndReached={feed.loadMore} onShown={feed.shown} />
      {feed.error ? (
        <ErrorRetry error={feed.error} onRetry={feed.retry} />
      ) : feed.fetching ? (
        <p className="feed-status">
          <span className="spinner" aria-hidden="true" /> {t('feed.loading')}
        </p>
      ) : notes.length === 0 ? (
        <p className="feed-status">{emptyMessage}</p>
      ) : (
        !feed.hasMore && <p className="feed-status">{t('feed.end')}</p>
      )}
    </section>
  );
}
