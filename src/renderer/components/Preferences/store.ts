import { create } from 'zustand';
import type { ChannelName, RequestOf, ResponseOf, SecretNames } from '../../../shared/ipc';
import type { EditableSettings } from '../../../shared/settings';
import { call } from '../../ipc/client';

/** File ▸ Preferences…: settings, secrets status and stored names, read fresh each time it opens. */
export interface PreferencesState {
  open: boolean;
  settings: EditableSettings | null;
  secrets: { available: boolean; reason?: string } | null;
  names: SecretNames | null;
  /** The last failed save or read, shown at the top of the dialog. */
  error: string | null;
  /** A short confirmation of the last change (e.g. "Recent files cleared"). */
  notice: string | null;
  show(): Promise<void>;
  close(): void;
  save(patch: Partial<EditableSettings>): Promise<EditableSettings | null>;
  clearRecent(): Promise<void>;
  storeSecret(key: string, value: string): Promise<boolean>;
  deleteSecret(name: string): Promise<void>;
  /** Forgets the remembered passphrase of a key file: the next deploy asks again. */
  forgetPassphrase(keyFile: string): Promise<void>;
}

const message = (error: unknown) => (error as Error).message;

type Call = <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<ResponseOf<C>>;

/** The dialog's state over any way of calling main (the IPC client in the app, a stand-in in tests). */
export const createPreferencesStore = (call: Call) => create<PreferencesState>()((set, get) => {
  const loadNames = async () => set({ names: await call('secrets.list', {}) });
  const attempt = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      const result = await work();
      set({ error: null });
      return result;
    } catch (error) {
      set({ error: message(error), notice: null });
      return null;
    }
  };
  return {
    open: false,
    settings: null,
    secrets: null,
    names: null,
    error: null,
    notice: null,
    async show() {
      set({ open: true, settings: null, secrets: null, names: null, error: null, notice: null });
      await attempt(async () => {
        const [settings, secrets, names] = await Promise.all([call('settings.get', {}), call('secrets.status', {}), call('secrets.list', {})]);
        set({ settings, secrets, names });
      });
    },
    close: () => set({ open: false }),
    async save(patch) {
      // Shown at once (a radio must follow the click); main's answer, or the old value on failure, replaces it.
      const before = get().settings;
      if (before !== null) set({ settings: { ...before, ...patch } });
      const settings = await attempt(() => call('settings.update', patch));
      set({ settings: settings ?? before, notice: null });
      return settings;
    },
    async clearRecent() {
      const cleared = await attempt(async () => {
        await call('file.clearRecent', {});
        return true;
      });
      if (cleared) set({ notice: 'Recent files cleared.' });
    },
    async storeSecret(key, value) {
      const done = await attempt(async () => {
        await call('secrets.set', { key, value });
        await loadNames();
        return true;
      });
      return done === true;
    },
    async deleteSecret(name) {
      await attempt(async () => {
        await call('secrets.delete', { key: `token/${name}` });
        await loadNames();
        return true;
      });
    },
    async forgetPassphrase(keyFile) {
      // The key main stores it under (src/main/ssh/passphrases.ts).
      await attempt(async () => {
        await call('secrets.delete', { key: `ssh/key${keyFile}/passphrase` });
        await loadNames();
        return true;
      });
    },
  };
});

export const usePreferences = createPreferencesStore(call);
