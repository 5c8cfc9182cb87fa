import { describe, expect, it } from 'vitest';
import { sampleTopology } from '../view/testing';
import { compareTiers } from './tiers';

describe('compareTiers', () => {
  it('lines tiers up with size, cost, the busiest host and finding counts', () => {
    const [small, large] = compareTiers(sampleTopology());
    expect(small).toMatchObject({ tierId: 'small', hosts: 1, cpu: 2, memoryMiB: 4096, monthlyCost: 4.5, costComplete: true });
    expect(large).toMatchObject({ tierId: 'large', hosts: 2, cpu: 8, monthlyCost: 60 });
    // large: web requests 0.25 + 4 × 0.5 = 2.25 of 4; data requests 1 of 4.
    expect(large!.peakCpuRequest).toEqual({ host: 'web', ratio: 0.5625 });
    // Both share 4 document-wide warnings (backup, limits, 2 health checks). small adds an
    // unplaced nightly and CPU and memory limits over its one host; large a CPU limit over
    // "web" (error) and "data" at 100 % (warning).
    expect(small!.findings).toEqual({ error: 2, warning: 5, info: 0 });
    expect(large!.findings).toEqual({ error: 1, warning: 5, info: 0 });
  });

  it('leaves standby hosts out of the peaks', () => {
    const topology = sampleTopology();
    topology.tiers[1]!.hosts[0]!.role = 'standby';
    expect(compareTiers(topology)[1]!.peakCpuRequest?.host).toBe('data');
  });
});
