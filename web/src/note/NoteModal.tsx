import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { NoteView } from './NoteView';

/**
 * A note opened from a feed: a dialog over the feed, which stays mounted underneath with its scroll
 * position, while the address bar has the note's own URL. Back, Esc, the close button and a click
 * outside all go back one entry.
 */
export function NoteModal() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { reason?: string | null } | null;
  const dialog = useRef<HTMLDivElement>(null);
  const close = () => navigate(-1);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    // The page underneath is out of reach, as under a modal <dialog>: Tab and Shift+Tab stay in the dialog.
    // The toasts' live region is left alone, so that what the note's actions say is still heard.
    const backdrop = dialog.current?.parentElement;
    const outside = Array.from(backdrop?.parentElement?.children ?? [], (element) => element as HTMLElement).filter(
      (element) => element !== backdrop && !element.inert && !element.hasAttribute('aria-live'),
    );
    for (const element of outside) element.inert = true;
    dialog.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') navigate(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.style.overflow = overflow;
      for (const element of outside) element.inert = false;
      opener?.focus({ preventScroll: true });
    };
  }, [navigate]);

  // A related note opens in the same dialog: it starts at its top, not where the last one was left.
  useEffect(() => {
    if (dialog.current) dialog.current.scrollTop = 0;
  }, [id]);

  return (
    <div className="modal-backdrop" onClick={(event) => event.target === event.currentTarget && close()}>
      <div ref={dialog} className="modal" role="dialog" aria-modal="true" aria-labelledby={`note-title-${id}`} tabIndex={-1}>
        <NoteView key={id} id={id} reason={state?.reason} onClose={close} />
      </div>
    </div>
  );
}
