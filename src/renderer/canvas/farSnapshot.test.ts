import type { InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { boundsOf, paintOrder, pictureCovers, snapshotArea, withDescendants } from './farSnapshot';
import type { FlowNode } from './types';

const node = (id: string, type: FlowNode['type'], x: number, y: number, z = 0, hidden = false) =>
  ({ id, type, hidden, position: { x, y }, data: {}, measured: { width: 100, height: 40 }, internals: { positionAbsolute: { x, y }, z, userNode: {} } }) as unknown as InternalNode<FlowNode>;

describe('the picture that stands in for a far-out map during a pan', () => {
  it('covers the view and half a view around it, cut to where the boxes are', () => {
    const view = { x: 0, y: 0, width: 1000, height: 600 };
    expect(snapshotArea(view, { x: -5000, y: -5000, width: 20000, height: 20000 })).toEqual({ x: -500, y: -300, width: 2000, height: 1200 });
    // A whole map on screen (the fitted view): exactly the map.
    expect(snapshotArea(view, { x: 100, y: 50, width: 300, height: 200 })).toEqual({ x: 100, y: 50, width: 300, height: 200 });
    // No box near the view: nothing to draw.
    expect(snapshotArea(view, { x: 5000, y: 0, width: 100, height: 100 })).toBeNull();
  });

  it('draws hosts and groups under the lines and services over them, each in their stacking order, hidden ones not at all', () => {
    const { under, over } = paintOrder([node('s1', 'service', 0, 0, 3), node('h1', 'host', 0, 0, 1), node('g', 'group', 0, 0, 0), node('s2', 'service', 0, 0, 2), node('h2', 'host', 0, 0, 1, true)]);
    expect(under.map((n) => n.id)).toEqual(['g', 'h1']);
    expect(over.map((n) => n.id)).toEqual(['s2', 's1']);
  });

  it('bounds the boxes by where they are drawn, nested ones included', () => {
    expect(boundsOf([node('a', 'host', -50, 10), node('b', 'service', 200, 300)])).toEqual({ x: -50, y: 10, width: 350, height: 330 });
    expect(boundsOf([])).toBeNull();
  });

  it('a dragged host carries its services (and what is nested in them); a dragged service only itself', () => {
    const nodes = [{ id: 'env' }, { id: 'h1', parentId: 'env' }, { id: 's1', parentId: 'h1' }, { id: 's2', parentId: 'h1' }, { id: 'h2', parentId: 'env' }, { id: 's3', parentId: 'h2' }];
    expect([...withDescendants(['h1'], nodes)].sort()).toEqual(['h1', 's1', 's2']);
    expect([...withDescendants(['s3', 's1'], nodes)].sort()).toEqual(['s1', 's3']);
  });

  it('a picture is reused by the next pan while it still covers the part of the map in view', () => {
    const bounds = { x: 0, y: 0, width: 3000, height: 3000 };
    const area = snapshotArea({ x: 1000, y: 1000, width: 1000, height: 600 }, bounds)!;
    expect(pictureCovers(area, { x: 1200, y: 1100, width: 1000, height: 600 }, bounds)).toBe(true);
    expect(pictureCovers(area, { x: 1600, y: 1000, width: 1000, height: 600 }, bounds)).toBe(false);
    // Past the map's edge there is nothing to show: only the part with boxes must be covered.
    const whole = snapshotArea({ x: -200, y: -200, width: 4000, height: 4000 }, bounds)!;
    expect(pictureCovers(whole, { x: -900, y: -900, width: 4000, height: 4000 }, bounds)).toBe(true);
  });
});
