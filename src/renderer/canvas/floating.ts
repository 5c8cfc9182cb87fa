import { Position } from '@xyflow/react';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the line from a box's centre toward `toward` leaves the box, and on which side. */
export function borderPoint(rect: Rect, toward: { x: number; y: number }): { x: number; y: number; position: Position } {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  const sx = Math.abs(dx) / (rect.width / 2 || 1);
  const sy = Math.abs(dy) / (rect.height / 2 || 1);
  if (sx === 0 && sy === 0) return { x: cx, y: rect.y + rect.height, position: Position.Bottom };
  const scale = 1 / Math.max(sx, sy);
  const position = sx >= sy ? (dx > 0 ? Position.Right : Position.Left) : dy > 0 ? Position.Bottom : Position.Top;
  return { x: cx + dx * scale, y: cy + dy * scale, position };
}

/**
 * End points of an edge drawn between the borders of two boxes (a "floating" edge), so
 * that dependencies between services in different hosts take the short way.
 */
export function floatingEdge(source: Rect, target: Rect) {
  const sourceCentre = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const targetCentre = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const s = borderPoint(source, targetCentre);
  const t = borderPoint(target, sourceCentre);
  return { sourceX: s.x, sourceY: s.y, sourcePosition: s.position, targetX: t.x, targetY: t.y, targetPosition: t.position };
}
