import { getBezierPath, Position, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { floatingEdge, type Rect } from './floating';

/**
 * React Flow selector for whatever draws at the boxes' places: the node lookup is one Map
 * updated in place, while the nodes array is replaced on every move and measurement.
 */
export const selectDrawnNodes = (s: ReactFlowState) => s.nodes;

/** Where a canvas node is drawn, in flow coordinates (nested nodes resolved). */
export function drawnRect(node: InternalNode): Rect {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

type Ends = ReturnType<typeof floatingEdge>;

const endsOf = (source: InternalNode, target: InternalNode): Ends => floatingEdge(drawnRect(source), drawnRect(target));
const curve = (ends: Ends): string => getBezierPath({ ...ends, curvature: 0.2 })[0];

/** The SVG path of a dependency between two drawn boxes: border to border, slightly curved. */
export function dependencyPath(source: InternalNode, target: InternalNode): string {
  return curve(endsOf(source, target));
}

// The size of React Flow's closed arrow as the canvas's edges use it (18 × 18 stroke widths of 1.7).
const ARROW_LENGTH = 7.6;
const ARROW_HALF_WIDTH = 6.1;

/** Which way a line ends when it enters a box through `side`: the curve arrives along that side's normal. */
const INWARD: Record<Position, [number, number]> = {
  [Position.Left]: [1, 0],
  [Position.Right]: [-1, 0],
  [Position.Top]: [0, 1],
  [Position.Bottom]: [0, -1],
};

/** A closed arrowhead with its tip at (x, y), pointing into the box whose `side` it touches. */
export function arrowHead(x: number, y: number, side: Position): string {
  const [dx, dy] = INWARD[side];
  const baseX = x - dx * ARROW_LENGTH;
  const baseY = y - dy * ARROW_LENGTH;
  const round = (n: number) => Math.round(n * 100) / 100;
  return `M${round(x)},${round(y)}L${round(baseX - dy * ARROW_HALF_WIDTH)},${round(baseY + dx * ARROW_HALF_WIDTH)}L${round(baseX + dy * ARROW_HALF_WIDTH)},${round(baseY - dx * ARROW_HALF_WIDTH)}Z`;
}

/**
 * A dependency drawn as two plain paths, the line and its arrowhead. An SVG marker would
 * look the same, but each marker is painted in a coordinate system of its own, which with
 * 2,000+ lines on screen costs more to paint and composite than the lines themselves.
 */
export function dependencyShape(source: InternalNode, target: InternalNode): { line: string; arrow: string } {
  const ends = endsOf(source, target);
  return { line: curve(ends), arrow: arrowHead(ends.targetX, ends.targetY, ends.targetPosition) };
}
