import { DEFAULT_SETTINGS } from '../../shared/settings';
import { historyOf } from './history';
import { errorMessage } from './logic';
import type { RecoverySlice } from './editorTypes';
import type { AppState, SliceCreator, StoreDeps } from './types';

/** How long edits settle before they are autosaved: often enough to lose at most a second of work. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Never lose work: every change to a dirty document is autosaved (debounced) to the
 * recovery file in main; a clean document discards it. At start, work left by a session
 * that crashed or was killed is offered back. While that offer is open, autosave waits,
 * so that new edits never overwrite the work being offered.
 */
export function createRecoverySlice(deps: StoreDeps): SliceCreator<RecoverySlice> {
  return (set, get, api) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** When the oldest edit not yet in the recovery file was made; null when there is none. */
    let pendingSince: number | null = null;
    /** Whether the recovery file holds something of ours, to discard when the document is clean again. */
    let written = false;
    /** A save that came due during a drag or pan: a 1,000-service map takes ~50 ms to send, a dropped frame mid-gesture. */
    let deferred = false;
    /** Saves now, or a pause after the pointer gesture under way has ended (a drag changes nothing before its drop). */
    const saveWhenStill = () => {
      if (get().pointerGesture) deferred = true;
      else void get().autosave();
    };

    api.subscribe((state: AppState, previous: AppState) => {
      if (deferred && previous.pointerGesture && !state.pointerGesture) {
        deferred = false;
        clearTimeout(timer);
        timer = setTimeout(saveWhenStill, AUTOSAVE_DELAY_MS);
      }
      if (state.topology === previous.topology && state.dirty === previous.dirty) return;
      if (state.phase !== 'ready' || state.recovered !== null) return;
      clearTimeout(timer);
      const interval = state.autosaveIntervalSeconds;
      if (state.dirty && interval > 0) {
        // Saved once edits pause; edits that never pause are still saved every `interval` seconds.
        const now = Date.now();
        pendingSince ??= now;
        const maxWait = pendingSince + interval * 1000 - now;
        timer = setTimeout(saveWhenStill, Math.max(0, Math.min(AUTOSAVE_DELAY_MS, maxWait)));
      } else if (!state.dirty) pendingSince = null;
      if (!state.dirty && written) {
        written = false;
        void deps.call('recovery.discard', {}).catch(() => undefined);
      }
    });

    return {
      recovered: null,
      autosaveIntervalSeconds: DEFAULT_SETTINGS.autosaveIntervalSeconds,

      setAutosaveInterval(seconds) {
        set({ autosaveIntervalSeconds: seconds });
        if (seconds === 0) clearTimeout(timer);
        else if (get().dirty) void get().autosave();
      },

      async checkRecovery() {
        try {
          set({ recovered: await deps.call('recovery.take', {}) });
        } catch (error) {
          get().notify('error', `Could not look for unsaved work: ${errorMessage(error)}`);
        }
      },

      restoreRecovered() {
        const recovered = get().recovered;
        if (!recovered) return;
        // Opened as unsaved work with no path: the original file may have changed since, so Save asks where.
        set({
          recovered: null,
          topology: recovered.topology,
          savedSnapshot: null,
          path: null,
          name: `${recovered.name} (recovered)`,
          readOnly: false,
          notice: undefined,
          tierId: null,
          selectedNodeIds: [],
          selectedEdgeIds: [],
          loadFailure: null,
          documentKey: get().documentKey + 1,
        });
        historyOf(api).getState().clear();
        written = true;
        const from = recovered.path ? ` It was opened from ${recovered.path}; use Save As to write it there again.` : '';
        get().notify('info', `Recovered unsaved work from ${new Date(recovered.savedAt).toLocaleString()}.${from}`);
      },

      async discardRecovered() {
        set({ recovered: null });
        await deps.call('recovery.discard', {}).catch((error: unknown) => get().notify('error', errorMessage(error)));
        if (get().dirty) void get().autosave();
      },

      async autosave() {
        clearTimeout(timer);
        deferred = false;
        pendingSince = null;
        const { topology, dirty, path, name, recovered, autosaveIntervalSeconds } = get();
        if (!topology || !dirty || recovered !== null || autosaveIntervalSeconds === 0) return;
        try {
          await deps.call('recovery.save', { topology, path: path !== null && /\.ya?ml$/i.test(path) ? path : null, name: name || topology.name });
          written = true;
        } catch (error) {
          get().notify('error', `Autosave failed: ${errorMessage(error)}`);
        }
      },
    };
  };
}
