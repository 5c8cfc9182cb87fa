import { create } from 'zustand';
import type { AppStore } from '../store';
import type { Command } from './registry';

/** File ▸ Export… and File ▸ Import…: which of their dialogs is open. */
export type TransferDialog = 'export' | 'import';

/** A compose file dropped on the window, read in the page: the import dialog starts with it. */
export interface DroppedFile {
  name: string;
  text: string;
}

interface TransferDialogs {
  open: TransferDialog | null;
  dropped: DroppedFile | null;
  show(dialog: TransferDialog): void;
  importDropped(file: DroppedFile): void;
  close(): void;
}

export const useTransferDialogs = create<TransferDialogs>()((set) => ({
  open: null,
  dropped: null,
  show: (dialog) => set({ open: dialog, dropped: null }),
  importDropped: (file) => set({ open: 'import', dropped: file }),
  close: () => set({ open: null, dropped: null }),
}));

/** Export needs a document; import can start a new one, so it only waits for an open or save to finish. */
export function exportCommands(store: AppStore): Command[] {
  const s = () => store.getState();
  return [
    { id: 'file.export', run: () => useTransferDialogs.getState().show('export'), enabled: () => s().topology !== null && s().busy === null },
    { id: 'file.import', run: () => useTransferDialogs.getState().show('import'), enabled: () => s().busy === null },
  ];
}
