import { call, connect } from '../ipc/client';
import { createAppStore } from './createAppStore';
import { historyOf } from './history';
import type { StoreDeps } from './types';

export type * from './types';
export type * from './editorTypes';
export { historyOf } from './history';
export { createAppStore, UNDO_LIMIT, type AppStore } from './createAppStore';

function browserPreferences(): StoreDeps['preferences'] {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The app's store, talking to main through the IPC client. */
export const useAppStore = createAppStore({
  call,
  connect: async (onLost) => {
    const { transport } = await connect();
    transport.onClose(onLost);
  },
  preferences: browserPreferences(),
});

/** Undo/redo of the app's store (for the editor's buttons and shortcuts). */
export const appHistory = historyOf(useAppStore);
