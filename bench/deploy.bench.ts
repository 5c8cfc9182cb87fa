/**
 * Deploy 30 services over the 3 testbed hosts, side by side in one run:
 * - Stackdraft (phases in cold-start order, hosts and services parallel within a phase);
 * - a naive serial deploy (same SSH connections and API calls, one service at a time);
 * - docker-compose v1 `up -d` of one compose file per host, all three at once, until healthy
 *   (it cannot wait across hosts, so it ignores cross-host order: an advantage to it);
 * - the critical-path lower bound: per phase, the slowest container's create-to-healthy
 *   time in the Stackdraft run, summed.
 * Also counts SSH connections per host (from the kernel's socket table, not our counter).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { stringify } from 'yaml';
import { ensureTestbed, type Testbed } from '../testbed/harness';
import { CURRENT_SCHEMA_VERSION, topologySchema, type Topology } from '../src/shared/model';
import { desiredState } from '../src/main/deploy/desired';
import { dockerOverSsh } from '../src/main/deploy/docker';
import { waitHealthy } from '../src/main/deploy/health';
import { httpService } from '../src/main/deploy/test-topology';
import { directDocker, engineFor, removeProject } from '../src/main/deploy/testbed-helpers';
import { LABEL } from '../src/main/deploy/labels';

const LAYERS = [6, 9, 9, 6];
const noSecrets = { valueOf: async () => undefined };

function benchTopology(tb: Testbed, project: string): Topology {
  const services = [];
  const dependencies = [];
  const placements = [];
  let n = 0;
  const layers: string[][] = [];
  for (const [layer, count] of LAYERS.entries()) {
    layers.push([]);
    for (let i = 0; i < count; i++, n++) {
      const id = `s${String(n).padStart(2, '0')}`;
      layers[layer]!.push(id);
      // Generous health timeouts: on a loaded 2-core machine a 5 s wget timeout fails healthy services.
      services.push(
        httpService(id, 8000 + n, tb.image, {
          resources: { cpu: { limit: 0.25 }, memoryMiB: { limit: 32 } },
          healthCheck: { command: ['wget', '-q', '-O', '-', `http://127.0.0.1:${8000 + n}/`], intervalSeconds: 0.3, timeoutSeconds: 30, retries: 10 },
        }),
      );
      placements.push({ service: id, host: tb.hosts[n % 3]!.name });
      if (layer > 0) {
        const previous = layers[layer - 1]!;
        dependencies.push({ from: id, to: previous[i % previous.length]! }, { from: id, to: previous[(i + 1) % previous.length]! });
      }
    }
  }
  return topologySchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    project,
    name: 'bench',
    environments: [{ id: 'bench', name: 'Bench', kind: 'development' }],
    services,
    dependencies: dependencies.filter((d, i, all) => all.findIndex((x) => x.from === d.from && x.to === d.to) === i),
    tiers: [
      {
        id: 'bench',
        name: 'Bench',
        hosts: tb.hosts.map((h) => ({ id: h.name, name: h.name, environment: 'bench', cpu: 2, memoryMiB: 4096, ssh: { address: h.address, port: h.port, user: h.user, identityFile: tb.identityFile }, dockerSocket: h.dockerSocket })),
        placements,
      },
    ],
  });
}

/** SSH connections from this process to each testbed host, as the kernel lists them. */
function sshConnectionsPerHost(tb: Testbed): Record<string, number> {
  const out = execFileSync('ss', ['-tnpH', 'state', 'established', '( dport = :22 )'], { encoding: 'utf8' });
  const mine = out.split('\n').filter((l) => l.includes(`pid=${process.pid},`));
  return Object.fromEntries(tb.hosts.map((h) => [h.name, mine.filter((l) => l.includes(`${h.address}:22`)).length]));
}

async function stackdraft(tb: Testbed) {
  const project = 'sdbench-sd';
  const { engine, pool } = await engineFor(tb);
  const created = new Map<string, number>();
  const healthy = new Map<string, number>();
  const started = Date.now();
  const report = await engine.apply(benchTopology(tb, project), 'bench', {
    onEvent: (e) => {
      if (e.type === 'service' && e.step === 'creating') created.set(e.service, Date.now());
      if (e.type === 'service' && e.step === 'healthy') healthy.set(e.service, Date.now());
    },
  });
  const wall = Date.now() - started;
  const connections = sshConnectionsPerHost(tb);
  if (report.outcome !== 'succeeded') throw new Error(`Stackdraft deploy ${report.outcome}: ${report.error}`);
  const desired = await desiredState(benchTopology(tb, project), 'bench', { secrets: noSecrets });
  const lowerBound = desired.phases.reduce((sum, phase) => sum + Math.max(...phase.map((s) => healthy.get(s)! - created.get(s)!)), 0);
  await pool.closeAll();
  return { wall, lowerBound, connections, opened: pool.opened, phases: desired.phases.length };
}

