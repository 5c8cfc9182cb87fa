import { useEffect } from 'react';
import { useAppStore } from '../store';

/** When the window is hidden or closing, autosave at once instead of waiting for the debounce. */
export function useAutosaveOnHide(): void {
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden') void useAppStore.getState().autosave();
    };
    document.addEventListener('visibilitychange', flush);
    return () => document.removeEventListener('visibilitychange', flush);
  }, []);
}
