import { describe, expect, it } from 'vitest';
import { HOST_FLAVORS } from '../catalog';
import type { Topology } from '../model';
import { layoutCanvas, type CanvasView } from '../view/canvas-layout';
import { sampleTopology } from '../view/testing';
import { addHost, copyFragment, pasteFragment, setPositions } from '.';

const cax11 = HOST_FLAVORS.find((f) => f.flavor === 'cax11')!;

/** Where each host or plane box is drawn, as the canvas and the SVG export draw it. */
function boxesOf(t: Topology, tierId: string | undefined, view: CanvasView = 'host'): Record<string, { x: number; y: number }> {
  const boxes = layoutCanvas(t, tierId, view).boxes.filter((b) => b.kind === 'host' || b.kind === 'plane');
  return Object.fromEntries(boxes.map((b) => [b.key, { x: b.x, y: b.y }]));
}

/** Three hosts in one row, none placed by hand: the packer lays them out. */
function threeHosts(): Topology {
  const base = sampleTopology();
  const large = base.tiers[1]!;
  return { ...base, tiers: [base.tiers[0]!, { ...large, hosts: [...large.hosts, { ...large.hosts[0]!, id: 'spare', name: 'spare' }] }] };
}

describe('placing boxes by hand', () => {
  it('moving one host leaves every other host of the tier where it was drawn', () => {
    const t = threeHosts();
    const before = boxesOf(t, 'large');
    const moved = setPositions(t, 'host/large', { 'host:data': { x: before['host:data']!.x + 30, y: before['host:data']!.y + 10 } });
    const after = boxesOf(moved, 'large');
    expect(after['host:data']).toEqual({ x: before['host:data']!.x + 30, y: before['host:data']!.y + 10 });
    expect(after['host:web']).toEqual(before['host:web']);
    expect(after['host:spare']).toEqual(before['host:spare']);
    // The other tier's view is its own.
    expect(moved.layout['host/small']).toBeUndefined();
  });

  it('moving one plane in the plane view leaves the other planes where they were drawn', () => {
    const t = sampleTopology();
    const before = boxesOf(t, undefined, 'plane');
    const moved = setPositions(t, 'plane', { 'plane:edge': { x: before['plane:edge']!.x - 50, y: before['plane:edge']!.y + 200 } });
    expect(boxesOf(moved, undefined, 'plane')['plane:data']).toEqual(before['plane:data']);
  });

  it('a service moved inside its host does not pin the hosts: they still flow with the packer', () => {
    const t = setPositions(threeHosts(), 'host/large', { 'service:shop': { x: 20, y: 60 } });
    expect(Object.keys(t.layout['host/large']!)).toEqual(['service:shop']);
  });

  it('a box put back where it is changes nothing', () => {
    const t = setPositions(threeHosts(), 'host/large', { 'host:web': { x: 0, y: 0 } });
    expect(setPositions(t, 'host/large', { 'host:web': { x: 0.2, y: 0 } })).toBe(t);
  });

  it('a host dropped from the palette leaves the hosts already drawn in place', () => {
    const t = threeHosts();
    const before = boxesOf(t, 'large');
    const { topology, hostId } = addHost(t, 'large', cax11, { x: -400, y: -300 })!;
    const after = boxesOf(topology, 'large');
    expect(after[`host:${hostId}`]).toEqual({ x: -400, y: -300 });
    for (const key of Object.keys(before)) expect(after[key]).toEqual(before[key]);
  });

  it('a pasted host lands beside its original and the others stay put', () => {
    const t = threeHosts();
    const before = boxesOf(t, 'large');
    const fragment = copyFragment(t, 'large', [], ['web'])!;
    const pasted = pasteFragment(t, 'large', fragment);
    const after = boxesOf(pasted.topology, 'large');
    expect(after[`host:${pasted.hostIds[0]}`]).toEqual({ x: before['host:web']!.x + 40, y: before['host:web']!.y + 40 });
    for (const key of Object.keys(before)) expect(after[key]).toEqual(before[key]);
  });
});
