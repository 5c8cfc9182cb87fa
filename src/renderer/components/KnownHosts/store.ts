import { create } from 'zustand';
import type { KnownHostKeyView } from '../../../shared/ipc';
import { call } from '../../ipc/client';

/** Deploy ▸ Known Hosts: the keys main trusts, read fresh each time the dialog opens. */
interface KnownHostsState {
  open: boolean;
  keys: KnownHostKeyView[] | null;
  error: string | null;
  show(): Promise<void>;
  close(): void;
  remove(key: KnownHostKeyView): Promise<void>;
}

export const useKnownHosts = create<KnownHostsState>()((set, get) => {
  const load = async () => {
    try {
      set({ keys: await call('hostKey.list', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  };
  return {
    open: false,
    keys: null,
    error: null,
    async show() {
      set({ open: true, keys: null, error: null });
      await load();
    },
    close: () => set({ open: false }),
    async remove(key) {
      if (key.port === null) return;
      try {
        await call('hostKey.remove', { host: key.host, port: key.port, fingerprint: key.fingerprint });
      } catch (error) {
        set({ error: (error as Error).message });
        return;
      }
      if (get().open) await load();
    },
  };
});
