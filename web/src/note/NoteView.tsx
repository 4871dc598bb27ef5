import { Fragment, useCallback, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../account/auth';
import { useI18n } from '../i18n/i18n';
import { useOpenProduct } from '../product/useOpenProduct';
import { FollowMutation, NoteQuery, ShareMutation, UnfollowMutation } from '../queries';
import { Avatar } from '../ui/Avatar';
import { ErrorRetry } from '../ui/ErrorRetry';
import { useHidden } from '../ui/hidden';
import { HeartIcon, ShareIcon } from '../ui/icons';
import { useToast } from '../ui/toast';
import { useDismiss } from '../ui/useDismiss';
import { useLike } from '../ui/useLike';
import { Carousel } from './Carousel';
import { CollectButton } from './CollectButton';
import { Comments } from './Comments';
import { RelatedNotes } from './RelatedNotes';
import { useViewReport } from './useViewReport';
import { VideoPlayer } from './VideoPlayer';

/** #topics in the body become links to their topic feed. */
function withTopicLinks(body: string, label: (topic: string) => string): ReactNode[] {
  return body.split(/(#[\p{L}\p{N}_]+)/u).map((part, i) =>
    part.startsWith('#') && part.length > 1 ? (
      <Link key={i} to={`/?topic=${encodeURIComponent(part.slice(1))}`} aria-label={label(part.slice(1))}>
        {part}
      </Link>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

export function NoteView({ id, reason, onClose }: { id: string; reason?: string | null; onClose?: () => void }) {
  const { t, count, lang } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({ query: NoteQuery, variables: { id } });
  const note = data?.note;
  const reportWatched = useViewReport(id, note?.kind);
  const openProduct = useOpenProduct(id);

  if (error) return <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!note) {
    return fetching ? (
      <p className="feed-status">
        <span className="spinner" aria-hidden="true" /> {t('feed.loading')}
      </p>
    ) : (
      <p className="feed-status">{t('error.notFound')}</p>
    );
  }
  const published = note.publishedAt ? new Date(note.publishedAt).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en') : null;
  return (
    <>
      <article className="note-page" data-testid="note-page" aria-labelledby={`note-title-${note.id}`}>
        <div className="note-media">
          {note.kind === 'VIDEO' ? <VideoPlayer note={note} onWatched={reportWatched} /> : <Carousel note={note} />}
        </div>
        <div className="note-side">
          <header className="note-author">
            <Link to={`/user/${note.author.id}`} className="note-author-link">
              <Avatar user={note.author} size={36} />
              <span className="note-author-name">{note.author.displayName}</span>
            </Link>
            <FollowButton author={note.author} />
            {onClose && (
              <button type="button" className="icon-button note-close" aria-label={t('note.close')} onClick={onClose}>
                ×
              </button>
            )}
          </header>
          <div className="note-content">
            {note.sponsored && (
              // The disclosure is the creator's and shows at once; the brand is named once it has confirmed.
              <p className="sponsor-disclosure" data-testid="sponsor-disclosure">
                {note.sponsor ? t('note.sponsoredBy', { brand: note.sponsor.name }) : t('note.sponsored')}
              </p>
            )}
            <h1 id={`note-title-${note.id}`} className="note-title">
              {note.title}
            </h1>
            <p className="note-body">{withTopicLinks(note.body, (topic) => t('note.topicLink', { topic }))}</p>
            <p className="note-topics">
              {note.topics.map((topic) => (
                <Link key={topic} to={`/?topic=${encodeURIComponent(topic)}`} className="topic-link">
                  #{topic}
                </Link>
              ))}
            </p>
            {published && <p className="muted small">{published}</p>}
            {note.productTags.length > 0 && (
              <section className="note-products" aria-label={t('note.products')}>
                {note.productTags.map((tag) => (
                  <button
                    key={tag.position}
                    type="button"
                    className="product-chip"
                    data-testid="product-card"
                    data-product-id={tag.product.id}
                    onClick={() => openProduct(tag.product.id)}
                  >
                    <span className="product-title">{tag.product.title}</span>
                    <span className="price">{tag.product.price.formatted}</span>
                  </button>
                ))}
              </section>
            )}
            <WhyAmISeeingThis reason={reason} />
            <Comments noteId={note.id} />
          </div>
          <NoteActions note={note} count={count} onClose={onClose} />
        </div>
      </article>
      <RelatedNotes noteId={note.id} />
    </>
  );
}

function WhyAmISeeingThis({ reason }: { reason?: string | null }) {
  const { t } = useI18n();
  // The API's reason is "sources: words"; the words are what a person reads.
  const words = reason?.includes(':') ? reason.slice(reason.indexOf(':') + 1).trim() : reason;
  return (
    <details className="why">
      <summary>{t('note.why')}</summary>
      <p>{words || t('note.whyUnknown')}</p>
    </details>
  );
}

function FollowButton({ author }: { author: { id: string; viewerIsFollowing: boolean } }) {
  const { t } = useI18n();
  const { viewer, signedIn } = useAuth();
  const navigate = useNavigate();
  const [, follow] = useMutation(FollowMutation);
  const [, unfollow] = useMutation(UnfollowMutation);
  if (viewer?.id === author.id) return null;
  return (
    <button
      type="button"
      className={`follow-button${author.viewerIsFollowing ? ' following' : ''}`}
      aria-pressed={author.viewerIsFollowing}
      onClick={() => {
        if (!signedIn) navigate('/login');
        else void (author.viewerIsFollowing ? unfollow : follow)({ userId: author.id });
      }}
    >
      {author.viewerIsFollowing ? t('note.following') : t('note.follow')}
    </button>
  );
}

interface ActionNote {
  id: string;
  likeCount: number;
  collectCount: number;
  viewerHasLiked: boolean;
  viewerHasCollected: boolean;
  author: { id: string };
}

function NoteActions({ note, count, onClose }: { note: ActionNote; count(n: number): string; onClose?: () => void }) {
  const { t } = useI18n();
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const show = useToast();
  const { hide } = useHidden();
  const toggleLike = useLike(note);
  const [, share] = useMutation(ShareMutation);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuAnchor = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  useDismiss(menuOpen, closeMenu, menuAnchor, menuButton);

  const requireSignIn = (): boolean => {
    if (signedIn) return true;
    navigate('/login', { state: { from: location.pathname } });
    return false;
  };
  const onShare = async () => {
    const url = `${window.location.origin}/note/${note.id}`;
    try {
      await navigator.clipboard.writeText(url);
      show(t('note.linkCopied'));
      if (signedIn) void share({ noteId: note.id, channel: 'copy_link' });
    } catch {
      show(t('note.copyFailed'));
    }
  };
  const notInterested = (what: 'note' | 'creator') => {
    if (!requireSignIn()) return;
    setMenuOpen(false);
    hide(what, note);
    if (onClose) onClose();
    else navigate('/');
  };

  return (
    <footer className="note-actions" aria-label={t('note.actions')}>
      <button
        type="button"
        className={`action${note.viewerHasLiked ? ' active' : ''}`}
        data-testid="like-button"
        aria-pressed={note.viewerHasLiked}
        onClick={toggleLike}
      >
        <HeartIcon filled={note.viewerHasLiked} />
        <span>{note.viewerHasLiked ? t('note.liked') : t('note.like')}</span>
        <span data-testid="like-count">{count(note.likeCount)}</span>
      </button>
      <CollectButton note={note} count={count} requireSignIn={requireSignIn} />
      <button type="button" className="action" onClick={() => void onShare()}>
        <ShareIcon />
        <span>{t('note.share')}</span>
      </button>
      <div className="menu-anchor" ref={menuAnchor}>
        <button
          type="button"
          className="action"
          ref={menuButton}
          data-testid="not-interested"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span aria-hidden="true">⊘</span>
          <span>{t('note.notInterested')}</span>
        </button>
        {menuOpen && (
          <div className="menu" role="menu">
            <button type="button" role="menuitem" data-testid="hide-note" onClick={() => notInterested('note')}>
              {t('note.hideNote')}
            </button>
            <button type="button" role="menuitem" data-testid="hide-creator" onClick={() => notInterested('creator')}>
              {t('note.hideCreator')}
            </button>
          </div>
        )}
      </div>
    </footer>
  );
}
