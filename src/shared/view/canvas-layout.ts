import { hostViewKey, indexTopology, nodeKey, PLANE_VIEW_KEY, type Position, type Service, type Topology } from '../model';

/**
 * Where every box of the canvas sits — the same positions as the renderer's `toFlow`
 * adapter, computed without React Flow so that exports (SVG, PNG) and the CLI draw what the
 * user sees. The sizes mirror `src/renderer/canvas/geometry.ts`; a parity test in
 * `src/shared/export/svg` fails when the two drift apart.
 */
export const CANVAS_GEOMETRY = {
  SERVICE_WIDTH: 240,
  SERVICE_HEIGHT: 92,
  EXTERNAL_HEIGHT: 64,
  BOX_PADDING: 16,
  SERVICE_GAP: 14,
  HOST_HEADER_HEIGHT: 118,
  GROUP_HEADER_HEIGHT: 46,
  HOST_MIN_WIDTH: 300,
  EMPTY_BODY_HEIGHT: 56,
  HOST_GAP: 56,
  ROW_GAP: 72,
  ZONE_GAP: 96,
  MAX_ROW_WIDTH: 2000,
} as const;
const G = CANVAS_GEOMETRY;

export type CanvasView = 'host' | 'plane';
export type CanvasBoxKind = 'host' | 'external' | 'tray' | 'plane' | 'no-plane';

export interface CanvasService {
  serviceId: string;
  /** Absolute canvas coordinates. */
  x: number;
  y: number;
  /** Relative to the box that holds it (React Flow's child position). */
  offset: { x: number; y: number };
  width: number;
  height: number;
}

export interface CanvasBox {
  /** The layout node key (`host:<id>`, `plane:<id>`) or `group:external|tray|no-plane`. */
  key: string;
  kind: CanvasBoxKind;
  hostId?: string;
  planeId?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  services: CanvasService[];
}

export interface CanvasLayout {
  boxes: CanvasBox[];
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

/** Services per row inside a box: 1, 2, 2, 2, then 3. */
export function columnsFor(count: number, max = 3): number {
  if (count <= 1) return 1;
  return Math.min(max, Math.ceil(Math.sqrt(count)));
}

interface Box {
  key: string;
  kind: CanvasBoxKind;
  hostId?: string;
  planeId?: string;
  services: readonly Service[];
  header: number;
  minWidth: number;
  maxColumns: number;
  order: number;
  saved?: Position;
  position: { x: number; y: number };
}

interface Sized {
  width: number;
  height: number;
  children: { service: Service; x: number; y: number }[];
}

/** The canvas of one tier in the host view (hosts with their services) or the plane view. */
export function layoutCanvas(topology: Topology, tierId: string | undefined, view: CanvasView = 'host'): CanvasLayout {
  const out: CanvasBox[] = [];
  if (view === 'plane') planeView(topology, tierId, out);
  else hostView(topology, tierId, out);
  const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const b of out) {
    bounds.minX = Math.min(bounds.minX, b.x);
    bounds.minY = Math.min(bounds.minY, b.y);
    bounds.maxX = Math.max(bounds.maxX, b.x + b.width);
    bounds.maxY = Math.max(bounds.maxY, b.y + b.height);
  }
  return { boxes: out, bounds: out.length > 0 ? bounds : { minX: 0, minY: 0, maxX: 0, maxY: 0 } };
}

function hostView(topology: Topology, tierId: string | undefined, out: CanvasBox[]): void {
  const saved = (tierId !== undefined ? topology.layout[hostViewKey(tierId)] : undefined) ?? {};
  const tier = tierId !== undefined ? indexTopology(topology).tier(tierId) : undefined;
  const envIndex = new Map(topology.environments.map((e, i) => [e.id, i]));
  const hostBoxes: Box[] = (tier?.tier.hosts ?? []).map((host) => ({
    key: nodeKey('host', host.id),
    kind: 'host',
    hostId: host.id,
    services: tier?.servicesByHost.get(host.id) ?? [],
    header: G.HOST_HEADER_HEIGHT,
    minWidth: G.HOST_MIN_WIDTH,
    maxColumns: 3,
    order: envIndex.get(host.environment) ?? topology.environments.length,
    saved: saved[nodeKey('host', host.id)],
    position: { x: 0, y: 0 },
  }));
  const externals = topology.services.filter((s) => s.kind === 'external');
  const unplaced = tier?.unplaced ?? topology.services.filter((s) => s.kind !== 'external');
  const placed = packBoxes(hostBoxes, saved, out);
  const bounds = placed ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  if (externals.length > 0) {
    const box = groupBox('group:external', 'external', externals, 1);
    const size = boxSize(box, saved);
    box.position = { x: bounds.minX - size.width - G.ZONE_GAP, y: bounds.minY };
    emit(box, size, out);
  }
  if (unplaced.length > 0) {
    const box = groupBox('group:tray', 'tray', unplaced, 4);
    const size = boxSize(box, saved);
    box.position = { x: bounds.minX, y: placed ? bounds.maxY + G.ZONE_GAP : bounds.minY };
    emit(box, size, out);
  }
}

