import { createHash } from 'node:crypto';
import { coldStartPhases } from '../../shared/analysis/cold-start';
import { indexTopology, type Host, type Service, type Topology } from '../../shared/model';
import type { SshTarget } from '../ssh/connection';
import { containerName, LABEL, networkName, volumeName } from './labels';
import type { SecretSource } from './secrets';

/** What a container should look like, field by field, secrets as hashes: diffable and safe to store in a label. */
export type ContainerSummary = Record<string, string>;

export interface DesiredContainer {
  readonly host: string;
  readonly service: string;
  readonly replica: number;
  readonly name: string;
  /** DNS name on every network it joins: the service's own name. */
  readonly alias: string;
  readonly image: string;
  readonly phase: number;
  readonly summary: ContainerSummary;
  readonly hash: string;
  /** The Docker Engine API create body (holds secret values: never log or send it). */
  readonly createBody: Record<string, unknown>;
  /** Networks beyond the first, connected before start (API 1.41 takes one at create). */
  readonly extraNetworks: readonly string[];
  readonly healthTimeoutMs: number;
  readonly hasHealthCheck: boolean;
}

export interface DesiredHost {
  readonly host: Host;
  readonly target: SshTarget;
  readonly networks: readonly { name: string; internal: boolean }[];
  readonly volumes: readonly string[];
  readonly containers: readonly DesiredContainer[];
}

export interface DesiredState {
  readonly project: string;
  readonly tier: string;
  readonly hosts: readonly DesiredHost[];
  /** Service ids per cold-start phase. */
  readonly phases: readonly (readonly string[])[];
  /** Anything that makes the tier undeployable, each naming the service or host. */
  readonly problems: readonly string[];
}

export interface DesiredOptions {
  secrets: SecretSource;
  /** Overrides the computed health wait for every service (seconds). */
  healthTimeoutSeconds?: number;
  /** The least any service is waited on (the app's setting); longer when its own health check needs more. Default 30. */
  defaultHealthTimeoutSeconds?: number;
}

const SENSITIVE_PATHS = ['/', '/etc', '/proc', '/sys', '/dev', '/root', '/boot', '/var/run/docker.sock', '/run/docker.sock', '/var/lib/docker'];

