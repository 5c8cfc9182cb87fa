import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { ensureTestbed, type Testbed } from '../../../testbed/harness';
import type { SshPool } from '../ssh/pool';
import type { DeployEngine } from './engine';
import { LABEL } from './labels';
import { directDocker, engineFor, projectContainers, removeProject, topologyOn, uniqueProject } from './testbed-helpers';

let testbed: Testbed;
let engine: DeployEngine;
let pool: SshPool;
const projects: string[] = [];
/** Removed as soon as its test ends: running test containers are health-checked every second, at a CPU cost. */
const project = (what: string, { onTestFinished }: Pick<TestContext, 'onTestFinished'>) => {
  const name = projects[projects.push(uniqueProject(what)) - 1]!;
  onTestFinished(() => removeProject(testbed, name));
  return name;
};

beforeAll(async () => {
  testbed = await ensureTestbed();
  ({ engine, pool } = await engineFor(testbed));
}, 60_000);

afterAll(async () => {
  await pool?.closeAll();
  for (const p of projects) await removeProject(testbed, p);
}, 60_000);

describe('replicas and images on the testbed', () => {
  it('runs every replica healthy under its own name, and scaling down removes the extra ones', { timeout: 180_000 }, async (context) => {
    const name = project('replicas', context);
    const three = topologyOn(testbed, { project: name, webPort: 18191, override: { cache: { replicas: 3 } } });
    expect(await engine.apply(three, 'test')).toMatchObject({ outcome: 'succeeded' });
    const h2 = directDocker(testbed, 1);
    for (const [container, replica] of [[`${name}-cache`, '1'], [`${name}-cache-2`, '2'], [`${name}-cache-3`, '3']] as const) {
      const info = await h2.getContainer(container).inspect();
      expect(info.State.Health?.Status, container).toBe('healthy');
      expect(info.Config.Labels[LABEL.replica] ?? '1').toBe(replica);
    }

    const one = topologyOn(testbed, { project: name, webPort: 18191 });
    expect(await engine.apply(one, 'test')).toMatchObject({ outcome: 'succeeded' });
    expect((await projectContainers(testbed, name)).map((c) => c.name)).toEqual([`${name}-api`, `${name}-cache`, `${name}-db`, `${name}-web`]);
  });

  it('says which image is missing on which host, and leaves nothing behind', { timeout: 120_000 }, async (context) => {
    const name = project('noimage', context);
    const topology = topologyOn(testbed, { project: name, webPort: 18192, override: { api: { image: 'local/not-there:404' } } });
    const report = await engine.apply(topology, 'test');
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/h2 \(sdtest@10\.77\.0\.12\): image "local\/not-there:404" is not on the host and could not be pulled/);
    expect(await projectContainers(testbed, name)).toEqual([]);
  });
});
