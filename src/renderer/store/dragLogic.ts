import { hostViewKey, PLANE_VIEW_KEY, type Topology } from '../../shared/model';
import { placeService, setPositions, updateService } from '../../shared/edit';
import { CANVAS_GEOMETRY } from '../../shared/view/canvas-layout';
import type { FlowNode, ViewKind } from '../canvas/types';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A node's box in canvas coordinates (children are stored relative to their parent). */
export function absoluteRect(node: FlowNode, byId: ReadonlyMap<string, FlowNode>): Rect {
  const parent = node.parentId ? byId.get(node.parentId) : undefined;
  const origin = parent ? absoluteRect(parent, byId) : { x: 0, y: 0 };
  return {
    x: origin.x + node.position.x,
    y: origin.y + node.position.y,
    width: node.measured?.width ?? node.width ?? 0,
    height: node.measured?.height ?? node.height ?? 0,
  };
}

const contains = (r: Rect, x: number, y: number) => x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;

/** The container (host, tray, plane group) under a canvas point; the last drawn wins, as on screen. */
export function containerAt(nodes: readonly FlowNode[], x: number, y: number): FlowNode | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return nodes.filter((n) => n.type !== 'service' && contains(absoluteRect(n, byId), x, y)).at(-1);
}

/**
 * What a finished drag means for the document, as one edit: boxes keep their new
 * positions; a service dropped into another host moves there (in this tier), into the
 * tray becomes unplaced, into another plane group (plane view) joins that plane; a
 * service dropped on empty canvas goes back where it was.
 */
export function applyDrag(topology: Topology, nodes: readonly FlowNode[], draggedIds: readonly string[], view: ViewKind, tierId: string | null): Topology {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const viewKey = view === 'plane' ? PLANE_VIEW_KEY : tierId ? hostViewKey(tierId) : null;
  if (!viewKey) return topology;
  let next = topology;
  const positions: Record<string, { x: number; y: number }> = {};
  for (const id of draggedIds) {
    const node = byId.get(id);
    if (!node) continue;
    if (node.type === 'host' || (node.type === 'group' && node.data.group === 'plane')) {
      positions[id] = node.position;
      continue;
    }
    if (node.type !== 'service') continue;
    const rect = absoluteRect(node, byId);
    const target = containerAt(nodes, rect.x + rect.width / 2, rect.y + Math.min(rect.height / 2, 24));
    if (!target) continue;
    const targetRect = absoluteRect(target, byId);
    // Never under the box's header (host name and capacity bars), never left of its padding.
    const header = target.type === 'host' ? CANVAS_GEOMETRY.HOST_HEADER_HEIGHT : CANVAS_GEOMETRY.GROUP_HEADER_HEIGHT;
    const offset = { x: Math.max(CANVAS_GEOMETRY.BOX_PADDING, rect.x - targetRect.x), y: Math.max(header, rect.y - targetRect.y) };
    if (target.id === node.parentId) {
      positions[id] = node.position;
      continue;
    }
    const serviceId = node.data.serviceId;
    if (view === 'host' && tierId) {
      if (target.type === 'host') next = placeService(next, tierId, serviceId, target.data.hostId, offset);
      else if (target.type === 'group' && target.data.group === 'tray') next = placeService(next, tierId, serviceId, null);
    } else if (view === 'plane' && target.type === 'group') {
      if (target.data.group === 'plane' && target.data.planeId) next = updateService(next, serviceId, { plane: target.data.planeId });
      else if (target.data.group === 'no-plane') next = updateService(next, serviceId, { plane: undefined });
      positions[id] = offset;
    }
  }
  return setPositions(next, viewKey, positions);
}
