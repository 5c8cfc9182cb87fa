import { describe, expect, it } from 'vitest';
import { desiredState } from './desired';
import type { RunningContainer, RunningHost } from './plan';
import { planRollback } from './rollback-plan';
import { fourServiceTopology } from './test-topology';

const hosts = ['h1', 'h2', 'h3'].map((name, i) => ({ name, address: `192.0.2.${i + 1}`, port: 22, user: 'deploy', dockerSocket: '/var/run/docker.sock' }));
const G1 = '2026-01-01T10:00:00.000Z';
const G2 = '2026-01-02T10:00:00.000Z';

const container = (service: string, generation: string, extra: Partial<RunningContainer> = {}): RunningContainer => ({
  id: `${service}-${generation}`,
  name: `shop-${service}`,
  service,
  replica: 1,
  hash: `hash-${generation.slice(8, 10)}`,
  summary: {},
  state: 'running',
  health: 'healthy',
  previous: false,
  generation,
  createdAt: generation,
  ...extra,
});
const kept = (service: string, generation: string) => container(service, generation, { name: `shop-${service}-sdkept`, state: 'exited', health: undefined, kept: true });
const onHosts = (byHost: Record<string, RunningContainer[]>) =>
  new Map<string, RunningHost>(Object.entries(byHost).map(([host, containers]) => [host, { containers, networks: [], volumes: [], images: new Set<string>() }]));
const summary = (plan: ReturnType<typeof planRollback>) => plan.hosts.flatMap((h) => h.actions.map((a) => `${h.host} ${a.kind} ${a.name}${a.kept ? ` ${a.current?.hash ?? '(none)'}→${a.kept.hash}` : ''}`));

describe('rollback planning', async () => {
  const desired = await desiredState(fourServiceTopology({ project: 'shop', hosts }), 'test', { secrets: { valueOf: async () => '' } });

  it('after a deploy: swaps each replaced service back in cold-start order, removes what it created, leaves the rest', () => {
    const plan = planRollback(
      desired,
      onHosts({
        h1: [container('db', G1)],
        // api replaced by the last deploy, cache created by it
        h2: [container('api', G2), container('cache', G2), kept('api', G1)],
        h3: [container('web', G2), kept('web', G1)],
      }),
    );
    expect(plan.direction).toBe('back');
    expect(plan.nothing).toBeUndefined();
    expect(summary(plan)).toEqual(['h1 unchanged shop-db', 'h2 remove shop-cache', 'h2 swap shop-api hash-02→hash-01', 'h3 swap shop-web hash-02→hash-01']);
    const api = plan.hosts[1]!.actions.find((a) => a.service === 'api')!;
    expect(api.phase).toBeLessThan(plan.hosts[2]!.actions[0]!.phase);
    expect(api.kept?.createdAt).toBe(G1);
  });

  it('after a rollback: rolling again only swaps forward, it removes nothing', () => {
    const plan = planRollback(
      desired,
      onHosts({
        h1: [container('db', G1)],
        h2: [container('api', G1), kept('api', G2)],
        h3: [container('web', G1), kept('web', G2)],
      }),
    );
    expect(plan.direction).toBe('forward');
    expect(summary(plan)).toEqual(['h1 unchanged shop-db', 'h2 swap shop-api hash-01→hash-02', 'h3 swap shop-web hash-01→hash-02']);
  });

  it('says clearly when nothing is kept, even right after a first deploy that created everything', () => {
    const plan = planRollback(desired, onHosts({ h1: [container('db', G1)], h2: [container('api', G1), container('cache', G1)], h3: [container('web', G1)] }));
    expect(plan.nothing).toMatch(/nothing to roll back: no previous version of tier "test" is kept/);
  });

  it('starts a kept version again whose current container is gone, and ignores containers of an interrupted deploy', () => {
    const plan = planRollback(desired, onHosts({ h2: [kept('api', G1), container('cache', G1, { name: 'shop-cache-sdprev', previous: true, state: 'exited' })] }));
    expect(summary(plan)).toEqual(['h2 swap shop-api (none)→hash-01']);
  });
});
