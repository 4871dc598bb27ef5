import { useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useAuth } from '../account/auth';
import { LikeMutation, UnlikeMutation } from '../queries';

/** Like or unlike at once (Graphcache applies the optimistic count); anonymous visitors are sent to log in. */
export function useLike(note: { id: string; viewerHasLiked: boolean }): () => void {
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [, like] = useMutation(LikeMutation);
  const [, unlike] = useMutation(UnlikeMutation);
  return () => {
    if (!signedIn) {
      navigate('/login', { state: { from: location.pathname + location.search, notice: 'error.signInRequired' } });
      return;
    }
    void (note.viewerHasLiked ? unlike : like)({ noteId: note.id });
  };
}
