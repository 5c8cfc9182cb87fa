import type { SelectionSlice, SliceCreator } from './types';

/** `items` with `selected` set exactly on `ids`; items whose flag already agrees are kept as they are. */
function flagSelected<T extends { id: string; selected?: boolean }>(items: T[], ids: string[]): T[] {
  const chosen = new Set(ids);
  let changed = false;
  const next = items.map((item) => {
    if (chosen.has(item.id) === !!item.selected) return item;
    changed = true;
    return { ...item, selected: chosen.has(item.id) };
  });
  return changed ? next : items;
}

/**
 * The app's selection, and the canvas's `selected` flags kept to it, so that what the
 * inspector shows is what is highlighted (React Flow keeps its own flags otherwise).
 */
export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  setSelection(selectedNodeIds, selectedEdgeIds) {
    set({ selectedNodeIds, selectedEdgeIds, nodes: flagSelected(get().nodes, selectedNodeIds), edges: flagSelected(get().edges, selectedEdgeIds) });
  },
  clearSelection() {
    get().setSelection([], []);
  },
});
