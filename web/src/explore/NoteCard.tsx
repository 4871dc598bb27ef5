import { memo, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { useEvents } from '../events/context';
import type { NoteCardFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { useOpenNote } from '../note/opener';
import { NoteQuery } from '../queries';
import { Avatar } from '../ui/Avatar';
import { HeartIcon } from '../ui/icons';
import { useLike } from '../ui/useLike';
import { coverOf } from './cover';
import type { Box } from './layout';

/** The fixed height of a card's text: two lines of title and the author row. */
export const CARD_FOOTER_HEIGHT = 84;

export const NoteCard = memo(function NoteCard({ note, box }: { note: NoteCardFieldsFragment; box: Box }) {
  const { t, count } = useI18n();
  const openNote = useOpenNote();
  const { impressions } = useEvents();
  const root = useRef<HTMLElement>(null);
  const toggleLike = useLike(note);
  const client = useClient();
  const cover = coverOf(note);
  const firstScreen = box.top < window.innerHeight;

  useEffect(() => {
    const element = root.current;
    return element ? impressions.observe(element, note.id) : undefined;
  }, [impressions, note.id]);

  return (
    <article
      ref={root}
      className="note-card"
      data-testid="note-card"
      data-note-id={note.id}
      style={{ transform: `translate(${box.left}px, ${box.top}px)`, width: box.width, height: box.height }}
    >
      <Link
        to={`/note/${note.id}`}
        className="note-card-link"
        aria-label={t('card.open', { title: note.title })}
        onClick={(event) => {
          // A click that opens a new tab or window keeps the link's own behaviour: the note's page.
          if (event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          // The note is asked for as the tap lands, while the dialog renders, not once its view has rendered.
          void client.query(NoteQuery, { id: note.id }).toPromise();
          openNote(note.id, note.reason);
        }}
      >
        <div className="note-cover" style={{ height: box.coverHeight, background: cover.placeholder }}>
          {cover.src && (
            <img
              data-testid="note-cover"
              src={cover.src}
              srcSet={cover.srcSet}
              sizes={`${Math.round(box.width)}px`}
              width={cover.width}
              height={cover.height}
              alt=""
              // Never lazy: the grid renders only cards near the window, and a lazy image waits for layout and a pass of
              // the lazy-load observer, which on a busy phone comes hundreds of ms later. The first screen's go first.
              fetchPriority={firstScreen ? 'high' : 'auto'}
              decoding="async"
              // The fade-in is the element's own: a re-render of the card per arriving image costs a phone long tasks.
              onLoad={(event) => event.currentTarget.classList.add('loaded')}
            />
          )}
          {note.kind === 'VIDEO' && (
            <span className="video-badge" aria-label={t('card.video')}>
              ▶
            </span>
          )}
        </div>
        <h3 className="note-card-title">{note.title}</h3>
      </Link>
      <div className="note-card-meta">
        <Link to={`/user/${note.author.id}`} className="note-card-author" data-testid="note-card-author">
          <Avatar user={note.author} size={20} />
          <span className="note-card-author-name">{note.author.displayName}</span>
        </Link>
        <button
          type="button"
          className={`like-toggle${note.viewerHasLiked ? ' liked' : ''}`}
          data-testid="like-toggle"
          aria-pressed={note.viewerHasLiked}
          aria-label={`${t(note.viewerHasLiked ? 'card.unlike' : 'card.like')} · ${t('card.likes', { count: note.likeCount })}`}
          onClick={toggleLike}
        >
          <HeartIcon filled={note.viewerHasLiked} />
          <span data-testid="like-count">{count(note.likeCount)}</span>
        </button>
      </div>
    </article>
  );
});
