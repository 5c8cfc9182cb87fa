import { describe, expect, it } from 'vitest';
import { applyQuickFix } from './validate';
import { findingsOf, sampleTopology } from './testing';

describe('resource-limits', () => {
  it('names what is missing on each service and skips external and hibernated ones', () => {
    const topology = sampleTopology();
    const found = findingsOf('resource-limits', topology);
    // nightly has no resources at all; stripe is external.
    expect(found.map((f) => f.message)).toEqual(['nightly has no CPU or memory limit: it may take the whole host']);
    topology.services.find((s) => s.id === 'nightly')!.replicas = 0;
    expect(findingsOf('resource-limits', topology)).toEqual([]);
  });

  it('quick fix sets limits from the requests, or modest defaults', () => {
    const topology = sampleTopology();
    topology.services.find((s) => s.id === 'shop')!.resources = { cpu: { request: 2 }, memoryMiB: { request: 256 } };
    const finding = findingsOf('resource-limits', topology).find((f) => f.targets[0]!.kind === 'service' && f.message.startsWith('shop'))!;
    const fixed = applyQuickFix(topology, finding)!;
    expect(fixed.services.find((s) => s.id === 'shop')!.resources).toEqual({ cpu: { request: 2, limit: 2 }, memoryMiB: { request: 256, limit: 512 } });
    expect(findingsOf('resource-limits', fixed).some((f) => f.message.startsWith('shop'))).toBe(false);
    // The fix leaves the input untouched (undo keeps the old document).
    expect(topology.services.find((s) => s.id === 'shop')!.resources.cpu).toEqual({ request: 2 });
  });
});
