import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { CanvasSlice, SliceCreator } from './types';

/**
 * React Flow's changes (selection, measured size, drag positions) are applied here, in
 * store actions; the document changes only through document actions.
 */
export const createCanvasSlice: SliceCreator<CanvasSlice> = (set, get) => ({
  nodes: [],
  edges: [],
  pointerGesture: false,
  setPointerGesture(active) {
    if (get().pointerGesture !== active) set({ pointerGesture: active });
  },
  onNodesChange(changes) {
    const nodes = applyNodeChanges(changes, get().nodes);
    const selectionChanged = changes.some((c) => c.type === 'select');
    set(selectionChanged ? { nodes, selectedNodeIds: nodes.filter((n) => n.selected).map((n) => n.id) } : { nodes });
  },
  onEdgesChange(changes) {
    const edges = applyEdgeChanges(changes, get().edges);
    const selectionChanged = changes.some((c) => c.type === 'select');
    set(selectionChanged ? { edges, selectedEdgeIds: edges.filter((e) => e.selected).map((e) => e.id) } : { edges });
  },
});
