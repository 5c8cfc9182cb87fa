import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { ensureTestbed, type Testbed } from '../../../testbed/harness';
import type { SshPool } from '../ssh/pool';
import type { DeployEngine } from './engine';
import type { DeployEvent } from './events';
import { LABEL } from './labels';
import { planHasChanges } from './plan';
import { directDocker, engineFor, projectContainers, removeProject, topologyOn, uniqueProject } from './testbed-helpers';

let testbed: Testbed;
let engine: DeployEngine;
let pool: SshPool;
const projects: string[] = [];
let nextPort = 18100;
/**
 * A project of this test file, with a published port no other test uses, removed as soon as
 * its test ends: a running test container is health-checked every second, and each check
 * costs CPU the tests running beside it need.
 */
const project = (what: string, { onTestFinished }: Pick<TestContext, 'onTestFinished'>) => {
  const name = uniqueProject(what);
  projects.push(name);
  onTestFinished(() => removeProject(testbed, name));
  return name;
};
const on = (name: string, extra: Omit<Parameters<typeof topologyOn>[1], 'project'> = {}) => topologyOn(testbed, { project: name, webPort: portOf(name), ...extra });
const ports = new Map<string, number>();
const portOf = (name: string) => ports.get(name) ?? ports.set(name, nextPort++).get(name)!;

beforeAll(async () => {
  testbed = await ensureTestbed();
  ({ engine, pool } = await engineFor(testbed));
}, 60_000);

afterAll(async () => {
  await pool?.closeAll();
  for (const p of projects) await removeProject(testbed, p);
}, 60_000);

async function fetchText(url: string): Promise<string> {
  return (await fetch(url, { signal: AbortSignal.timeout(3000) })).text();
}

