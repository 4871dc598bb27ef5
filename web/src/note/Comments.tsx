import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../account/auth';
import type { CommentFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { CommentMutation, CommentsQuery } from '../queries';
import { Avatar } from '../ui/Avatar';
import { ErrorRetry } from '../ui/ErrorRetry';

interface ReplyTarget {
  id: string;
  name: string;
}

export function Comments({ noteId }: { noteId: string }) {
  const { t } = useI18n();
  const { signedIn } = useAuth();
  const [{ data, error, fetching }, refetch] = useQuery({ query: CommentsQuery, variables: { noteId } });
  const [{ fetching: sending }, comment] = useMutation(CommentMutation);
  const [body, setBody] = useState('');
  const [replyTo, setReplyTo] = useState<ReplyTarget | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return;
    const result = await comment({ input: { noteId, body: text, ...(replyTo ? { parentId: replyTo.id } : {}) } });
    const failure = result.error?.message ?? result.data?.comment.error?.message;
    if (failure) {
      setSendError(failure);
      return;
    }
    setBody('');
    setReplyTo(null);
    setSendError(null);
    refetch({ requestPolicy: 'network-only' });
  };

  const edges = data?.note?.comments.edges ?? [];
  return (
    <section className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="comments-heading">
        {t('note.comments', { count: data?.note?.commentCount ?? 0 })}
      </h2>
      {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!fetching && !error && edges.length === 0 && <p className="muted">{t('note.noComments')}</p>}
      <ul className="comment-list">
        {edges.map(({ node }) => (
          <li key={node.id}>
            <CommentItem comment={node} onReply={setReplyTo} />
            {node.replies.edges.length > 0 && (
              <ul className="reply-list">
                {node.replies.edges.map(({ node: reply }) => (
                  <li key={reply.id}>
                    <CommentItem comment={reply} onReply={setReplyTo} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {signedIn ? (
        <form className="comment-form" onSubmit={submit}>
          {replyTo && (
            <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
              {t('note.cancelReply')}
            </button>
          )}
          <label className="visually-hidden" htmlFor={`comment-${noteId}`}>
            {t('note.commentLabel')}
          </label>
          <input
            id={`comment-${noteId}`}
            className="input"
            value={body}
            maxLength={1000}
            placeholder={replyTo ? t('note.replyPlaceholder', { name: replyTo.name }) : t('note.commentPlaceholder')}
            onChange={(event) => setBody(event.target.value)}
          />
          <button type="submit" className="button" disabled={sending || !body.trim()}>
            {t('note.send')}
          </button>
          {sendError && (
            <p className="form-error" role="alert">
              {sendError}
            </p>
          )}
        </form>
      ) : (
        <p className="muted">
          <Link to="/login">{t('error.signInRequired')}</Link>
        </p>
      )}
    </section>
  );
}

function CommentItem({ comment, onReply }: { comment: CommentFieldsFragment; onReply(target: ReplyTarget): void }) {
  const { t } = useI18n();
  return (
    <div className="comment">
      <Avatar user={comment.author} size={28} />
      <div>
        <div className="comment-author">{comment.author.displayName}</div>
        <p className="comment-body">
          {comment.replyTo && <span className="muted">@{comment.replyTo.displayName} </span>}
          {comment.body}
        </p>
        <button type="button" className="link-button" onClick={() => onReply({ id: comment.id, name: comment.author.displayName })}>
          {t('note.reply')}
        </button>
      </div>
    </div>
  );
}
