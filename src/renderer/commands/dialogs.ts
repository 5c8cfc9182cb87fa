import { create } from 'zustand';

/** The shell's own dialogs (Help menu); kept apart from the document store. */
export type ShellDialog = 'shortcuts' | 'about';

interface ShellDialogs {
  open: ShellDialog | null;
  show(dialog: ShellDialog): void;
  close(): void;
}

export const useShellDialogs = create<ShellDialogs>()((set) => ({
  open: null,
  show: (dialog) => set({ open: dialog }),
  close: () => set({ open: null }),
}));
