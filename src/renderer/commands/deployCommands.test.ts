import { describe, expect, it } from 'vitest';
import type { ChannelName, DeployPlanView, RequestOf, ResponseOf } from '../../shared/ipc';
import { sampleTopology } from '../../shared/view/testing';
import { createAppStore } from '../store';
import { useKnownHosts } from '../components/KnownHosts/store';
import { deployCommands } from './deployCommands';

const plan: DeployPlanView = { project: 'p', tier: 't', phases: [['db']], problems: [], hasChanges: true, hosts: [] };

function setup() {
  const calls: ChannelName[] = [];
  const store = createAppStore({
    async call<C extends ChannelName>(channel: C, _request: RequestOf<C>): Promise<ResponseOf<C>> {
      calls.push(channel);
      if (channel === 'deploy.plan') return plan as ResponseOf<C>;
      if (channel === 'deploy.apply') return { jobId: 'job-1' } as ResponseOf<C>;
      if (channel === 'deploy.cancel') return { cancelled: true } as ResponseOf<C>;
      if (channel === 'deploy.rollbackPlan') return { project: 'p', tier: 't', direction: 'back', hosts: [] } as ResponseOf<C>;
      throw new Error(`unexpected ${channel}`);
    },
    connect: async () => {},
  });
  const byId = Object.fromEntries(deployCommands(store).map((c) => [c.id, c]));
  return { store, calls, byId };
}

describe('Deploy menu commands', () => {
  it('are disabled without a document, except Known Hosts', () => {
    const { byId } = setup();
    expect(byId['deploy.plan']!.enabled!()).toBe(false);
    expect(byId['deploy.apply']!.enabled!()).toBe(false);
    expect(byId['deploy.cancel']!.enabled!()).toBe(false);
    expect(byId['deploy.knownHosts']!.enabled).toBeUndefined();
  });

  it('Deploy plans first when there is no plan, applies the plan shown, and Cancel is enabled only while it runs', async () => {
    const { store, calls, byId } = setup();
    const topology = sampleTopology();
    store.setState({ topology, tierId: topology.tiers[0]!.id });
    await byId['deploy.apply']!.run();
    expect(calls).toEqual(['deploy.plan']);
    expect(store.getState()).toMatchObject({ deployOpen: true, deployStage: 'planned' });
    expect(byId['deploy.cancel']!.enabled!()).toBe(false);
    await byId['deploy.apply']!.run();
    expect(calls).toEqual(['deploy.plan', 'deploy.apply']);
    expect(store.getState().deployStage).toBe('applying');
    expect(byId['deploy.plan']!.enabled!()).toBe(false);
    expect(byId['deploy.cancel']!.enabled!()).toBe(true);
    await byId['deploy.cancel']!.run();
    expect(calls.at(-1)).toBe('deploy.cancel');
  });

  it('Roll Back to Previous opens the panel with the preview and changes nothing until confirmed there', async () => {
    const { store, calls, byId } = setup();
    expect(byId['deploy.rollback']!.enabled!()).toBe(false);
    const topology = sampleTopology();
    store.setState({ topology, tierId: topology.tiers[0]!.id });
    await byId['deploy.rollback']!.run();
    expect(calls).toEqual(['deploy.rollbackPlan']);
    expect(store.getState()).toMatchObject({ deployOpen: true, deployStage: 'rollback-preview' });
  });

  it('Known Hosts opens its dialog', () => {
    const { byId } = setup();
    void byId['deploy.knownHosts']!.run();
    expect(useKnownHosts.getState().open).toBe(true);
  });
});
