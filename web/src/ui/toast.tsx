import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface ToastAction {
  label: string;
  run(): void;
}

interface ToastState {
  id: number;
  message: string;
  action?: ToastAction;
  /** Called once when the toast goes away without its action being taken. */
  onExpire?: () => void;
}

type Show = (message: string, options?: { action?: ToastAction; onExpire?: () => void; durationMs?: number }) => void;

const ToastContext = createContext<Show | null>(null);

/** One message at a time at the bottom of the screen, read out by screen readers (role=status). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toast, setToast] = useState<ToastState | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const current = useRef<ToastState | null>(null);

  const close = useCallback((expired: boolean) => {
    clearTimeout(timer.current);
    const closing = current.current;
    current.current = null;
    setToast(null);
    if (expired) closing?.onExpire?.();
  }, []);

  const show = useCallback<Show>(
    (message, options = {}) => {
      // A toast replaced by the next one has run its course: its pending work goes ahead.
      if (current.current) close(true);
      const next = { id: Date.now(), message, action: options.action, onExpire: options.onExpire };
      current.current = next;
      setToast(next);
      timer.current = setTimeout(() => close(true), options.durationMs ?? 4_000);
    },
    [close],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <div className="toast" key={toast.id}>
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  toast.action?.run();
                  close(false);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="toast-close" aria-label={t('note.dismiss')} onClick={() => close(true)}>
              ×
            </button>
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Show {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast outside ToastProvider');
  return value;
}
