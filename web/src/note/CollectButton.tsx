import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../i18n/i18n';
import { UncollectMutation } from '../queries';
import { StarIcon } from '../ui/icons';
import { useToast } from '../ui/toast';
import { useDismiss } from '../ui/useDismiss';
import { CollectIntoBoardMutation, CreateBoardMutation, ViewerBoardsQuery } from './related.queries';

interface CollectNote {
  id: string;
  collectCount: number;
  viewerHasCollected: boolean;
}

/**
 * Collect opens a choice of the viewer's boards (or none, or a new one); a collected note is
 * uncollected at once, as before.
 */
export function CollectButton({ note, count, requireSignIn }: { note: CollectNote; count(n: number): string; requireSignIn(): boolean }) {
  const { t } = useI18n();
  const show = useToast();
  const [open, setOpen] = useState(false);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [{ data, error, fetching }, refetchBoards] = useQuery({
    query: ViewerBoardsQuery,
    pause: !open,
    requestPolicy: 'cache-and-network',
  });
  const [, collect] = useMutation(CollectIntoBoardMutation);
  const [, uncollect] = useMutation(UncollectMutation);
  const [creating, createBoard] = useMutation(CreateBoardMutation);
  const anchor = useRef<HTMLDivElement>(null);
  const boards = data?.viewer?.boards ?? [];

  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, anchor, button);

  const into = async (board: { id: string; name: string } | null) => {
    setOpen(false);
    setNaming(false);
    const result = await collect({ noteId: note.id, boardId: board?.id ?? null });
    if (result.error) show(t('error.generic'));
    else show(board ? t('collect.doneInto', { board: board.name }) : t('collect.done'));
  };
  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const result = await createBoard({ name: trimmed });
    const board = result.data?.createBoard;
    if (!board) {
      show(t('error.generic'));
      return;
    }
    setName('');
    await into(board);
  };
  const onClick = () => {
    if (!requireSignIn()) return;
    if (note.viewerHasCollected) void uncollect({ noteId: note.id });
    else setOpen(!open);
  };

  return (
    <div className="menu-anchor collect-anchor" ref={anchor}>
      <button
        type="button"
        className={`action${note.viewerHasCollected ? ' active-gold' : ''}`}
        ref={button}
        data-testid="collect-button"
        aria-pressed={note.viewerHasCollected}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={onClick}
      >
        <StarIcon filled={note.viewerHasCollected} />
        <span>{note.viewerHasCollected ? t('note.collected') : t('note.collect')}</span>
        <span>{count(note.collectCount)}</span>
      </button>
      {open && (
        <div className="menu collect-menu" role="dialog" aria-label={t('collect.title')} data-testid="collect-menu">
          <p className="menu-title">{t('collect.title')}</p>
          <button type="button" data-testid="collect-no-board" onClick={() => void into(null)}>
            {t('collect.noBoard')}
          </button>
          {boards.map((board) => (
            <button key={board.id} type="button" data-testid="collect-board" onClick={() => void into(board)}>
              {board.name}
            </button>
          ))}
          {fetching && <p className="muted small">{t('feed.loading')}</p>}
          {error && (
            <button type="button" onClick={() => refetchBoards({ requestPolicy: 'network-only' })}>
              {t('error.retry')}
            </button>
          )}
          {naming ? (
            <form className="new-board" onSubmit={(event) => void onCreate(event)}>
              <label>
                <span className="visually-hidden">{t('collect.boardName')}</span>
                <input
                  value={name}
                  maxLength={40}
                  placeholder={t('collect.boardName')}
                  autoFocus
                  onChange={(event) => setName(event.target.value)}
                />
              </label>
              <button type="submit" disabled={creating.fetching || !name.trim()}>
                {t('collect.create')}
              </button>
            </form>
          ) : (
            <button type="button" data-testid="collect-new-board" onClick={() => setNaming(true)}>
              ＋ {t('collect.newBoard')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
