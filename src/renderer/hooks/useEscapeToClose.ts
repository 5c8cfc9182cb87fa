import { useEffect } from 'react';

/** While a dialog is open, Escape closes it (as the native dialogs of every platform do). */
export function useEscapeToClose(open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, close]);
}
