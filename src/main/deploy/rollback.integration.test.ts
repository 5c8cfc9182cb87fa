import { afterAll, beforeAll, describe, it } from 'vitest';
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
const name = uniqueProject('rollback');
const dropName = uniqueProject('rbdrop');
const WEB_PORT = 18193;
const DROP_WEB_PORT = 18194;

beforeAll(async () => {
  testbed = await ensureTestbed();
  ({ engine, pool } = await engineFor(testbed));
  await Promise.all([removeProject(testbed, name), removeProject(testbed, dropName)]);
}, 60_000);

afterAll(async () => {
  await pool?.closeAll();
  await Promise.all([removeProject(testbed, name), removeProject(testbed, dropName)]);
}, 60_000);

/** api's health check fails once /tmp/broken exists in its container: a way to break a kept, stopped version. */
const breakable = { command: ['sh', '-c', 'test ! -e /tmp/broken && wget -q -O - http://127.0.0.1:8000/'], intervalSeconds: 1, timeoutSeconds: 5, retries: 3 };
const version = (mode: string) => topologyOn(testbed, { project: name, webPort: WEB_PORT, override: { api: { env: { MODE: mode }, healthCheck: breakable }, web: { env: { MODE: mode } } } });

const inspect = (host: number, container: string) => directDocker(testbed, host).getContainer(container).inspect();
const modeOf = (info: { Config: { Env: string[] } }) => info.Config.Env.find((e) => e.startsWith('MODE='));
const serves = async () => (await fetch(`http://10.77.0.13:${WEB_PORT}/`, { signal: AbortSignal.timeout(3000) })).text();

/** A tar holding one empty file, for Docker's put-archive (which works on a stopped container). */
function tarWithEmptyFile(path: string): Buffer {
  const header = Buffer.alloc(512);
  const field = (offset: number, text: string) => header.write(text, offset, 'ascii');
  field(0, path);
  field(100, '0000644\0');
  field(108, '0000000\0');
  field(116, '0000000\0');
  field(124, '00000000000\0');
  field(136, '00000000000\0');
  field(148, '        ');
  field(156, '0');
  field(257, 'ustar\0');
  field(263, '00');
  const sum = header.reduce((total, byte) => total + byte, 0);
  field(148, `${sum.toString(8).padStart(6, '0')}\0 `);
  return Buffer.concat([header, Buffer.alloc(1024)]);
}

