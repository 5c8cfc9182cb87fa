import type { DependencyEdge, FlowNode } from './types';

/**
 * Keeps the previous node object wherever the adapter produced an equal one, so that
 * React Flow re-renders only nodes that really changed, and carries the selection over.
 * Returns `previous` itself when nothing changed.
 */
export function reconcileNodes(previous: readonly FlowNode[], next: readonly FlowNode[]): FlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  let changed = previous.length !== next.length;
  const result = next.map((node, index) => {
    const old = byId.get(node.id);
    if (old && sameNode(old, node)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return old ? carryOver(old, node) : node;
  });
  return changed ? result : (previous as FlowNode[]);
}

/**
 * What a changed node keeps of its previous self: the selection, and the size React Flow
 * measured while the adapter gives the box the same size. Without a measured size React Flow
 * mounts a node to measure it, on screen or not: a drop that moved 54 hosts of the
 * 1,000-service map mounted all of them for one frame, off-screen too (bench/canvas/profile.ts).
 */
function carryOver(old: FlowNode, node: FlowNode): FlowNode {
  const sameBox = old.measured !== undefined && node.width !== undefined && node.height !== undefined && old.width === node.width && old.height === node.height;
  if (!old.selected && !sameBox) return node;
  return { ...node, ...(old.selected ? { selected: true } : {}), ...(sameBox ? { measured: old.measured } : {}) } as FlowNode;
}

export function reconcileEdges(previous: readonly DependencyEdge[], next: readonly DependencyEdge[]): DependencyEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  let changed = previous.length !== next.length;
  const result = next.map((edge, index) => {
    const old = byId.get(edge.id);
    if (old && old.source === edge.source && old.target === edge.target && structurallyEqual(old.data, edge.data)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return old?.selected ? { ...edge, selected: true } : edge;
  });
  return changed ? result : (previous as DependencyEdge[]);
}

/** The fields the adapter sets; the rest belong to React Flow. */
const ADAPTER_KEYS = ['type', 'parentId', 'width', 'height', 'selectable', 'draggable'] as const;

function sameNode(a: FlowNode, b: FlowNode): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    ADAPTER_KEYS.every((key) => a[key] === b[key]) &&
    structurallyEqual(a.data, b.data)
  );
}

/** Deep equality of plain data (the small `data` records of nodes and edges). */
export function structurallyEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => structurallyEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
