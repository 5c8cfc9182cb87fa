import type { InternalNode } from '@xyflow/react';
import { dependencyShape, drawnRect } from './edgePath';
import type { Rect } from './floating';
import { contains, grow, intersection, union } from './rects';
import type { DependencyEdge, FlowNode } from './types';

/*
 * While a large map zoomed far out is panned, one <canvas> shows a picture of its boxes and
 * lines and the 1,100 box elements are skipped by the browser (content-visibility), so a pan
 * frame paints one image instead of walking every box (BENCHMARKS.md "Canvas", eighth pass).
 * The picture copies what the boxes look like from their computed style, so themes, planes,
 * selection and live status come out as the elements show them.
 */

/** How a far box looks: read from its element once per picture. */
export interface BoxLook {
  background: string;
  border: string;
  borderWidth: number;
  leftColor: string;
  leftWidth: number;
  rightColor: string;
  rightWidth: number;
  radius: number;
  dashed: boolean;
  color: string;
  font: string;
  fontSize: number;
  padLeft: number;
  padTop: number;
  opacity: number;
}

/** Text smaller than this on screen (px) cannot be read: the picture leaves it out. */
const LEGIBLE_PX = 3;

/**
 * The part of the map a picture covers: the view and half a view on every side (how far a
 * pan usually goes before the pointer is let go), within the boxes' bounds. Null when no box
 * is near the view.
 */
export function snapshotArea(view: Rect, bounds: Rect): Rect | null {
  return intersection(grow(view, view.width / 2, view.height / 2), bounds);
}

/**
 * Whether a picture of `area` still shows all of the map that `view` sees (the part of the
 * view with boxes in it), so a pan can reuse it instead of painting a new one.
 */
export function pictureCovers(area: Rect, view: Rect, bounds: Rect): boolean {
  const seen = intersection(view, bounds);
  return seen === null || contains(area, seen);
}

/** The part of the map on screen, in flow units. */
export const viewRect = (transform: readonly [number, number, number], size: { width: number; height: number }): Rect => ({
  x: -transform[0] / transform[2],
  y: -transform[1] / transform[2],
  width: size.width / transform[2],
  height: size.height / transform[2],
});

/** The boxes in drawing order: hosts and groups under the lines, services over them, as on the canvas. */
export function paintOrder<N extends InternalNode<FlowNode>>(nodes: Iterable<N>): { under: N[]; over: N[] } {
  const under: N[] = [];
  const over: N[] = [];
  for (const node of nodes) {
    if (node.hidden) continue;
    (node.type === 'service' ? over : under).push(node);
  }
  const byZ = (a: N, b: N) => a.internals.z - b.internals.z;
  return { under: under.sort(byZ), over: over.sort(byZ) };
}

/** Where the boxes are, all together. */
export function boundsOf(nodes: Iterable<InternalNode<FlowNode>>): Rect | null {
  return union([...nodes].filter((node) => !node.hidden).map(drawnRect));
}

/** The look of a box element, from its computed style. */
export function lookOf(element: Element): BoxLook {
  const s = getComputedStyle(element);
  const px = (value: string) => Number.parseFloat(value) || 0;
  return {
    background: s.backgroundColor,
    border: s.borderTopColor,
    borderWidth: px(s.borderTopWidth),
    leftColor: s.borderLeftColor,
    leftWidth: px(s.borderLeftWidth),
    rightColor: s.borderRightColor,
    rightWidth: px(s.borderRightWidth),
    radius: px(s.borderTopLeftRadius),
    dashed: s.borderTopStyle === 'dashed',
    color: s.color,
    font: `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`,
    fontSize: px(s.fontSize),
    padLeft: px(s.paddingLeft),
    padTop: px(s.paddingTop),
    opacity: Number.parseFloat(s.opacity) || 1,
  };
}

type Line = { source: InternalNode; target: InternalNode; kind: 'hard' | 'soft' };
type Box = { rect: Rect; look: BoxLook; label: string };

export interface SnapshotScene {
  area: Rect;
  /** Flow units to canvas pixels: the zoom times the device pixel ratio. */
  scale: number;
  /** Screen zoom, for deciding which text is legible. */
  zoom: number;
  under: Box[];
  lines: Line[];
  over: Box[];
  edgeColors: { hard: string; soft: string };
  /** What a drag moves (its boxes and their lines): drawn on their own layer, move by move. */
  live: LiveParts;
}

/** The boxes a drag moves, looked up again at each move, and every line that ends at one of them. */
export interface LiveParts {
  under: { id: string; look: BoxLook; label: string }[];
  over: { id: string; look: BoxLook; label: string }[];
  edges: { source: string; target: string; kind: 'hard' | 'soft' }[];
}