describe('roll back to the previous version on the testbed', () => {
  // The two cases run side by side (own projects and connection pools): most of each waits on dockerd.
  it.concurrent('survives the SSH connection dropping mid-rollback: the swaps are undone, the report says why, a re-run rolls back', { timeout: 150_000 }, async ({ expect, onTestFinished }) => {
    onTestFinished(() => removeProject(testbed, dropName));
    const own = await engineFor(testbed);
    try {
      const at = (mode: string) => topologyOn(testbed, { project: dropName, webPort: DROP_WEB_PORT, override: { api: { env: { MODE: mode } }, web: { env: { MODE: mode } } } });
      const v2 = at('v2');
      expect(await own.engine.apply(at('v1'), 'test')).toMatchObject({ outcome: 'succeeded' });
      expect(await own.engine.apply(v2, 'test')).toMatchObject({ outcome: 'succeeded' });
      const before = await projectContainers(testbed, dropName);

      // Cut h3's connection while its web (phase 3) waits for health, after h2's api was swapped back.
      const h3 = v2.tiers[0]!.hosts.find((h) => h.id === 'h3')!.ssh!;
      let dropped = false;
      const report = await own.engine.rollback(v2, 'test', {
        onEvent: (e) => {
          if (!dropped && e.type === 'service' && e.host === 'h3' && e.step === 'health-check') {
            dropped = true;
            void own.pool.get({ ...h3, identityFile: testbed.identityFile }).then((c) => c.destroyForTest());
          }
        },
      });
      expect(dropped).toBe(true);
      expect(report.outcome).toBe('failed');
      expect(report.error).toMatch(/closed|lost|hang up|ECONNRESET/i);
      // Every swap undone, through a new connection: v2 runs everywhere, v1 kept, as before.
      expect(await projectContainers(testbed, dropName)).toEqual(before);
      expect(modeOf(await inspect(1, `${dropName}-api`))).toBe('MODE=v2');
      expect(modeOf(await inspect(2, `${dropName}-web`))).toBe('MODE=v2');

      expect(await own.engine.rollback(v2, 'test')).toMatchObject({ outcome: 'succeeded' });
      expect(modeOf(await inspect(1, `${dropName}-api`))).toBe('MODE=v1');
      expect(modeOf(await inspect(2, `${dropName}-web`))).toBe('MODE=v1');
    } finally {
      await own.pool.closeAll();
    }
  });

  it.concurrent('swaps v2 back to the kept v1, rolls forward again, says when there is nothing, and undoes a rollback whose old version is unhealthy', { timeout: 150_000 }, async ({ expect, onTestFinished }) => {
    // Removed when done: its containers are health-checked every second, at a CPU cost to the tests beside it.
    onTestFinished(() => removeProject(testbed, name));
    const v1 = version('v1');
    const v2 = version('v2');
    expect(await engine.apply(v1, 'test')).toMatchObject({ outcome: 'succeeded' });
    const v1Hash = (await inspect(1, `${name}-api`)).Config.Labels[LABEL.configHash];

    // Nothing kept after a first deploy: a clear message, nothing touched.
    expect((await engine.rollbackPlan(v1, 'test')).nothing).toMatch(/nothing to roll back/);
    const before = await projectContainers(testbed, name);
    const none = await engine.rollback(v1, 'test');
    expect(none).toMatchObject({ outcome: 'nothing-to-do', error: expect.stringMatching(/no previous version of tier "test" is kept/) });
    expect(await projectContainers(testbed, name)).toEqual(before);

    expect(await engine.apply(v2, 'test')).toMatchObject({ outcome: 'succeeded' });
    const v2Hash = (await inspect(1, `${name}-api`)).Config.Labels[LABEL.configHash];
    expect(v2Hash).not.toBe(v1Hash);
    // v1 kept stopped; the plan neither removes it nor counts it as the running api.
    const keptV1 = await inspect(1, `${name}-api-sdkept`);
    expect(keptV1.State.Running).toBe(false);
    expect(keptV1.Config.Labels[LABEL.configHash]).toBe(v1Hash);
    // Kept without a restart policy, so a dockerd restart cannot start it next to v2.
    expect(keptV1.HostConfig.RestartPolicy?.Name).toBe('no');
    expect(planHasChanges(await engine.plan(v2, 'test'))).toBe(false);
    expect(await engine.apply(v2, 'test')).toMatchObject({ outcome: 'nothing-to-do' });

    const preview = await engine.rollbackPlan(v2, 'test');
    expect(preview.direction).toBe('back');
    const swaps = preview.hosts.flatMap((h) => h.actions.filter((a) => a.kind === 'swap').map((a) => `${h.host} ${a.name} ${a.current?.hash}→${a.kept?.hash}`));
    expect(swaps).toEqual([`h2 ${name}-api ${v2Hash}→${v1Hash}`, expect.stringMatching(new RegExp(`^h3 ${name}-web `))]);

    const events: DeployEvent[] = [];
    expect(await engine.rollback(v2, 'test', { onEvent: (e) => events.push(e) })).toMatchObject({ outcome: 'succeeded' });
    // Cold-start order: web (phase 3) swapped only after api (phase 2) was healthy again.
    const at = (service: string, step: string) => events.findIndex((e) => e.type === 'service' && e.service === service && e.step === step);
    expect(at('web', 'starting')).toBeGreaterThan(at('api', 'healthy'));
    const back = await inspect(1, `${name}-api`);
    expect(back.Id).toBe(keptV1.Id);
    expect(back.State.Health?.Status).toBe('healthy');
    expect(back.Config.Labels[LABEL.configHash]).toBe(v1Hash);
    expect(modeOf(back)).toBe('MODE=v1');
    expect(back.HostConfig.RestartPolicy?.Name).toBe('unless-stopped');
    const keptV2 = await inspect(1, `${name}-api-sdkept`);
    expect(keptV2.State.Running).toBe(false);
    expect(keptV2.Config.Labels[LABEL.configHash]).toBe(v2Hash);
    expect(keptV2.HostConfig.RestartPolicy?.Name).toBe('no');
    expect(modeOf(await inspect(2, `${name}-web`))).toBe('MODE=v1');
    expect(await serves()).toContain('stackdraft testbed OK');

    // Like Kamal: a second rollback rolls forward.
    expect((await engine.rollbackPlan(v2, 'test')).direction).toBe('forward');
    expect(await engine.rollback(v2, 'test')).toMatchObject({ outcome: 'succeeded' });
    const forward = await inspect(1, `${name}-api`);
    expect(forward.Id).toBe(keptV2.Id);
    expect(forward.Config.Labels[LABEL.configHash]).toBe(v2Hash);
    expect(forward.State.Health?.Status).toBe('healthy');

    // The kept v1 is broken while stopped: the rollback fails on it and puts v2 back.
    await directDocker(testbed, 1).getContainer(`${name}-api-sdkept`).putArchive(tarWithEmptyFile('tmp/broken'), { path: '/' });
    const beforeFailure = await projectContainers(testbed, name);
    const failed = await engine.rollback(v2, 'test', { onEvent: (e) => events.push(e) });
    expect(failed.outcome).toBe('failed');
    expect(failed.error).toMatch(new RegExp(`${name}-api on h2 is unhealthy`));
    expect(failed.hosts.find((h) => h.host === 'h2')!.outcome).toBe('rolled-back');
    expect(await projectContainers(testbed, name)).toEqual(beforeFailure);
    const restored = await inspect(1, `${name}-api`);
    expect(restored.Id).toBe(keptV2.Id);
    expect(restored.State.Running).toBe(true);
    expect((await inspect(1, `${name}-api-sdkept`)).HostConfig.RestartPolicy?.Name).toBe('no');
    expect(modeOf(await inspect(2, `${name}-web`))).toBe('MODE=v2');
    expect(await serves()).toContain('stackdraft testbed OK');
    // Every lock was released: a deploy goes ahead (and finds nothing to do).
    expect(await engine.apply(v2, 'test')).toMatchObject({ outcome: 'nothing-to-do' });
  });
});
