import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { Avatar } from '../ui/Avatar';
import { FollowButton } from './FollowButton';
import { PagedStatus } from './NoteGrid';
import { FollowersQuery, FollowingQuery } from './profileQueries';
import { useConnection, type Paged } from './useConnection';
import './profile.css';

/** /user/:id/followers and /user/:id/following: people, each with a link to their profile and a follow button. */
export function FollowList({ which }: { which: 'followers' | 'following' }) {
  const { id = '' } = useParams();
  return which === 'followers' ? <Followers key={id} id={id} /> : <Following key={id} id={id} />;
}

function Followers({ id }: { id: string }) {
  const { t } = useI18n();
  const people = useConnection(FollowersQuery, { id }, (data) => data.user?.followers);
  const name = people.data?.user?.displayName;
  return <People id={id} name={name} people={people} title={name && t('profile.followersOf', { name })} empty={t('profile.noFollowers')} />;
}

function Following({ id }: { id: string }) {
  const { t } = useI18n();
  const people = useConnection(FollowingQuery, { id }, (data) => data.user?.following);
  const name = people.data?.user?.displayName;
  return <People id={id} name={name} people={people} title={name && t('profile.followingOf', { name })} empty={t('profile.noFollowing')} />;
}

type Person = { id: string; handle: string; displayName: string; avatarUrl?: string | null; bio: string; viewerIsFollowing: boolean };

interface PeopleProps {
  id: string;
  name: string | undefined;
  people: Paged<Person>;
  title: string | undefined;
  empty: string;
}

function People({ id, name, people, title, empty }: PeopleProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="people-title" aria-busy={people.fetching}>
      {name && (
        <Link to={`/user/${id}`} className="back-link">
          {t('profile.backToProfile', { name })}
        </Link>
      )}
      <h1 id="people-title" className="page-heading">
        {title}
      </h1>
      <ul className="people" data-testid="people">
        {people.items.map((person) => (
          <li key={person.id} className="person" data-testid="person">
            <Link to={`/user/${person.id}`} className="person-link">
              <Avatar user={person} size={44} />
              <span className="person-text">
                <span className="person-name">{person.displayName}</span>
                <span className="muted small">{person.bio || t('profile.handle', { handle: person.handle })}</span>
              </span>
            </Link>
            <FollowButton user={person} />
          </li>
        ))}
      </ul>
      {people.hasMore && !people.fetching && !people.error && (
        <p className="feed-status">
          <button type="button" className="button small" onClick={people.loadMore}>
            {t('search.loadMore')}
          </button>
        </p>
      )}
      <PagedStatus paged={people} empty={empty} />
    </section>
  );
}
