import { describe, expect, it } from 'vitest';
import { generateTopology } from '../../../bench/generate-topology';
import { reconcileNodes } from './reconcile';
import { toFlow } from './toFlow';
import type { FlowNode } from './types';

/** The adapter's nodes as React Flow leaves them in the store: measured at the size the adapter set. */
function measuredNodes(): FlowNode[] {
  const topology = generateTopology(4, 3);
  return toFlow(topology, topology.tiers[0]!.id, 'host').nodes.map((n) => ({ ...n, measured: { width: n.width, height: n.height } }) as FlowNode);
}

describe('reconcileNodes', () => {
  it('returns the previous list itself when nothing changed', () => {
    const previous = measuredNodes();
    const next = previous.map((n) => ({ ...n, measured: undefined, data: { ...n.data } }) as FlowNode);
    expect(reconcileNodes(previous, next)).toBe(previous);
  });

  it('keeps a moved box measured, so React Flow does not mount it again to measure it', () => {
    const previous = measuredNodes();
    const host = previous.find((n) => n.type === 'host')!;
    const next = previous.map((n) => (n.id === host.id ? ({ ...n, measured: undefined, position: { x: n.position.x + 200, y: n.position.y } } as FlowNode) : n));
    const result = reconcileNodes(previous, next);
    const moved = result.find((n) => n.id === host.id)!;
    expect(moved.position.x).toBe(host.position.x + 200);
    expect(moved.measured).toEqual({ width: host.width, height: host.height });
    // The others are the very same objects: React Flow skips them.
    expect(result.filter((n) => n.id !== host.id).every((n, i) => n === previous.filter((p) => p.id !== host.id)[i])).toBe(true);
  });

  it('lets React Flow measure a box again when its size changed', () => {
    const previous = measuredNodes();
    const host = previous.find((n) => n.type === 'host')!;
    const next = previous.map((n) => (n.id === host.id ? ({ ...n, measured: undefined, height: n.height! + 40 } as FlowNode) : n));
    expect(reconcileNodes(previous, next).find((n) => n.id === host.id)!.measured).toBeUndefined();
  });

  it('carries the selection over to a changed node', () => {
    const previous = measuredNodes().map((n, i) => (i === 0 ? ({ ...n, selected: true } as FlowNode) : n));
    const next = previous.map((n, i) => (i === 0 ? ({ ...n, selected: undefined, measured: undefined, position: { x: 1, y: 2 } } as FlowNode) : n));
    const result = reconcileNodes(previous, next);
    expect(result[0]!.selected).toBe(true);
    expect(result[0]!.position).toEqual({ x: 1, y: 2 });
  });
});
