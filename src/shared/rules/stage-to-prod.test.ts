import { describe, expect, it } from 'vitest';
import type { TopologyInput } from '../model';
import { findingsOf, sampleTopology } from './testing';

/** The sample plus a stage environment and a stage app placed on a stage host in "large". */
function withStage(overrides: Partial<TopologyInput> = {}) {
  const topology = sampleTopology({
    environments: [
      { id: 'prod', name: 'Production', kind: 'production' },
      { id: 'stage', name: 'Stage', kind: 'staging', mayCall: ['prod'] },
    ],
    ...overrides,
  });
  topology.services.push({ ...topology.services.find((s) => s.id === 'shop')!, id: 'shop-stage', name: 'shop-stage' });
  topology.tiers[1]!.hosts.push({ ...topology.tiers[1]!.hosts[0]!, id: 'stage', name: 'stage', environment: 'stage', publicIp: false });
  topology.tiers[1]!.placements.push({ service: 'shop-stage', host: 'stage' });
  return topology;
}

describe('stage-to-prod', () => {
  it('is an error for a stage service depending on a prod database', () => {
    const topology = withStage();
    topology.dependencies.push({ from: 'shop-stage', to: 'db', kind: 'soft' });
    const found = findingsOf('stage-to-prod', topology, ['large']);
    expect(found.map((f) => [f.severity, f.message])).toEqual([['error', 'shop-stage (staging) depends on db, a production database']]);
    expect(found[0]!.targets[0]).toEqual({ kind: 'dependency', from: 'shop-stage', to: 'db' });
  });

  it('allows stage to call a stateless prod service', () => {
    const topology = withStage();
    topology.dependencies.push({ from: 'shop-stage', to: 'shop', kind: 'hard' });
    expect(findingsOf('stage-to-prod', topology, ['large'])).toEqual([]);
  });

  it('uses the service environment over the host one', () => {
    const topology = withStage();
    topology.dependencies.push({ from: 'shop-stage', to: 'db', kind: 'hard' });
    topology.services.find((s) => s.id === 'shop-stage')!.environment = 'prod';
    expect(findingsOf('stage-to-prod', topology, ['large'])).toEqual([]);
  });
});
