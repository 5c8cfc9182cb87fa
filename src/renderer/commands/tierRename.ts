import { create } from 'zustand';

/** Which tier tab is an open name field: the tier bar's Rename button and the Tier menu both open it. */
interface TierRename {
  tierId: string | null;
  start(tierId: string): void;
  stop(): void;
}

export const useTierRename = create<TierRename>()((set) => ({
  tierId: null,
  start: (tierId) => set({ tierId }),
  stop: () => set({ tierId: null }),
}));
