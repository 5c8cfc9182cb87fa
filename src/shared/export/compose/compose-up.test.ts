// `docker-compose up` of every host of each example's first tier on the real testbed
// hosts h1–h3, with the testbed's busybox
// httpd standing in for every image and a 3 s health check: every service must come up
// healthy. Project names start with `sdup-`, so no other test's containers are touched;
// `down -v` always runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexTopology } from '../../model';
import { effectiveReplicas } from '../../view/capacity';
import { composeProject, type ComposeProject, type ComposeUpResult } from '../../../../testbed/compose-up';
import { loadExamples } from '../../../../testbed/examples';
import { ensureTestbed } from '../../../../testbed/harness';
import { toComposeFiles } from './index';

/** Projects still up, for afterAll to take down if the test stopped half-way. */
const projects = new Set<ComposeProject>();
let dir: string | undefined;

afterAll(async () => {
  await Promise.all([...projects].map((p) => p.down().catch((error: unknown) => console.error(error))));
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

interface Job {
  label: string;
  project: string;
  /** compose service name → containers `up` must start (hibernated services and jobs stay down). */
  expected: Map<string, number>;
  file: ReturnType<typeof toComposeFiles>[number];
}

function firstTierJobs(bindSourceRoot: string, image: string): Job[] {
  return loadExamples().flatMap(({ id, topology }) => {
    const tier = topology.tiers[0]!;
    const index = indexTopology(topology).tier(tier.id)!;
    const files = toComposeFiles(topology, tier.id, {
      init: true,
      standIn: {
        image,
        command: ['httpd', '-f', '-p', '8080', '-h', '/www'],
        healthCheck: { command: ['wget', '-q', '-O', '-', 'http://127.0.0.1:8080/'], intervalSeconds: 3, timeoutSeconds: 5, retries: 20, startPeriodSeconds: 0 },
        publishPorts: false,
        bindSourceRoot: join(bindSourceRoot, id),
      },
    });
    return files.map((file) => {
      const expected = new Map<string, number>();
      for (const service of index.servicesByHost.get(file.host.id) ?? []) {
        const replicas = effectiveReplicas(service, index.placementByService.get(service.id));
        if (replicas > 0 && service.kind !== 'job') expected.set(service.name, replicas);
      }
      return { label: `${id} ${tier.id} ${file.host.id}`, project: `sdup-${id}-${file.host.id}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-'), expected, file };
    });
  });
}

describe('docker-compose up of exported examples', () => {
  it('brings every service of every host of each example’s first tier up healthy on the testbed', async () => {
    const testbed = await ensureTestbed();
    dir = await mkdtemp(join(tmpdir(), 'sd-compose-up-'));
    const jobs = firstTierJobs(join(dir, 'binds'), testbed.image);
    expect(jobs.length).toBeGreaterThanOrEqual(loadExamples().length);
    const results = new Map<string, ComposeUpResult>();
    // One `up` at a time, taking turns over h1–h3: health checks are `docker exec`s, and
    // several files side by side starved this two-core machine until `up` timed out. Each
    // `down` overlaps the next file's `up` on the next host.
    let previousDown: Promise<void> = Promise.resolve();
    for (const [i, job] of jobs.entries()) {
      const host = testbed.hosts[i % testbed.hosts.length]!;
      const project = await composeProject(host, job.file, job.project, join(dir, job.project));
      projects.add(project);
      const started = performance.now();
      results.set(job.label, await project.up());
      const healthy = performance.now();
      const containers = [...job.expected.values()].reduce((a, b) => a + b, 0);
      process.stderr.write(`${job.label} on ${host.name}: ${containers} containers healthy in ${Math.round(healthy - started)} ms\n`);
      const down = project.down().then(() => void projects.delete(project));
      // Awaited below; until then a failure must not count as unhandled.
      down.catch(() => undefined);
      await previousDown;
      previousDown = down;
    }
    await previousDown;

    for (const job of jobs) {
      const { health } = results.get(job.label)!;
      const seen = Object.fromEntries([...health].map(([service, states]) => [service, states.length]));
      expect(seen, job.label).toEqual(Object.fromEntries(job.expected));
      const unhealthy = [...health].filter(([, states]) => states.some((s) => s !== 'healthy')).map(([service, states]) => `${service}: ${states.join(',')}`);
      expect(unhealthy, job.label).toEqual([]);
    }
    // Resource limits reach the engine: breakpilot's keycloak is capped at 2 GiB.
    expect(results.get('breakpilot tier-a vm-edge')!.memory.get('keycloak')).toBe(2 * 1024 ** 3);
  }, 1_200_000);
});
