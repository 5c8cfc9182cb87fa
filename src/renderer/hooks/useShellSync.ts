import { useEffect } from 'react';
import { call } from '../ipc/client';
import { useAppStore } from '../store';

/**
 * Keeps main in step with the window: the theme lives in main's settings (the page's
 * localStorage only gives the first paint its colours), and the open document's name,
 * path and dirty state drive the window title and the close confirmation.
 */
export function useShellSync(): void {
  const phase = useAppStore((s) => s.phase);

  useEffect(() => {
    if (phase !== 'ready') return;
    let cancelled = false;
    let stored: string | undefined;
    void call('settings.get', {})
      .then((settings) => {
        if (cancelled) return;
        stored = settings.theme;
        useAppStore.getState().setTheme(settings.theme);
        useAppStore.getState().setAutosaveInterval(settings.autosaveIntervalSeconds);
      })
      .catch(() => undefined);
    const offTheme = useAppStore.subscribe((state, previous) => {
      if (state.theme === previous.theme || state.theme === stored) return;
      stored = state.theme;
      call('settings.update', { theme: state.theme }).catch((error: unknown) => useAppStore.getState().notify('error', `The theme could not be saved: ${(error as Error).message}`));
    });
    return () => {
      cancelled = true;
      offTheme();
    };
  }, [phase]);

  const open = useAppStore((s) => s.topology !== null);
  const name = useAppStore((s) => s.name);
  const path = useAppStore((s) => s.path);
  const dirty = useAppStore((s) => s.dirty);
  useEffect(() => {
    if (phase !== 'ready') return;
    call('window.setDocumentState', open ? { name, path, dirty } : { name: null, path: null, dirty: false }).catch(() => undefined);
  }, [phase, open, name, path, dirty]);

  // In the browser, closing the tab with unsaved work asks as the desktop app does.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