/** The containers, networks and volumes a tier needs on each of its hosts. */
export async function desiredState(topology: Topology, tierId: string, options: DesiredOptions): Promise<DesiredState> {
  const index = indexTopology(topology);
  const tierIndex = index.tier(tierId);
  if (!tierIndex) throw new Error(`there is no tier "${tierId}" (tiers: ${topology.tiers.map((t) => t.id).join(', ') || 'none'})`);
  const problems: string[] = [];
  const cold = coldStartPhases(topology, tierId);
  for (const cycle of cold.cycles) problems.push(`hard dependencies form a cycle (${[...cycle, cycle[0]].join(' → ')}): none of them can start first`);
  for (const b of cold.blocked) if (!cold.cycles.some((c) => c.includes(b.service))) problems.push(`service "${b.service}" waits on a dependency cycle and can never start`);
  const phaseOf = new Map<string, number>();
  cold.phases.forEach((phase, n) => phase.forEach((p) => phaseOf.set(p.service, n)));

  const hosts: DesiredHost[] = [];
  for (const host of tierIndex.tier.hosts) {
    if (host.role === 'standby') continue;
    const services = (tierIndex.servicesByHost.get(host.id) ?? []).filter((s) => phaseOf.has(s.id));
    if (!host.ssh) {
      if (services.length === 0) continue;
      problems.push(`host "${host.id}" has no SSH address: set tiers[${tierId}].hosts[${host.id}].ssh to deploy its ${services.length} service(s)`);
      continue;
    }
    const containers: DesiredContainer[] = [];
    const networks = new Map<string, boolean>();
    const volumes = new Set<string>();
    for (const service of services) {
      const placement = tierIndex.placementByService.get(service.id);
      const replicas = placement?.replicas ?? service.replicas;
      const resources = placement?.resources ?? service.resources;
      const nets = networksFor(topology, service, tierIndex.placementByService, host.id);
      for (const n of nets) networks.set(n, topology.planes.find((p) => networkName(topology.project, p.id) === n)?.internal ?? false);
      for (const v of service.volumes) if (v.type === 'volume') volumes.add(volumeName(topology.project, v.source!));
      problems.push(...mountProblems(service));
      if (replicas > 1 && service.ports.some((p) => p.published !== undefined)) {
        problems.push(`service "${service.id}" has ${replicas} replicas on host "${host.id}" but publishes a host port: only one container can bind it`);
      }
      const secretEnv: string[] = [];
      const secretHashes: string[] = [];
      for (const ref of service.secrets) {
        const value = await options.secrets.valueOf(ref.name);
        if (value === undefined) {
          problems.push(`service "${service.id}" needs secret "${ref.name}" (as ${ref.env}), but no value is stored for it`);
          continue;
        }
        secretEnv.push(`${ref.env}=${value}`);
        secretHashes.push(`${ref.env}=${ref.name}#${sha256(`${ref.name}\0${value}`).slice(0, 12)}`);
      }
      for (let replica = 1; replica <= replicas; replica++) {
        containers.push(
          buildContainer({ project: topology.project, tier: tierId, host: host.id, service, replica, resources, nets, secretEnv, secretHashes, phase: phaseOf.get(service.id)!, healthTimeoutSeconds: options.healthTimeoutSeconds, defaultHealthTimeoutSeconds: options.defaultHealthTimeoutSeconds }),
        );
      }
    }
    hosts.push({
      host,
      target: { address: host.ssh.address, port: host.ssh.port, user: host.ssh.user, identityFile: host.ssh.identityFile },
      networks: [...networks].map(([name, internal]) => ({ name, internal })),
      volumes: [...volumes],
      containers,
    });
  }
  return { project: topology.project, tier: tierId, hosts, phases: cold.phases.map((p) => p.map((s) => s.service)), problems };
}

/** Its own plane's network, plus those of the planes it calls on the same host. */
function networksFor(topology: Topology, service: Service, placements: ReadonlyMap<string, { host: string }>, hostId: string): string[] {
  const planeOf = (id: string) => topology.services.find((s) => s.id === id)?.plane;
  const nets = [networkName(topology.project, service.plane)];
  for (const d of topology.dependencies) {
    if (d.from !== service.id || placements.get(d.to)?.host !== hostId) continue;
    const n = networkName(topology.project, planeOf(d.to));
    if (!nets.includes(n)) nets.push(n);
  }
  return nets;
}

function mountProblems(service: Service): string[] {
  if (service.allowSensitiveMounts) return [];
  return service.volumes
    .filter((v) => v.type === 'bind' && SENSITIVE_PATHS.some((p) => v.source === p || (p !== '/' && v.source!.startsWith(`${p}/`))))
    .map((v) => `service "${service.id}" mounts ${v.source}, which gives it control of the host; set allowSensitiveMounts if that is intended`);
}

interface BuildInput {
  project: string;
  tier: string;
  host: string;
  service: Service;
  replica: number;
  resources: Service['resources'];
  nets: string[];
  secretEnv: string[];
  secretHashes: string[];
  phase: number;
  healthTimeoutSeconds?: number;
  defaultHealthTimeoutSeconds?: number;
}

