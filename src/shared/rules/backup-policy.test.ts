import { describe, expect, it } from 'vitest';
import { applyQuickFix } from './validate';
import { findingsOf, sampleTopology } from './testing';

describe('backup-policy', () => {
  it('asks a stateful service for a policy; "none" with a reason is a policy', () => {
    const topology = sampleTopology();
    expect(findingsOf('backup-policy', topology).map((f) => f.message)).toEqual(['db is stateful but has no backup policy (RPO)']);
    topology.services.find((s) => s.id === 'db')!.backup = { policy: 'none', reason: 'rebuilt from events' };
    expect(findingsOf('backup-policy', topology)).toEqual([]);
  });

  it('quick fix adds a daily backup with a 24 h RPO', () => {
    const topology = sampleTopology();
    const fixed = applyQuickFix(topology, findingsOf('backup-policy', topology)[0]!)!;
    expect(fixed.services.find((s) => s.id === 'db')!.backup).toEqual({ policy: 'scheduled', every: 'daily', rpoHours: 24 });
  });
});
