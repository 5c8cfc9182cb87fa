import { create } from 'zustand';

/** What the canvas overlays show: nothing extra, cold-start phases, or a failure's blast radius. */
export type OverlayMode = 'none' | 'cold-start' | 'what-if';

/** View state of the analysis UI only: never part of the document or its undo history. */
interface AnalysisUiState {
  overlay: OverlayMode;
  problemsOpen: boolean;
  comparisonOpen: boolean;
  setOverlay(mode: OverlayMode): void;
  toggleProblems(): void;
  setComparisonOpen(open: boolean): void;
}

export const useAnalysisUi = create<AnalysisUiState>((set) => ({
  overlay: 'none',
  problemsOpen: true,
  comparisonOpen: false,
  setOverlay: (overlay) => set({ overlay }),
  toggleProblems: () => set((s) => ({ problemsOpen: !s.problemsOpen })),
  setComparisonOpen: (comparisonOpen) => set({ comparisonOpen }),
}));