function buildContainer(input: BuildInput): DesiredContainer {
  const { project, service, resources, nets } = input;
  const name = containerName(project, service.name, input.replica);
  const health = service.healthCheck;
  const plainEnv = Object.entries(service.env).map(([k, v]) => `${k}=${v}`);
  const summary: ContainerSummary = {
    image: service.image!,
    command: JSON.stringify(service.command ?? null),
    env: plainEnv.join('\n'),
    secrets: input.secretHashes.join('\n'),
    ports: service.ports.map((p) => `${p.bind ? `${p.bind}:` : ''}${p.published ?? '-'}→${p.container}/${p.protocol}`).join(', '),
    volumes: service.volumes.map((v) => `${v.type}:${v.type === 'volume' ? volumeName(project, v.source!) : (v.source ?? '')}→${v.target}${v.readOnly ? ':ro' : ''}`).join(', '),
    cpu: `request ${resources.cpu?.request ?? '-'} / limit ${resources.cpu?.limit ?? '-'}`,
    memory: `request ${resources.memoryMiB?.request ?? '-'} / limit ${resources.memoryMiB?.limit ?? '-'} MiB`,
    restart: service.restart,
    health: health ? `${health.command.join(' ')} every ${health.intervalSeconds}s, timeout ${health.timeoutSeconds}s, ${health.retries} retries, start ${health.startPeriodSeconds}s` : 'none',
    networks: nets.join(', '),
    labels: JSON.stringify(service.labels),
    tier: input.tier,
  };
  const hash = sha256(JSON.stringify(Object.entries(summary).sort())).slice(0, 16);
  const seconds = (s: number) => Math.round(s * 1e9);
  const portKey = (p: Service['ports'][number]) => `${p.container}/${p.protocol}`;
  const createBody: Record<string, unknown> = {
    name,
    Image: service.image,
    ...(service.command ? { Cmd: service.command } : {}),
    Env: [...plainEnv, ...input.secretEnv],
    Labels: {
      ...service.labels,
      [LABEL.project]: project,
      [LABEL.tier]: input.tier,
      [LABEL.service]: service.id,
      [LABEL.replica]: String(input.replica),
      [LABEL.configHash]: hash,
      [LABEL.spec]: JSON.stringify(summary),
    },
    ExposedPorts: Object.fromEntries(service.ports.map((p) => [portKey(p), {}])),
    ...(health
      ? {
          Healthcheck: {
            Test: ['CMD', ...health.command],
            Interval: seconds(health.intervalSeconds),
            Timeout: seconds(health.timeoutSeconds),
            Retries: health.retries,
            StartPeriod: seconds(health.startPeriodSeconds),
          },
        }
      : {}),
    HostConfig: {
      // An init as PID 1 forwards SIGTERM, so stops and rollbacks take milliseconds, not the stop timeout.
      Init: true,
      RestartPolicy: { Name: service.restart, MaximumRetryCount: service.restart === 'on-failure' ? 3 : 0 },
      ...(resources.cpu?.limit ? { NanoCpus: Math.round(resources.cpu.limit * 1e9) } : {}),
      ...(resources.memoryMiB?.limit ? { Memory: resources.memoryMiB.limit * 1024 * 1024 } : {}),
      ...(resources.memoryMiB?.request ? { MemoryReservation: resources.memoryMiB.request * 1024 * 1024 } : {}),
      PortBindings: Object.fromEntries(
        service.ports.filter((p) => p.published !== undefined).map((p) => [portKey(p), [{ HostIp: p.bind ?? '', HostPort: String(p.published) }]]),
      ),
      Mounts: service.volumes.map((v) =>
        v.type === 'tmpfs'
          ? { Type: 'tmpfs', Target: v.target }
          : { Type: v.type, Source: v.type === 'volume' ? volumeName(project, v.source!) : v.source, Target: v.target, ReadOnly: v.readOnly },
      ),
      NetworkMode: nets[0],
    },
    NetworkingConfig: { EndpointsConfig: { [nets[0]!]: { Aliases: [service.name] } } },
  };
  const computed = health ? health.startPeriodSeconds + (health.intervalSeconds + health.timeoutSeconds) * (health.retries + 1) + 10 : 15;
  return {
    host: input.host,
    service: service.id,
    replica: input.replica,
    name,
    alias: service.name,
    image: service.image!,
    phase: input.phase,
    summary,
    hash,
    createBody,
    extraNetworks: nets.slice(1),
    healthTimeoutMs: (input.healthTimeoutSeconds ?? Math.max(input.defaultHealthTimeoutSeconds ?? 30, computed)) * 1000,
    hasHealthCheck: health !== undefined,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
