import { useEffect, type RefObject } from 'react';

/**
 * Closes a popup (a menu, a product card) that is open inside `anchor` on Escape or on a press outside it. Escape is
 * taken before the note dialog sees it, so it closes only the popup, and focus goes back to `returnFocus`, the button
 * that opened it.
 */
export function useDismiss(
  open: boolean,
  close: () => void,
  anchor: RefObject<HTMLElement | null>,
  returnFocus?: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopImmediatePropagation();
      close();
      returnFocus?.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!anchor.current?.contains(event.target as Node)) close();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, close, anchor, returnFocus]);
}