function planeView(topology: Topology, _tierId: string | undefined, out: CanvasBox[]): void {
  const saved = topology.layout[PLANE_VIEW_KEY] ?? {};
  const byPlane = new Map<string, Service[]>(topology.planes.map((p) => [p.id, []]));
  const noPlane: Service[] = [];
  for (const service of topology.services) {
    const list = service.plane !== undefined ? byPlane.get(service.plane) : undefined;
    if (list) list.push(service);
    else noPlane.push(service);
  }
  const boxes: Box[] = topology.planes.map((plane) => ({
    ...groupBox(nodeKey('plane', plane.id), 'plane', byPlane.get(plane.id)!, 3),
    planeId: plane.id,
    saved: saved[nodeKey('plane', plane.id)],
  }));
  if (noPlane.length > 0) boxes.push(groupBox('group:no-plane', 'no-plane', noPlane, 3));
  packBoxes(boxes, saved, out);
}

function groupBox(key: string, kind: CanvasBoxKind, services: readonly Service[], maxColumns: number): Box {
  return { key, kind, services, header: G.GROUP_HEADER_HEIGHT, minWidth: G.SERVICE_WIDTH + 2 * G.BOX_PADDING, maxColumns, order: 0, position: { x: 0, y: 0 } };
}

const serviceHeight = (s: Service): number => (s.kind === 'external' ? G.EXTERNAL_HEIGHT : G.SERVICE_HEIGHT);

function boxSize(box: Box, saved: Record<string, Position>): Sized {
  const columns = columnsFor(box.services.length, box.maxColumns);
  const rowHeight = box.services.every((s) => s.kind === 'external') ? G.EXTERNAL_HEIGHT : G.SERVICE_HEIGHT;
  let right = box.minWidth;
  let bottom = box.header + (box.services.length === 0 ? G.EMPTY_BODY_HEIGHT : 0);
  const children = box.services.map((service, slot) => {
    const p = saved[nodeKey('service', service.id)] ?? {
      x: G.BOX_PADDING + (slot % columns) * (G.SERVICE_WIDTH + G.SERVICE_GAP),
      y: box.header + Math.floor(slot / columns) * (rowHeight + G.SERVICE_GAP),
    };
    right = Math.max(right, p.x + G.SERVICE_WIDTH + G.BOX_PADDING);
    bottom = Math.max(bottom, p.y + serviceHeight(service) + G.BOX_PADDING);
    return { service, x: p.x, y: p.y };
  });
  return { width: Math.max(right, box.saved?.width ?? 0), height: Math.max(bottom, box.saved?.height ?? 0), children };
}

function emit(box: Box, size: Sized, out: CanvasBox[]): void {
  const { x, y } = box.position;
  out.push({
    key: box.key,
    kind: box.kind,
    ...(box.hostId ? { hostId: box.hostId } : {}),
    ...(box.planeId ? { planeId: box.planeId } : {}),
    x,
    y,
    width: size.width,
    height: size.height,
    services: size.children.map((c) => ({
      serviceId: c.service.id,
      x: x + c.x,
      y: y + c.y,
      offset: { x: c.x, y: c.y },
      width: G.SERVICE_WIDTH,
      height: serviceHeight(c.service),
    })),
  });
}

/** Saved boxes where they were; the others left to right in `order`, wrapping, below them. */
function packBoxes(boxes: readonly Box[], saved: Record<string, Position>, out: CanvasBox[]) {
  const sized = boxes.map((box) => ({ box, size: boxSize(box, saved) }));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x: number, y: number, size: Sized) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + size.width);
    maxY = Math.max(maxY, y + size.height);
  };
  for (const { box, size } of sized) if (box.saved) grow(box.saved.x, box.saved.y, size);
  const auto = sized.filter(({ box }) => !box.saved).sort((a, b) => a.box.order - b.box.order);
  const startX = Number.isFinite(minX) ? minX : 0;
  let x = startX;
  let y = Number.isFinite(maxY) ? maxY + G.ROW_GAP : 0;
  let rowHeight = 0;
  for (const { box, size } of auto) {
    if (x > startX && x + size.width > startX + G.MAX_ROW_WIDTH) {
      x = startX;
      y += rowHeight + G.ROW_GAP;
      rowHeight = 0;
    }
    box.position = { x, y };
    grow(x, y, size);
    x += size.width + G.HOST_GAP;
    rowHeight = Math.max(rowHeight, size.height);
  }
  for (const { box, size } of sized) {
    if (box.saved) box.position = { x: box.saved.x, y: box.saved.y };
    emit(box, size, out);
  }
  return Number.isFinite(minX) ? { minX, minY, maxX, maxY } : undefined;
}
