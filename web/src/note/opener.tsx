import { createContext, useCallback, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useLocation, useNavigate, type Location } from 'react-router';

type OpenNote = (id: string, reason: string | null | undefined) => void;

const OpenerContext = createContext<OpenNote | null>(null);

/** The page a note dialog is open over, when one is: the dialog's location carries it. */
export function backgroundOf(location: Location): Location | undefined {
  return (location.state as { background?: Location } | null)?.background;
}

/**
 * Opens a note as a dialog over `underneath` (the page, or the page under a note already open). One function for the
 * whole app that never changes: a card that read the location itself would re-render, all of them, at every navigation.
 */
export function NoteOpenerProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const underneath = backgroundOf(location) ?? location;
  const latest = useRef({ navigate, underneath });
  useLayoutEffect(() => {
    latest.current = { navigate, underneath };
  });
  const open = useCallback<OpenNote>((id, reason) => {
    latest.current.navigate(`/note/${id}`, { state: { background: latest.current.underneath, reason } });
  }, []);
  return <OpenerContext.Provider value={open}>{children}</OpenerContext.Provider>;
}

export function useOpenNote(): OpenNote {
  const open = useContext(OpenerContext);
  if (!open) throw new Error('useOpenNote outside NoteOpenerProvider');
  return open;
}
