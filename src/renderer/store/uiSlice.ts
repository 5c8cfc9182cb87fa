import { errorMessage } from './logic';
import type { SliceCreator, StoreDeps, ThemeChoice, UiSlice } from './types';

const THEME_KEY = 'stackdraft.theme';
let nextStatusId = 1;

function readTheme(deps: StoreDeps): ThemeChoice {
  const saved = deps.preferences?.getItem(THEME_KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

export function createUiSlice(deps: StoreDeps): SliceCreator<UiSlice> {
  let booted = false;
  return (set, get) => {
    /** A file from the command line (or an example for dev:web) opens once, at start. */
    const openAtStart = async (): Promise<void> => {
      const request = await deps.call('app.takeStartupOpen', {}).catch(() => null);
      if (request === null) return;
      if ('path' in request) await get().openFile(request.path);
      else await get().openExample(request.exampleId);
    };
    return {
      phase: 'loading',
      unavailableReason: undefined,
      appInfo: null,
      tierId: null,
      view: 'host',
      theme: readTheme(deps),
      loadFailure: null,
      statuses: [],
      busy: null,
      examples: [],
      recent: [],
      pathPrompt: null,

      async boot() {
        if (booted) return; // React's StrictMode runs effects twice; connect once.
        booted = true;
        try {
          await deps.connect((reason) => {
            set({ unavailableReason: reason });
            get().notify('error', reason);
          });
          const appInfo = await deps.call('app.info', {});
          set({ phase: 'ready', appInfo, unavailableReason: undefined });
        } catch (error) {
          set({ phase: 'unavailable', unavailableReason: error instanceof Error ? error.message : String(error) });
          return;
        }
        await get().refreshLists();
        await get().checkRecovery();
        await openAtStart();
      },

      async refreshLists() {
        const [examples, recent] = await Promise.allSettled([deps.call('example.list', {}), deps.call('file.listRecent', {})]);
        set({
          examples: examples.status === 'fulfilled' ? examples.value : get().examples,
          recent: recent.status === 'fulfilled' ? recent.value : get().recent,
        });
        for (const failed of [examples, recent]) {
          if (failed.status === 'rejected') get().notify('error', errorMessage(failed.reason));
        }
      },

      requestOpen() {
        if (get().appInfo?.nativeDialogs) void get().openFile();
        else set({ pathPrompt: 'open' });
      },

      requestSaveAs() {
        if (!get().topology) return;
        if (get().appInfo?.nativeDialogs) void get().saveAs();
        else set({ pathPrompt: 'saveAs' });
      },

      closePathPrompt() {
        set({ pathPrompt: null });
      },

      setTier(tierId) {
        if (get().topology?.tiers.some((t) => t.id === tierId)) set({ tierId });
      },

      setView(view) {
        set({ view });
      },

      setTheme(theme) {
        deps.preferences?.setItem(THEME_KEY, theme);
        set({ theme });
      },

      notify(kind, text) {
        // Keep the last few; an identical message replaces its older copy.
        const statuses = get().statuses.filter((s) => s.text !== text).slice(-3);
        set({ statuses: [...statuses, { id: nextStatusId++, kind, text }] });
      },

      dismissStatus(id) {
        set({ statuses: get().statuses.filter((s) => s.id !== id) });
      },

      dismissLoadFailure() {
        set({ loadFailure: null });
      },
    };
  };
}
