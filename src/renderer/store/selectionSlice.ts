import type { SelectionSlice, SliceCreator } from './types';

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  setSelection(selectedNodeIds, selectedEdgeIds) {
    set({ selectedNodeIds, selectedEdgeIds });
  },
  clearSelection() {
    set({ selectedNodeIds: [], selectedEdgeIds: [] });
  },
});
