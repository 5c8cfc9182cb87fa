import { describe, expect, it } from 'vitest';
import { desiredState } from './desired';
import { diffHost, planFrom, planHasChanges, type RunningContainer, type RunningHost } from './plan';
import { fourServiceTopology } from './test-topology';

const hosts = ['h1', 'h2', 'h3'].map((name, i) => ({ name, address: `192.0.2.${i + 1}`, port: 22, user: 'deploy', dockerSocket: '/var/run/docker.sock' }));
const noSecrets = { valueOf: async () => undefined };

describe('plan diff', () => {
  const running = (c: Partial<RunningContainer> & Pick<RunningContainer, 'service' | 'hash' | 'summary'>): RunningContainer => ({
    id: `id-${c.service}`,
    name: `shop-${c.service}`,
    replica: 1,
    state: 'running',
    health: 'healthy',
    previous: false,
    ...c,
  });

  it('plans create, unchanged, replace with the reason, and remove', async () => {
    const before = await desiredState(fourServiceTopology({ project: 'shop', hosts }), 'test', { secrets: noSecrets });
    const after = await desiredState(fourServiceTopology({ project: 'shop', hosts, override: { api: { image: 'local/busybox:2' } } }), 'test', { secrets: noSecrets });
    const oldApi = before.hosts[1]!.containers.find((c) => c.service === 'api')!;
    const host: RunningHost = {
      containers: [running({ service: 'api', hash: oldApi.hash, summary: oldApi.summary }), running({ service: 'legacy', hash: 'x', summary: {} })],
      networks: ['shop_data', 'shop_old'],
      volumes: [],
      images: new Set(['local/busybox:1']),
    };
    const plan = diffHost(after.hosts[1]!, host);
    const byService = Object.fromEntries(plan.actions.map((a) => [a.service, a]));
    expect(byService.cache!.kind).toBe('create');
    expect(byService.api!.kind).toBe('replace');
    expect(byService.api!.reasons).toEqual(['image: local/busybox:1 → local/busybox:2']);
    expect(byService.legacy!.kind).toBe('remove');
    expect(plan.createNetworks.map((n) => n.name)).toEqual(['shop_app']);
    expect(plan.removeNetworks).toEqual(['shop_old']);
    expect(plan.missingImages).toEqual(['local/busybox:2']);
  });

  it('plans nothing when everything runs as desired, and replaces a stopped container', async () => {
    const desired = await desiredState(fourServiceTopology({ project: 'shop', hosts }), 'test', { secrets: noSecrets });
    const runningHosts = new Map(
      desired.hosts.map((h) => [h.host.id, { containers: h.containers.map((c) => running({ service: c.service, hash: c.hash, summary: c.summary })), networks: h.networks.map((n) => n.name), volumes: [], images: new Set(['local/busybox:1']) }]),
    );
    expect(planHasChanges(planFrom(desired, runningHosts))).toBe(false);
    const h1 = runningHosts.get('h1')!;
    runningHosts.set('h1', { ...h1, containers: [{ ...h1.containers[0]!, state: 'exited' }] });
    const plan = planFrom(desired, runningHosts);
    expect(planHasChanges(plan)).toBe(true);
    expect(plan.hosts[0]!.actions[0]).toMatchObject({ kind: 'replace', reasons: ['the container is exited'] });
  });

  it('leaves the previous version kept for a rollback alone: not an orphan, not the running service', async () => {
    const desired = await desiredState(fourServiceTopology({ project: 'shop', hosts }), 'test', { secrets: noSecrets });
    const h2 = desired.hosts[1]!;
    const current = h2.containers.map((c) => running({ service: c.service, hash: c.hash, summary: c.summary }));
    const kept = running({ service: 'api', name: 'shop-api-sdkept', id: 'old-api', hash: 'older', summary: {}, state: 'exited', health: undefined, kept: true });
    const plan = diffHost(h2, { containers: [...current, kept], networks: h2.networks.map((n) => n.name), volumes: [], images: new Set(['local/busybox:1']) });
    expect(plan.actions.map((a) => `${a.kind} ${a.name}`)).toEqual(['unchanged shop-cache', 'unchanged shop-api']);
    // Only the kept one left: the service is created afresh, the kept container is not reused or removed.
    const onlyKept = diffHost(h2, { containers: [kept], networks: h2.networks.map((n) => n.name), volumes: [], images: new Set(['local/busybox:1']) });
    expect(onlyKept.actions.map((a) => `${a.kind} ${a.name}`)).toEqual(['create shop-cache', 'create shop-api']);
  });
});
