import { viewOfKey, type Layout, type Position, type Topology } from '../model';
import { layoutCanvas } from '../view/canvas-layout';

/** Hosts and planes: the boxes the canvas packs in rows until they have a saved place. */
const BOX_KEY = /^(host|plane):/;

/**
 * Sets canvas positions in one view; positions are rounded so that files diff cleanly.
 * The first box placed by hand pins the packed ones where they are: the packer puts
 * unsaved boxes below the saved ones, so nudging one host would otherwise move every
 * other host of the tier.
 */
export function setPositions(topology: Topology, viewKey: string, positions: Readonly<Record<string, Pick<Position, 'x' | 'y'>>>): Topology {
  const rounded = Object.entries(positions).map(([key, p]) => [key, Math.round(p.x), Math.round(p.y)] as const);
  const current = topology.layout[viewKey] ?? {};
  const moved = rounded.filter(([key, x, y]) => current[key]?.x !== x || current[key]?.y !== y);
  if (moved.length === 0) return topology;
  const base = moved.some(([key]) => BOX_KEY.test(key)) ? pinPackedBoxes(topology, viewKey) : topology;
  const next = { ...(base.layout[viewKey] ?? {}) };
  for (const [key, x, y] of moved) next[key] = { ...next[key], x, y };
  return { ...base, layout: { ...base.layout, [viewKey]: next } };
}

/** Saves where the packer shows each host or plane that has no saved place yet in this view. */
export function pinPackedBoxes(topology: Topology, viewKey: string): Topology {
  const view = viewOfKey(viewKey);
  if (!view) return topology;
  const saved = topology.layout[viewKey] ?? {};
  const pins: Record<string, Position> = {};
  for (const box of layoutCanvas(topology, view.view === 'host' ? view.tierId : undefined, view.view).boxes) {
    if (BOX_KEY.test(box.key) && !saved[box.key]) pins[box.key] = { x: Math.round(box.x), y: Math.round(box.y) };
  }
  if (Object.keys(pins).length === 0) return topology;
  return { ...topology, layout: { ...topology.layout, [viewKey]: { ...saved, ...pins } } };
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
