import { useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useAuth } from '../account/auth';
import { useI18n } from '../i18n/i18n';
import { FollowMutation, UnfollowMutation } from '../queries';

/** Follow or unfollow someone else; nothing for oneself, and a sign-in first for a visitor. */
export function FollowButton({ user }: { user: { id: string; displayName: string; viewerIsFollowing: boolean } }) {
  const { t } = useI18n();
  const { viewer, signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [follow, doFollow] = useMutation(FollowMutation);
  const [unfollow, doUnfollow] = useMutation(UnfollowMutation);
  if (viewer?.id === user.id) return null;
  return (
    <button
      type="button"
      className={`follow-button${user.viewerIsFollowing ? ' following' : ''}`}
      data-testid="follow-button"
      aria-pressed={user.viewerIsFollowing}
      aria-label={`${t(user.viewerIsFollowing ? 'note.following' : 'note.follow')} ${user.displayName}`}
      disabled={follow.fetching || unfollow.fetching}
      onClick={() => {
        if (!signedIn) navigate('/login', { state: { from: location.pathname } });
        else void (user.viewerIsFollowing ? doUnfollow : doFollow)({ userId: user.id });
      }}
    >
      {user.viewerIsFollowing ? t('note.following') : t('note.follow')}
    </button>
  );
}
