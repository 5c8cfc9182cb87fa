import { create } from 'zustand';
import type { AppStore } from '../store';
import type { Command } from './registry';

/** File ▸ Export… and File ▸ Import…: which of their dialogs is open. */
export type TransferDialog = 'export' | 'import';

interface TransferDialogs {
  open: TransferDialog | null;
  show(dialog: TransferDialog): void;
  close(): void;
}

export const useTransferDialogs = create<TransferDialogs>()((set) => ({
  open: null,
  show: (dialog) => set({ open: dialog }),
  close: () => set({ open: null }),
}));

/** Export needs a document; import can start a new one, so it only waits for an open or save to finish. */
export function exportCommands(store: AppStore): Command[] {
  const s = () => store.getState();
  return [
    { id: 'file.export', run: () => useTransferDialogs.getState().show('export'), enabled: () => s().topology !== null && s().busy === null },
    { id: 'file.import', run: () => useTransferDialogs.getState().show('import'), enabled: () => s().busy === null },
  ];
}
