import { describe, expect, it } from 'vitest';
import { findingsOf, sampleTopology } from './testing';

describe('stage-shares-host', () => {
  it('warns when a host runs prod and stage services side by side', () => {
    const topology = sampleTopology({
      environments: [
        { id: 'prod', name: 'Production', kind: 'production' },
        { id: 'stage', name: 'Stage', kind: 'staging' },
      ],
    });
    expect(findingsOf('stage-shares-host', topology)).toEqual([]);
    topology.services.find((s) => s.id === 'shop')!.environment = 'stage';
    const found = findingsOf('stage-shares-host', topology, ['small']);
    expect(found.map((f) => f.message)).toEqual(['one runs production (proxy) and non-production (shop) services side by side']);
    expect(found[0]!.targets).toEqual([{ kind: 'host', id: 'one', tier: 'small' }]);
  });
});
