import { Position, type InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { arrowHead, dependencyShape } from './edgePath';

const box = (x: number, y: number): InternalNode =>
  ({ id: `${x},${y}`, position: { x, y }, data: {}, measured: { width: 200, height: 100 }, internals: { positionAbsolute: { x, y }, z: 0, userNode: {} } }) as unknown as InternalNode;

describe('dependency shapes', () => {
  it('points the arrowhead into the box, tip on its border', () => {
    // Entering through the left side: the tip at the border, the base further left.
    expect(arrowHead(400, 50, Position.Left)).toBe('M400,50L392.4,56.1L392.4,43.9Z');
    // Entering through the top: the base above the tip.
    expect(arrowHead(100, 200, Position.Top)).toBe('M100,200L93.9,192.4L106.1,192.4Z');
    expect(arrowHead(100, 0, Position.Bottom)).toBe('M100,0L106.1,7.6L93.9,7.6Z');
  });

  it('draws the line from border to border with the arrowhead at the dependency', () => {
    const { line, arrow } = dependencyShape(box(0, 0), box(400, 0));
    expect(line.startsWith('M200,50')).toBe(true);
    expect(line.endsWith('400,50')).toBe(true);
    expect(arrow.startsWith('M400,50')).toBe(true);
  });
});
