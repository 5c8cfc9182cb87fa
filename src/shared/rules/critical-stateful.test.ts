import { describe, expect, it } from 'vitest';
import { findingsOf, sampleTopology } from './testing';

describe('critical-stateful', () => {
  it('flags one stateful instance shared by several services, not a database owned by one', () => {
    const topology = sampleTopology();
    expect(findingsOf('critical-stateful', topology)).toEqual([]);
    topology.dependencies.push({ from: 'nightly', to: 'db', kind: 'hard' });
    const found = findingsOf('critical-stateful', topology, ['large']);
    expect(found.map((f) => f.message)).toEqual(['db on data is a single instance shared by shop, nightly: 3 of 3 services with hard dependencies cannot run without it']);
  });

  it('leaves stage data stores alone: their SLA is not production', () => {
    const topology = sampleTopology({
      environments: [
        { id: 'prod', name: 'Production', kind: 'production' },
        { id: 'stage', name: 'Stage', kind: 'staging' },
      ],
    });
    topology.dependencies.push({ from: 'nightly', to: 'db', kind: 'hard' });
    topology.services.find((s) => s.id === 'db')!.environment = 'stage';
    expect(findingsOf('critical-stateful', topology, ['large'])).toEqual([]);
  });
});
