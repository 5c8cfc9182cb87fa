import { describe, expect, it } from 'vitest';
import { findingsOf, sampleTopology } from './testing';

describe('plane-isolation', () => {
  it('allows anything when planes say nothing, and only what mayCall lists when they do', () => {
    expect(findingsOf('plane-isolation', sampleTopology())).toEqual([]);
    const topology = sampleTopology();
    topology.planes[0]!.mayCall = [];
    const found = findingsOf('plane-isolation', topology);
    expect(found.map((f) => f.message)).toEqual(['shop (edge) → db (data): the edge plane may not call the data plane']);
    expect(found[0]!.targets[0]).toEqual({ kind: 'dependency', from: 'shop', to: 'db' });
    topology.planes[0]!.mayCall = ['data'];
    expect(findingsOf('plane-isolation', topology)).toEqual([]);
  });
});
