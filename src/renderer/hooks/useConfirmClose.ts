import { useEffect } from 'react';
import { useAppStore } from '../store';

/** Closing the window (or reloading the page) with unsaved changes asks first. */
export function useConfirmClose(): void {
  const dirty = useAppStore((s) => s.dirty);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