/** Draws the scene; the canvas is sized to the area at `scale`. */
export function paintSnapshot(ctx: CanvasRenderingContext2D, scene: SnapshotScene): void {
  const { area, scale } = scene;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(scale, 0, 0, scale, -area.x * scale, -area.y * scale);
  paintBoxes(ctx, scene.under, scene.zoom);
  paintLines(ctx, scene, scene.lines);
  paintBoxes(ctx, scene.over, scene.zoom);
}

/** Room around what the live layer drew, for line widths, arrowheads and curves bowing out (flow units). */
const LIVE_MARGIN = 40;

/**
 * Draws what a drag moves where it is now, on the layer over the picture. Only where the
 * last move drew is cleared (`previous`), so a move repaints a few boxes' worth of pixels,
 * not the whole layer. Returns where this move drew, for the next.
 */
export function paintLive(ctx: CanvasRenderingContext2D, scene: SnapshotScene, nodeLookup: ReadonlyMap<string, InternalNode<FlowNode>>, previous: Rect | null): Rect | null {
  const { area, scale } = scene;
  ctx.setTransform(scale, 0, 0, scale, -area.x * scale, -area.y * scale);
  if (previous) ctx.clearRect(previous.x, previous.y, previous.width, previous.height);
  const boxes = (parts: LiveParts['under']) =>
    parts.flatMap(({ id, look, label }) => {
      const node = nodeLookup.get(id);
      return node ? [{ rect: drawnRect(node), look, label }] : [];
    });
  const under = boxes(scene.live.under);
  paintBoxes(ctx, under, scene.zoom);
  const lines = scene.live.edges.flatMap(({ source, target, kind }) => {
    const from = nodeLookup.get(source);
    const to = nodeLookup.get(target);
    return from && to ? [{ source: from, target: to, kind }] : [];
  });
  paintLines(ctx, scene, lines);
  const over = boxes(scene.live.over);
  paintBoxes(ctx, over, scene.zoom);
  const drawn = union([...under, ...over].map((b) => b.rect).concat(lines.flatMap((l) => [drawnRect(l.source), drawnRect(l.target)])));
  return drawn && grow(drawn, LIVE_MARGIN);
}

/** Each kind's lines as one path and its arrowheads as another: four strokes for 2,000+ lines. */
function paintLines(ctx: CanvasRenderingContext2D, scene: Pick<SnapshotScene, 'edgeColors'>, all: readonly Line[]): void {
  for (const kind of ['hard', 'soft'] as const) {
    const lines: string[] = [];
    const arrows: string[] = [];
    for (const edge of all) {
      if (edge.kind !== kind) continue;
      const { line, arrow } = dependencyShape(edge.source, edge.target);
      lines.push(line);
      arrows.push(arrow);
    }
    if (lines.length === 0) continue;
    const color = scene.edgeColors[kind];
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineJoin = 'round';
    ctx.lineWidth = 1.7;
    ctx.setLineDash(kind === 'soft' ? [6, 5] : []);
    ctx.stroke(new Path2D(lines.join(' ')));
    ctx.lineWidth = 1.5;
    ctx.setLineDash([]);
    const heads = new Path2D(arrows.join(' '));
    ctx.fill(heads);
    ctx.stroke(heads);
  }
}

/**
 * Boxes as CSS draws them: background, border inside the edge, the wider left (plane) and right
 * (status) borders, the name. Boxes that look alike are drawn together, one path per part:
 * a few dozen fills and strokes for a thousand boxes (boxes of one layer do not overlap).
 */
