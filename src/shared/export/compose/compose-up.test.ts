// `docker-compose up` of the exported compose files of every tier of every example on the
// real testbed hosts h1–h3, with the testbed's busybox httpd standing in for every image and
// a 3 s health check: every service must come up healthy. A service whose exported
// definition (entry, networks, volumes) an earlier file already brought up is not started
// again — later tiers mostly move the same services between hosts, and each container costs
// this machine about a second of CPU — so a later file starts only what is new in it, and
// compose starts what that depends on. Project names start with `sdup-`, so no other test's
// containers are touched; `down -v` always runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexTopology } from '../../model';
import { effectiveReplicas } from '../../view/capacity';
import { composeProject, serviceDefinitions, withDependencies, type ComposeProject, type ComposeUpResult } from '../../../../testbed/compose-up';
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
  /** compose service name → its definition key (`serviceDefinitions`). */
  definitions: Map<string, string>;
}

function allTierJobs(bindSourceRoot: string, image: string): Job[] {
  return loadExamples().flatMap(({ id, topology }) =>
    topology.tiers.flatMap((tier) => {
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
        const project = `sdup-${id}-${tier.id}-${file.host.id}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
        return { label: `${id} ${tier.id} ${file.host.id}`, project, expected, file, definitions: serviceDefinitions(file.text) };
      });
    }),
  );
}

/** What to start of each file: everything it runs whose definition no earlier file started. */
function planStarts(jobs: readonly Job[]): Map<Job, string[]> {
  const started = new Set<string>();
  const plan = new Map<Job, string[]>();
  for (const job of jobs) {
    plan.set(job, [...job.expected.keys()].filter((name) => !started.has(job.definitions.get(name)!)));
    for (const name of job.expected.keys()) started.add(job.definitions.get(name)!);
  }
  return plan;
}

describe('docker-compose up of exported examples', () => {
  it('brings every service of every compose file of every tier up healthy on the testbed', async () => {
    const testbed = await ensureTestbed();
    dir = await mkdtemp(join(tmpdir(), 'sd-compose-up-'));
    const jobs = allTierJobs(join(dir, 'binds'), testbed.image);
    const tiers = loadExamples().reduce((n, e) => n + e.topology.tiers.length, 0);
    expect(new Set(jobs.map((j) => j.label.split(' ').slice(0, 2).join(' '))).size).toBe(tiers);
    const starts = planStarts(jobs);
    const results = new Map<Job, { result: ComposeUpResult; started: Set<string> }>();
    // One `up` at a time, taking turns over h1–h3: health checks are `docker exec`s, and
    // several files side by side starved this two-core machine until `up` timed out. Each
    // `down` overlaps the next file's `up` on the next host.
    let previousDown: Promise<void> = Promise.resolve();
    let turn = 0;
    for (const job of jobs) {
      const fresh = starts.get(job)!;
      if (fresh.length === 0) continue;
      const host = testbed.hosts[turn++ % testbed.hosts.length]!;
      const whole = fresh.length === job.expected.size;
      const project = await composeProject(host, job.file, job.project, join(dir, job.project));
      projects.add(project);
      const began = performance.now();
      const result = await project.up(whole ? [] : fresh);
      const started = whole ? new Set(job.expected.keys()) : withDependencies(job.file.text, fresh);
      results.set(job, { result, started });
      process.stderr.write(`${job.label} on ${host.name}: ${whole ? 'every service' : fresh.join(', ')} — ${result.health.size} services healthy in ${Math.round(performance.now() - began)} ms\n`);
      const down = project.down().then(() => void projects.delete(project));
      // Awaited below; until then a failure must not count as unhandled.
      down.catch(() => undefined);
      await previousDown;
      previousDown = down;
    }
    await previousDown;

    for (const [job, { result, started }] of results) {
      const seen = Object.fromEntries([...result.health].map(([service, states]) => [service, states.length]));
      const expected = Object.fromEntries([...job.expected].filter(([service]) => started.has(service)));
      expect(seen, job.label).toEqual(expected);
      const unhealthy = [...result.health].filter(([, states]) => states.some((s) => s !== 'healthy')).map(([service, states]) => `${service}: ${states.join(',')}`);
      expect(unhealthy, job.label).toEqual([]);
    }
    // Every service definition of every file was started by some file, from that file.
    const proven = new Set([...results].flatMap(([job, { started }]) => [...started].map((name) => job.definitions.get(name)!)));
    const unproven = jobs.flatMap((job) => [...job.expected.keys()].filter((name) => !proven.has(job.definitions.get(name)!)).map((name) => `${job.label} ${name}`));
    expect(unproven).toEqual([]);
    // Resource limits reach the engine: breakpilot's keycloak is capped at 2 GiB.
    const edge = [...results].find(([job]) => job.label === 'breakpilot tier-a vm-edge')!;
    expect(edge[1].result.memory.get('keycloak')).toBe(2 * 1024 ** 3);
  }, 1_200_000);
});
