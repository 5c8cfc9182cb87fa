import { describe, expect, it } from 'vitest';
import { findingsOf, sampleTopology } from './testing';

describe('root-dependency-host', () => {
  it('flags a host carrying two services most others cannot run without', () => {
    const topology = sampleTopology();
    // Add auth: proxy and shop need it; db and auth both sit on "data" in "large".
    topology.services.push({ ...topology.services.find((s) => s.id === 'shop')!, id: 'auth', name: 'auth', replicas: 1 });
    topology.dependencies.push({ from: 'shop', to: 'auth', kind: 'hard' }, { from: 'proxy', to: 'auth', kind: 'hard' });
    topology.tiers[1]!.placements.push({ service: 'auth', host: 'data' });
    topology.tiers[0]!.placements.push({ service: 'auth', host: 'one' });
    const found = findingsOf('root-dependency-host', topology, ['large']);
    expect(found.map((f) => f.targets)).toEqual([[{ kind: 'host', id: 'data', tier: 'large' }, { kind: 'service', id: 'db' }, { kind: 'service', id: 'auth' }]]);
    // Moving auth to the web host splits the roots.
    topology.tiers[1]!.placements.at(-1)!.host = 'web';
    expect(findingsOf('root-dependency-host', topology, ['large'])).toEqual([]);
  });

  it('folds a database that serves only a root on the same host into that root', () => {
    const topology = sampleTopology();
    // shop's only hard dependency is db: on one host they are one root, not two.
    topology.tiers[0]!.placements.push({ service: 'nightly', host: 'one' });
    expect(findingsOf('root-dependency-host', topology, ['small'])).toEqual([]);
  });
});
