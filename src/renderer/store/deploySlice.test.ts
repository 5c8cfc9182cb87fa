import { describe, expect, it } from 'vitest';
import { IpcError, type ChannelName, type RequestOf, type ResponseOf } from '../../shared/ipc';
import { sampleTopology } from '../../shared/view/testing';
import { createAppStore, type AppStore } from './createAppStore';

/** A store whose `call` answers from `answer`; the topology and tier are set as if a file were open. */
function setup(answer: (channel: ChannelName, request: unknown, store: AppStore) => unknown): { store: AppStore; calls: [ChannelName, unknown][] } {
  const calls: [ChannelName, unknown][] = [];
  const store: AppStore = createAppStore({
    async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      calls.push([channel, request]);
      return (await answer(channel, request, store)) as ResponseOf<C>;
    },
    connect: async () => {},
  });
  const topology = sampleTopology();
  store.setState({ topology, tierId: topology.tiers[0]!.id });
  return { store, calls };
}

const question = { keyFile: '/home/me/.ssh/id_ed25519', incorrect: false, remember: { available: false, reason: 'no keychain here' } };

describe('deploy slice', () => {
  it('keeps the events that overtake the deploy.apply answer and shows them once the job id is known', async () => {
    const { store } = setup((channel, _request, s) => {
      if (channel !== 'deploy.apply') throw new Error(channel);
      s.getState().handleJobEvent({ jobId: 'job-1', kind: 'progress', message: 'connecting to 3 host(s)' });
      s.getState().handleJobEvent({ jobId: 'job-other', kind: 'progress', message: 'not ours' });
      return { jobId: 'job-1' };
    });
    await store.getState().applyDeploy();
    expect(store.getState().deployJobId).toBe('job-1');
    expect(store.getState().deployLog).toEqual(['connecting to 3 host(s)']);
  });

  it('asks for a key passphrase, keeps the dialog open with the reason when it is wrong, then retries the plan', async () => {
    let known = false;
    const { store, calls } = setup((channel, request) => {
      if (channel === 'deploy.plan') {
        if (!known) throw new IpcError({ code: 'KEY_PASSPHRASE_NEEDED', message: 'encrypted', details: question });
        return { project: 'p', tier: 't', phases: [], problems: [], hasChanges: false, hosts: [] };
      }
      if (channel === 'ssh.passphrase') {
        if ((request as { passphrase: string }).passphrase !== 'right') throw new IpcError({ code: 'BAD_REQUEST', message: 'That passphrase does not open it' });
        known = true;
        return { remembered: false };
      }
      throw new Error(channel);
    });
    await store.getState().planDeploy();
    expect(store.getState().passphraseQuestion).toMatchObject({ ...question, retry: 'plan' });
    await store.getState().answerPassphrase({ passphrase: 'wrong', remember: false });
    expect(store.getState().passphraseQuestion?.error).toMatch(/does not open/);
    await store.getState().answerPassphrase({ passphrase: 'right', remember: true });
    expect(store.getState().passphraseQuestion).toBeNull();
    expect(store.getState().deployStage).toBe('planned');
    expect(calls.filter(([c]) => c === 'ssh.passphrase')).toEqual([
      ['ssh.passphrase', { keyFile: question.keyFile, passphrase: 'wrong', remember: false }],
      ['ssh.passphrase', { keyFile: question.keyFile, passphrase: 'right', remember: true }],
    ]);
    // Nothing of it is kept in the renderer's state.
    expect(JSON.stringify(store.getState(), (_k, v: unknown) => (typeof v === 'function' ? undefined : v))).not.toContain('right"');
  });

  it('previews a rollback, then runs it as a job with the same progress, and says when there is nothing to roll back', async () => {
    const preview = {
      project: 'p',
      tier: 't',
      direction: 'back' as const,
      hosts: [{ host: 'h2', address: '192.0.2.2', actions: [{ kind: 'swap' as const, service: 'api', name: 'p-api', phase: 1, reason: 'back', from: { hash: 'b', createdAt: '' }, to: { hash: 'a', createdAt: '' } }] }],
    };
    let answer: typeof preview & { nothing?: string } = preview;
    const { store, calls } = setup((channel) => {
      if (channel === 'deploy.rollbackPlan') return answer;
      if (channel === 'deploy.rollback') return { jobId: 'job-r' };
      throw new Error(channel);
    });
    await store.getState().previewRollback();
    expect(store.getState()).toMatchObject({ deployStage: 'rollback-preview', rollbackPlan: preview });
    await store.getState().applyRollback();
    expect(calls.map(([c]) => c)).toEqual(['deploy.rollbackPlan', 'deploy.rollback']);
    store.getState().handleJobEvent({ jobId: 'job-r', kind: 'progress', message: 'h2 p-api: healthy', data: { type: 'service', host: 'h2', service: 'api', name: 'p-api', step: 'healthy' } });
    store.getState().handleJobEvent({ jobId: 'job-r', kind: 'done', message: 'succeeded', data: { report: { outcome: 'succeeded', durationMs: 900, hosts: [] } } });
    expect(store.getState()).toMatchObject({ deployStage: 'finished', deployError: null, deployReport: { outcome: 'succeeded' } });
    expect(store.getState().deployProgress['h2/p-api']?.step).toBe('healthy');

    answer = { ...preview, nothing: 'nothing to roll back: no previous version of tier "t" is kept' };
    await store.getState().previewRollback();
    expect(store.getState().rollbackPlan?.nothing).toMatch(/nothing to roll back/);
    store.getState().dismissRollback();
    expect(store.getState()).toMatchObject({ deployStage: 'idle', rollbackPlan: null });
  });
});
