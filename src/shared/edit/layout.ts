import type { Layout, Position, Topology } from '../model';

/** Sets canvas positions in one view; positions are rounded so that files diff cleanly. */
export function setPositions(topology: Topology, viewKey: string, positions: Readonly<Record<string, Pick<Position, 'x' | 'y'>>>): Topology {
  const current = topology.layout[viewKey] ?? {};
  const next = { ...current };
  let changed = false;
  for (const [key, p] of Object.entries(positions)) {
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    const old = current[key];
    if (old && old.x === x && old.y === y) continue;
    next[key] = { ...old, x, y };
    changed = true;
  }
  return changed ? { ...topology, layout: { ...topology.layout, [viewKey]: next } } : topology;
}

/** Forgets the saved positions of these node keys in every view (they go back to the grid). */
export function forgetPositions(layout: Layout, keys: ReadonlySet<string>, onlyView?: string): Layout {
  let changed = false;
  const next: Layout = {};
  for (const [view, nodes] of Object.entries(layout)) {
    if (onlyView !== undefined && view !== onlyView) {
      next[view] = nodes;
      continue;
    }
    const kept = Object.fromEntries(Object.entries(nodes).filter(([key]) => !keys.has(key)));
    if (Object.keys(kept).length !== Object.keys(nodes).length) changed = true;
    next[view] = kept;
  }
  return changed ? next : layout;
}
