import { describe, expect, it } from 'vitest';
import { applyQuickFix } from './validate';
import { findingsOf, sampleTopology } from './testing';

describe('unplaced', () => {
  it('warns about a service with no host in a tier (external ones need none)', () => {
    const found = findingsOf('unplaced', sampleTopology());
    expect(found.map((f) => [f.tier, f.severity, f.message])).toEqual([['small', 'warning', 'nightly is not placed on any host in small']]);
  });

  it('is an error when the placement names a host the tier lacks', () => {
    const topology = sampleTopology();
    topology.tiers[1]!.placements[3]!.host = 'gone';
    expect(findingsOf('unplaced', topology, ['large'])).toMatchObject([
      { severity: 'error', path: ['tiers', 1, 'placements', 3, 'host'], message: 'nightly is placed on "gone", which is not a host of large' },
    ]);
  });

  it('quick fix places it on the host with the most free memory', () => {
    const topology = sampleTopology();
    topology.tiers[0]!.hosts.push({ ...topology.tiers[0]!.hosts[0]!, id: 'two', name: 'two', memoryMiB: 32768 });
    const fixed = applyQuickFix(topology, findingsOf('unplaced', topology, ['small'])[0]!)!;
    expect(fixed.tiers[0]!.placements.at(-1)).toEqual({ service: 'nightly', host: 'two' });
    expect(findingsOf('unplaced', fixed, ['small'])).toEqual([]);
  });
});
