import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../account/auth';
import { useI18n } from '../i18n/i18n';
import { Avatar } from '../ui/Avatar';
import { ErrorRetry } from '../ui/ErrorRetry';
import { FollowButton } from './FollowButton';
import { NoteGrid } from './NoteGrid';
import { BoardNotesQuery, ProfileQuery, UserBoardsQuery, UserLikedNotesQuery, UserNotesQuery } from './profileQueries';
import { useConnection } from './useConnection';
import './profile.css';

type Tab = 'notes' | 'boards' | 'liked';
const TABS: readonly Tab[] = ['notes', 'boards', 'liked'];

function Loading() {
  const { t } = useI18n();
  return (
    <p className="feed-status">
      <span className="spinner" aria-hidden="true" /> {t('feed.loading')}
    </p>
  );
}

/** /me: the signed-in person's own profile, or signing in first. */
export function MeRedirect() {
  const { signedIn, viewer } = useAuth();
  if (!signedIn) return <Navigate to="/login" replace />;
  return viewer ? <Navigate to={`/user/${viewer.id}`} replace /> : <Loading />;
}

export function ProfilePage() {
  const { id = '' } = useParams();
  const { t, count } = useI18n();
  const { viewer } = useAuth();
  const [params] = useSearchParams();
  const tab: Tab = TABS.find((candidate) => candidate === params.get('tab')) ?? 'notes';
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProfileQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const user = data?.user;

  if (error && !user) return <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!user) return fetching ? <Loading /> : <p className="feed-status">{t('profile.notFound')}</p>;
  const tabLabels: Record<Tab, string> = { notes: t('profile.notes'), boards: t('profile.boards'), liked: t('profile.liked') };
  return (
    <>
      <header className="profile-header" data-testid="profile">
        <Avatar user={user} size={88} />
        <div className="profile-info">
          <h1 className="profile-name">{user.displayName}</h1>
          <p className="muted small">{t('profile.handle', { handle: user.handle })}</p>
          <p className="profile-bio">{user.bio || <span className="muted">{t('profile.noBio')}</span>}</p>
          <ul className="profile-counts">
            <li>
              <Link to={`/user/${user.id}/following`} data-testid="following-link">
                <strong>{count(user.followingCount)}</strong> {t('profile.following')}
              </Link>
            </li>
            <li>
              <Link to={`/user/${user.id}/followers`} data-testid="followers-link">
                <strong data-testid="follower-count">{count(user.followerCount)}</strong> {t('profile.followers')}
              </Link>
            </li>
            <li>
              <strong>{count(user.likesAndCollectsReceived)}</strong> {t('profile.likesAndCollects')}
            </li>
          </ul>
        </div>
        <div className="profile-actions">
          {viewer?.id === user.id ? (
            <Link to="/me/edit" className="button small">
              {t('profile.edit')}
            </Link>
          ) : (
            <FollowButton user={user} />
          )}
        </div>
      </header>
      <nav className="channels" aria-label={t('profile.tabs')}>
        {TABS.map((candidate) => (
          <Link
            key={candidate}
            to={candidate === 'notes' ? `/user/${user.id}` : `/user/${user.id}?tab=${candidate}`}
            className="channel"
            aria-current={candidate === tab ? 'page' : undefined}
          >
            {tabLabels[candidate]}
          </Link>
        ))}
      </nav>
      {tab === 'notes' && <UserNotes key={user.id} id={user.id} />}
      {tab === 'liked' && <LikedNotes key={user.id} id={user.id} />}
      {tab === 'boards' && <Boards key={user.id} id={user.id} />}
    </>
  );
}

function UserNotes({ id }: { id: string }) {
  const { t } = useI18n();
  const notes = useConnection(UserNotesQuery, { id }, (data) => data.user?.notes);
  return <NoteGrid notes={notes} label={t('profile.notes')} empty={t('profile.noNotes')} />;
}

function LikedNotes({ id }: { id: string }) {
  const { t } = useI18n();
  const notes = useConnection(UserLikedNotesQuery, { id }, (data) => data.user?.likedNotes);
  return <NoteGrid notes={notes} label={t('profile.liked')} empty={t('profile.noLiked')} />;
}

function Boards({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: UserBoardsQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  if (error && !data) return <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const boards = data?.user?.boards ?? [];
  if (boards.length === 0) return fetching ? <Loading /> : <p className="feed-status">{t('profile.noBoards')}</p>;
  return (
    <ul className="board-list" aria-label={t('profile.boards')}>
      {boards.map((board) => (
        <li key={board.id}>
          <Link to={`/board/${board.id}`} className="board-tile">
            <span className="board-name">{board.name}</span>
            <span className="muted small">{t('profile.boardCount', { count: board.noteCount })}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function BoardPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const notes = useConnection(BoardNotesQuery, { id }, (data) => data.board?.notes);
  const board = notes.data?.board;
  return (
    <>
      {board && (
        <>
          <Link to={`/user/${board.owner.id}?tab=boards`} className="back-link">
            {t('profile.backToProfile', { name: board.owner.displayName })}
          </Link>
          <h1 className="page-heading">{t('profile.board', { name: board.name })}</h1>
        </>
      )}
      <NoteGrid notes={notes} label={board?.name ?? t('profile.boards')} empty={t('feed.empty')} />
    </>
  );
}