async function naiveSerial(tb: Testbed) {
  const project = 'sdbench-serial';
  const { pool } = await engineFor(tb);
  const desired = await desiredState(benchTopology(tb, project), 'bench', { secrets: noSecrets });
  const started = Date.now();
  const dockers = new Map<string, Docker>();
  for (const h of desired.hosts) {
    const docker = dockerOverSsh(await pool.get(h.target), h.host.dockerSocket);
    dockers.set(h.host.id, docker);
    for (const net of h.networks) await docker.createNetwork({ Name: net.name, Labels: { [LABEL.project]: project } });
  }
  const all = desired.hosts.flatMap((h) => h.containers).sort((a, b) => a.phase - b.phase);
  for (const c of all) {
    const container = await dockers.get(c.host)!.createContainer(c.createBody as Docker.ContainerCreateOptions);
    await container.start();
    await waitHealthy(container, c.name, { timeoutMs: c.healthTimeoutMs, hasHealthCheck: true, signal: new AbortController().signal });
  }
  const wall = Date.now() - started;
  await pool.closeAll();
  return { wall };
}

async function compose(tb: Testbed) {
  const project = 'sdbench-compose';
  const topology = benchTopology(tb, project);
  const dir = mkdtempSync(join(tmpdir(), 'sdbench-compose-'));
  const placement = new Map(topology.tiers[0]!.placements.map((p) => [p.service, p.host]));
  const files = tb.hosts.map((h) => {
    const services: Record<string, unknown> = {};
    for (const s of topology.services.filter((x) => placement.get(x.id) === h.name)) {
      const sameHostDeps = topology.dependencies.filter((d) => d.from === s.id && placement.get(d.to) === h.name).map((d) => d.to);
      services[s.id] = {
        image: s.image,
        command: s.command,
        init: true,
        cpus: s.resources.cpu?.limit,
        mem_limit: `${s.resources.memoryMiB?.limit}m`,
        restart: 'unless-stopped',
        labels: { [LABEL.project]: project },
        healthcheck: { test: ['CMD', ...s.healthCheck!.command], interval: '300ms', timeout: '30s', retries: 10 },
        ...(sameHostDeps.length ? { depends_on: Object.fromEntries(sameHostDeps.map((d) => [d, { condition: 'service_healthy' }])) } : {}),
      };
    }
    const file = join(dir, `${h.name}.yml`);
    writeFileSync(file, stringify({ version: '2.4', services }));
    return { host: h, file };
  });
  const started = Date.now();
  await Promise.all(
    files.map(({ host, file }) =>
      promisify(execFile)('/usr/bin/docker-compose', ['-p', project, '-f', file, 'up', '-d'], { env: { ...process.env, DOCKER_HOST: `unix://${host.dockerSocket}` } }),
    ),
  );
  // v1 returns once containers are started; the deploy is done when all are healthy.
  for (;;) {
    const states = await Promise.all(tb.hosts.map((_h, i) => directDocker(tb, i).listContainers({ filters: JSON.stringify({ label: [`${LABEL.project}=${project}`] }) })));
    const list = states.flat();
    if (list.length === topology.services.length && list.every((c) => c.Status.includes('(healthy)'))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { wall: Date.now() - started };
}

const tb = await ensureTestbed();
const projects = ['sdbench-sd', 'sdbench-serial', 'sdbench-compose'];
for (const p of projects) await removeProject(tb, p);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
try {
  console.log(`30 services, 3 hosts, ${LAYERS.length} cold-start phases; load average at start ${load()}`);
  const sd = await stackdraft(tb);
  console.log(`Stackdraft ${s(sd.wall)}, critical-path lower bound ${s(sd.lowerBound)} (${(sd.wall / sd.lowerBound).toFixed(2)}×)`);
  console.log(`SSH connections per host during the Stackdraft deploy (ss): ${JSON.stringify(sd.connections)}; opened by the pool: ${sd.opened}`);
  const serial = await naiveSerial(tb).catch((error: Error) => ({ wall: Number.NaN, error: error.message }));
  console.log(`naive serial ${s(serial.wall)}${'error' in serial ? ` FAILED: ${serial.error}` : ''}`);
  const dc = await compose(tb).catch((error: Error) => ({ wall: Number.NaN, error: error.message.split('\n').filter((l) => l.startsWith('ERROR')).join(' ') }));
  console.log(`docker-compose v1 ${s(dc.wall)}${'error' in dc ? ` FAILED: ${dc.error}` : ''}`);
  console.log(`\nload average at end ${load()}`);
  console.log('| contender | wall time | vs lower bound |');
  console.log('| --- | --- | --- |');
  console.log(`| critical-path lower bound | ${s(sd.lowerBound)} | 1.00× |`);
  console.log(`| Stackdraft | ${s(sd.wall)} | ${(sd.wall / sd.lowerBound).toFixed(2)}× |`);
  console.log(`| naive serial | ${s(serial.wall)} | ${(serial.wall / sd.lowerBound).toFixed(2)}× |`);
  console.log(`| docker-compose v1, 3 hosts at once | ${s(dc.wall)} | ${(dc.wall / sd.lowerBound).toFixed(2)}× |`);
} finally {
  for (const p of projects) await removeProject(tb, p);
}