describe('deploy to the three testbed hosts', () => {
  it('starts every service in cold-start order with its caps, labels, networks, health check and restart policy; a second deploy changes nothing', { timeout: 90_000 }, async (context) => {
    const name = project('full', context);
    const topology = on(name);
    const events: DeployEvent[] = [];
    const report = await engine.apply(topology, 'test', { onEvent: (e) => events.push(e) });
    expect(report).toMatchObject({ outcome: 'succeeded' });
    expect(report.phases.map((p) => p.services)).toEqual([2, 1, 1]);

    // Order: api became healthy only after db and cache; web only after api.
    const healthyAt = (s: string) => events.findIndex((e) => e.type === 'service' && e.service === s && e.step === 'healthy');
    const createdAt = (s: string) => events.findIndex((e) => e.type === 'service' && e.service === s && e.step === 'creating');
    expect(createdAt('api')).toBeGreaterThan(Math.max(healthyAt('db'), healthyAt('cache')));
    expect(createdAt('web')).toBeGreaterThan(healthyAt('api'));

    const api = await directDocker(testbed, 1).getContainer(`${name}-api`).inspect();
    expect(api.State.Health?.Status).toBe('healthy');
    expect(api.HostConfig.NanoCpus).toBe(5e8);
    expect(api.HostConfig.Memory).toBe(64 * 1024 * 1024);
    expect(api.HostConfig.MemoryReservation).toBe(16 * 1024 * 1024);
    expect(api.HostConfig.RestartPolicy?.Name).toBe('unless-stopped');
    expect(api.HostConfig.Init).toBe(true);
    expect(api.Config.Labels).toMatchObject({ [LABEL.project]: name, [LABEL.tier]: 'test', [LABEL.service]: 'api' });
    expect(api.Config.Labels[LABEL.configHash]).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(api.NetworkSettings.Networks).sort()).toEqual([`${name}_app`, `${name}_data`]);
    expect(api.Config.Env).toContain('MODE=test');
    const db = await directDocker(testbed, 0).getContainer(`${name}-db`).inspect();
    expect(db.State.Health?.Status).toBe('healthy');
    expect(await fetchText(`http://10.77.0.13:${portOf(name)}/`)).toContain('stackdraft testbed OK');

    const before = await projectContainers(testbed, name);
    expect(before.map((c) => `${c.host}/${c.name}`)).toEqual([`h2/${name}-api`, `h2/${name}-cache`, `h1/${name}-db`, `h3/${name}-web`]);
    expect(planHasChanges(await engine.plan(topology, 'test'))).toBe(false);
    const again = await engine.apply(topology, 'test');
    expect(again.outcome).toBe('nothing-to-do');
    expect(await projectContainers(testbed, name)).toEqual(before);
    // One SSH connection per host for everything above.
    expect(pool.opened).toBe(3);
  });

  it('rolls back when a replaced service never gets healthy: the old version keeps serving, dependents are not replaced, nothing is left over', { timeout: 90_000 }, async (context) => {
    const name = project('unhealthy', context);
    const good = on(name);
    expect(await engine.apply(good, 'test')).toMatchObject({ outcome: 'succeeded' });
    const before = await projectContainers(testbed, name);

    const broken = on(name, {
      override: {
        api: { env: { MODE: 'v2' }, healthCheck: { command: ['wget', '-q', '-O', '-', 'http://127.0.0.1:9/'], intervalSeconds: 0.3, timeoutSeconds: 1, retries: 2 } },
        web: { env: { MODE: 'v2' } },
      },
    });
    const plan = await engine.plan(broken, 'test');
    const apiAction = plan.hosts.flatMap((h) => h.actions).find((a) => a.service === 'api')!;
    expect(apiAction.kind).toBe('replace');
    expect(apiAction.reasons.join('\n')).toContain('env: MODE=test → MODE=v2');

    const events: DeployEvent[] = [];
    const report = await engine.apply(broken, 'test', { onEvent: (e) => events.push(e) });
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(new RegExp(`${name}-api on h2 is unhealthy`));
    expect(events.some((e) => e.type === 'service' && e.service === 'web' && e.step === 'creating')).toBe(false);
    expect(await projectContainers(testbed, name)).toEqual(before);
    const api = await directDocker(testbed, 1).getContainer(`${name}-api`).inspect();
    expect(api.Config.Env).toContain('MODE=test');
    expect(api.State.Running).toBe(true);
    expect(await fetchText(`http://10.77.0.13:${portOf(name)}/`)).toContain('stackdraft testbed OK');
    expect(report.hosts.find((h) => h.host === 'h2')!.outcome).toBe('rolled-back');
  });

  it('lets only one of two simultaneous deploys hold the hosts', { timeout: 90_000 }, async (context) => {
    const name = project('lock', context);
    const topology = on(name);
    const other = await engineFor(testbed);
    try {
      const [a, b] = await Promise.allSettled([engine.apply(topology, 'test'), other.engine.apply(topology, 'test')]);
      const outcomes = [a, b].map((r) => (r.status === 'fulfilled' ? `${r.value.outcome}${r.value.error ? `: ${r.value.error}` : ''}` : (r.reason as { code: string }).code)).sort();
      expect(outcomes).toEqual(['LOCKED', 'succeeded']);
      const refused = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as Error).message).toMatch(/h1 \(sdtest@10.77.0.11\) is (locked by another deploy \(vitest #\w+, since .*\)|being locked by another deploy right now)/);
      // The lock is released afterwards: the next deploy goes ahead.
      expect(await other.engine.apply(topology, 'test')).toMatchObject({ outcome: 'nothing-to-do' });
    } finally {
      await other.pool.closeAll();
    }
  });

  it('breaks a stale lock only when asked', { timeout: 60_000 }, async (context) => {
    const name = project('stale', context);
    const topology = on(name);
    await directDocker(testbed, 0).createContainer({
      name: `${name}-sdlock`,
      Image: testbed.image,
      Labels: { [LABEL.project]: name, [LABEL.lockHolder]: 'crashed-laptop', [LABEL.lockSince]: new Date().toISOString() },
    });
    await expect(engine.apply(topology, 'test')).rejects.toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/crashed-laptop/) });
    expect(await engine.apply(topology, 'test', { breakLock: true })).toMatchObject({ outcome: 'succeeded' });
  });

  // The three phases run side by side, each with its own connection pool (dropping a pooled
  // connection must not hit the others): most of each case is waiting on dockerd.
  it.concurrent.for([0, 1, 2])('survives the SSH connection dropping during phase %i: clear report, no orphans, a re-run converges', { timeout: 300_000 }, async (phase, context) => {
    const { expect } = context;
    const name = project(`drop${phase}`, context);
    const topology = on(name);
    const own = await engineFor(testbed);
    const hostOfPhase = ['h1', 'h2', 'h3'][phase]!;
    const target = topology.tiers[0]!.hosts.find((h) => h.id === hostOfPhase)!.ssh!;
    let dropped = false;
    try {
      const report = await own.engine.apply(topology, 'test', {
        onEvent: (e) => {
          if (!dropped && e.type === 'service' && e.host === hostOfPhase && e.step === 'health-check') {
            dropped = true;
            void own.pool.get({ ...target, identityFile: testbed.identityFile }).then((c) => c.destroyForTest());
          }
        },
      });
      expect(dropped).toBe(true);
      expect(report.outcome).toBe('failed');
      expect(report.error).toMatch(/closed|lost|hang up|ECONNRESET/i);
      // A first deploy that failed leaves nothing behind: not a container, not a network.
      expect(await projectContainers(testbed, name)).toEqual([]);
      const nets = await directDocker(testbed, phase).listNetworks({ filters: JSON.stringify({ label: [`${LABEL.project}=${name}`] }) });
      expect(nets).toEqual([]);
      const rerun = await own.engine.apply(topology, 'test');
      expect({ outcome: rerun.outcome, error: rerun.error }).toEqual({ outcome: 'succeeded', error: undefined });
      expect((await projectContainers(testbed, name)).map((c) => c.state)).toEqual(['running', 'running', 'running', 'running']);
    } finally {
      await own.pool.closeAll();
    }
  });
});