function paintBoxes(ctx: CanvasRenderingContext2D, boxes: readonly Box[], zoom: number): void {
  const byLook = new Map<BoxLook, Box[]>();
  for (const box of boxes) {
    const alike = byLook.get(box.look);
    if (alike) alike.push(box);
    else byLook.set(box.look, [box]);
  }
  for (const [look, alike] of byLook) {
    ctx.globalAlpha = look.opacity;
    const w = look.borderWidth;
    const radiusOf = (r: Rect) => Math.min(look.radius, r.width / 2, r.height / 2);
    const part = (color: string, add: (path: Path2D, r: Rect, radius: number) => void) => {
      const path = new Path2D();
      for (const { rect } of alike) add(path, rect, radiusOf(rect));
      ctx.fillStyle = color;
      ctx.fill(path);
    };
    part(look.background, (path, r, radius) => path.roundRect(r.x, r.y, r.width, r.height, radius));
    if (w > 0) {
      const border = new Path2D();
      for (const { rect: r } of alike) border.roundRect(r.x + w / 2, r.y + w / 2, r.width - w, r.height - w, Math.max(0, radiusOf(r) - w / 2));
      ctx.strokeStyle = look.border;
      ctx.lineWidth = w;
      ctx.setLineDash(look.dashed ? [w * 3, w * 2] : []);
      ctx.stroke(border);
      ctx.setLineDash([]);
    }
    if (look.leftWidth > w) part(look.leftColor, (path, r, radius) => path.roundRect(r.x, r.y, look.leftWidth, r.height, [radius, 0, 0, radius]));
    if (look.rightWidth > w) part(look.rightColor, (path, r, radius) => path.roundRect(r.x + r.width - look.rightWidth, r.y, look.rightWidth, r.height, [0, radius, radius, 0]));
    if (look.fontSize * zoom >= LEGIBLE_PX) {
      ctx.fillStyle = look.color;
      ctx.font = look.font;
      ctx.textBaseline = 'top';
      for (const { rect: r, label } of alike) {
        const x = r.x + look.leftWidth + look.padLeft;
        const room = r.x + r.width - Math.max(look.rightWidth, w) - x;
        // maxWidth keeps a long name inside its box, where the element cuts it with an ellipsis.
        if (label && room > 0) ctx.fillText(label, x, r.y + w + look.padTop, room);
      }
    }
  }
  ctx.globalAlpha = 1;
}

/** The far box element of each node on the page, by node id (one query for all). */
export function boxElements(root: ParentNode): Map<string, Element> {
  const boxes = new Map<string, Element>();
  for (const wrapper of root.querySelectorAll('.react-flow__node')) {
    const id = wrapper.getAttribute('data-id');
    const box = wrapper.firstElementChild;
    if (id && box) boxes.set(id, box);
  }
  return boxes;
}

/** The ids of `roots` and of every box nested in them (a dragged host carries its services). */
export function withDescendants(roots: Iterable<string>, nodes: readonly { id: string; parentId?: string }[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node.id);
    else children.set(node.parentId, [node.id]);
  }
  const all = new Set<string>();
  const visit = (id: string) => {
    if (all.has(id)) return;
    all.add(id);
    for (const child of children.get(id) ?? []) visit(child);
  };
  for (const id of roots) visit(id);
  return all;
}

/** The scene for the current view: what the picture shows, and how each box looks now. `moving`: what a drag moves, kept off the picture. */
export function sceneFor(args: {
  nodeLookup: Map<string, InternalNode<FlowNode>>;
  edges: readonly DependencyEdge[];
  transform: [number, number, number];
  viewSize: { width: number; height: number };
  dpr: number;
  boxes: Map<string, Element>;
  edgeColors: { hard: string; soft: string };
  moving?: ReadonlySet<string>;
}): SnapshotScene | null {
  const zoom = args.transform[2];
  const moving = args.moving ?? new Set<string>();
  const bounds = boundsOf(args.nodeLookup.values());
  if (!bounds) return null;
  const view = viewRect(args.transform, args.viewSize);
  const area = snapshotArea(view, bounds);
  if (!area) return null;
  const { under, over } = paintOrder(args.nodeLookup.values());
  // Boxes alike in class, plane and status look alike: one style read for each kind (a map has a few dozen).
  const looks = new Map<string, BoxLook>();
  const look = (element: Element) => {
    const key = `${element.className}|${element.getAttribute('style')}|${element.getAttribute('data-status')}|${element.getAttribute('data-level')}`;
    let found = looks.get(key);
    if (!found) looks.set(key, (found = lookOf(element)));
    return found;
  };
  const live: LiveParts = { under: [], over: [], edges: [] };
  const drawn = (layer: 'under' | 'over') => (node: InternalNode<FlowNode>) => {
    const element = args.boxes.get(node.id);
    if (!element) return [];
    if (moving.has(node.id)) {
      live[layer].push({ id: node.id, look: look(element), label: element.textContent ?? '' });
      return [];
    }
    const rect = drawnRect(node);
    return intersection(rect, area) ? [{ rect, look: look(element), label: element.textContent ?? '' }] : [];
  };
  const lines = args.edges.flatMap((edge) => {
    const source = args.nodeLookup.get(edge.source);
    const target = args.nodeLookup.get(edge.target);
    if (!source || !target || !edge.data) return [];
    if (moving.has(edge.source) || moving.has(edge.target)) {
      live.edges.push({ source: edge.source, target: edge.target, kind: edge.data.kind });
      return [];
    }
    return [{ source, target, kind: edge.data.kind }];
  });
  return { area, scale: zoom * args.dpr, zoom, under: under.flatMap(drawn('under')), lines, over: over.flatMap(drawn('over')), edgeColors: args.edgeColors, live };
}
