import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { borderPoint, floatingEdge } from './floating';

describe('floating edges', () => {
  const box = { x: 0, y: 0, width: 200, height: 100 };

  it('leaves a box on the side facing the other box', () => {
    expect(borderPoint(box, { x: 1000, y: 50 })).toEqual({ x: 200, y: 50, position: Position.Right });
    expect(borderPoint(box, { x: -1000, y: 50 })).toEqual({ x: 0, y: 50, position: Position.Left });
    expect(borderPoint(box, { x: 100, y: 900 })).toEqual({ x: 100, y: 100, position: Position.Bottom });
    expect(borderPoint(box, { x: 100, y: -900 })).toEqual({ x: 100, y: 0, position: Position.Top });
  });

  it('joins two boxes border to border', () => {
    const edge = floatingEdge(box, { x: 400, y: 0, width: 200, height: 100 });
    expect(edge).toEqual({ sourceX: 200, sourceY: 50, sourcePosition: Position.Right, targetX: 400, targetY: 50, targetPosition: Position.Left });
  });

  it('does not divide by zero for boxes on the same centre', () => {
    const edge = floatingEdge(box, box);
    expect(Number.isFinite(edge.sourceX) && Number.isFinite(edge.targetY)).toBe(true);
  });
});
