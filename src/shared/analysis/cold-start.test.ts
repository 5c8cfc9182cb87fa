import { describe, expect, it } from 'vitest';
import { sampleTopology } from '../view/testing';
import { coldStartPhases } from './cold-start';

const ids = (phase: readonly { service: string }[] | undefined) => (phase ?? []).map((p) => p.service).sort();

describe('coldStartPhases', () => {
  it('starts a service one phase after its last hard dependency, with the host it runs on', () => {
    const plan = coldStartPhases(sampleTopology(), 'large');
    expect(plan.phases.map(ids)).toEqual([['db', 'nightly'], ['shop'], ['proxy']]);
    expect(plan.phases[0]).toContainEqual({ service: 'db', host: 'data' });
    expect(plan.blocked).toEqual([]);
    expect(plan.cycles).toEqual([]);
  });

  it('ignores soft dependencies, external and unplaced services', () => {
    const plan = coldStartPhases(sampleTopology(), 'small');
    // nightly is unplaced in "small"; stripe is external and only a soft dependency.
    expect(plan.phases.map(ids)).toEqual([['db'], ['shop'], ['proxy']]);
  });

  it('reports a hard cycle and blocks everything waiting behind it', () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'db', to: 'shop', kind: 'hard' });
    const plan = coldStartPhases(topology, 'small');
    expect(plan.phases).toEqual([]);
    expect(plan.cycles.map((cycle) => [...cycle].sort())).toEqual([['db', 'shop']]);
    expect(ids(plan.blocked)).toEqual(['db', 'proxy', 'shop']);
  });

  it('leaves hibernated services and standby hosts out', () => {
    const topology = sampleTopology();
    topology.tiers[1]!.placements.find((p) => p.service === 'nightly')!.replicas = 0;
    topology.tiers[1]!.hosts[0]!.role = 'standby';
    const plan = coldStartPhases(topology, 'large');
    expect(plan.phases.map(ids)).toEqual([['db']]);
  });

  it('returns nothing for an unknown tier', () => {
    expect(coldStartPhases(sampleTopology(), 'nope').phases).toEqual([]);
  });
});
