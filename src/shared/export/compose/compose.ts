import { Document, isMap, type Pair, type Scalar } from 'yaml';
import { indexTopology, type HealthCheck, type Host, type Service, type Topology } from '../../model';
import { effectiveReplicas, effectiveResources } from '../../view/capacity';
import { UnknownTierError } from '../mermaid/flowchart';

/** One docker-compose file: the services a tier places on one host. */
export interface ComposeFile {
  host: Host;
  /** e.g. `docker-compose.vm-edge.yml`. */
  fileName: string;
  text: string;
  /** Env files the services read their secrets from (relative to the compose file), with the variables each must define. */
  secretEnvFiles: { path: string; variables: { env: string; secret: string }[] }[];
}

/** Replaces what every service runs, e.g. with a test image; undefined fields keep the model's. */
export interface ComposeStandIn {
  image?: string;
  command?: string[];
  healthCheck?: HealthCheck;
  /** false = publish no host ports (a shared test host may already use them). */
  publishPorts?: boolean;
  /** Bind sources moved under this directory (a shared test host must not mount its own `/` or docker.sock). */
  bindSourceRoot?: string;
}

export interface ComposeOptions {
  standIn?: ComposeStandIn;
  /** Run an init process as PID 1 so that stop signals reach the service (`init: true`). */
  init?: boolean;
}

/** Compose interpolates `$VAR` in every string; a literal `$` is written `$$`. */
export function composeEscape(value: string): string {
  return value.replace(/\$/g, '$$$$');
}

export const SECRETS_DIR = 'secrets';
/** Labels Stackdraft puts on what it creates, as the deploy engine finds containers. */
export const LABEL_PROJECT = 'io.stackdraft.project';
export const LABEL_SERVICE = 'io.stackdraft.service';

/**
 * docker-compose files for a tier, one per host that runs something: images, commands,
 * ports, environment, secret references as env files (names only, never values), volumes,
 * one network per plane, `deploy.resources` limits and reservations, health checks,
 * `depends_on` (`service_healthy` for a hard dependency on the same host with a health
 * check). Hibernated services (0 replicas) get the `hibernated` profile and jobs the `jobs`
 * profile, so `up` leaves them alone. Dependencies on other hosts are noted as comments.
 */
export function toComposeFiles(topology: Topology, tierId: string, options: ComposeOptions = {}): ComposeFile[] {
  const tierIndex = indexTopology(topology).tier(tierId);
  if (!tierIndex) throw new UnknownTierError(tierId, topology.tiers.map((t) => t.id));
  const files: ComposeFile[] = [];
  for (const host of tierIndex.tier.hosts) {
    const services = tierIndex.servicesByHost.get(host.id) ?? [];
    if (services.length === 0) continue;
    files.push(composeForHost(topology, tierIndex.tier.name, host, services, (id) => tierIndex.placementByService.get(id), options));
  }
  return files;
}

function composeForHost(
  topology: Topology,
  tierName: string,
  host: Host,
  services: readonly Service[],
  placementOf: (serviceId: string) => { host: string; replicas?: number; resources?: Service['resources'] } | undefined,
  options: ComposeOptions,
): ComposeFile {
  const here = new Map(services.map((s) => [s.id, s]));
  const byId = new Map(topology.services.map((s) => [s.id, s]));
  const planes = new Map(topology.planes.map((p) => [p.id, p]));
  const usedPlanes = new Set<string>();
  const volumes = new Set<string>();
  const comments = new Map<string, string[]>();
  const secretEnvFiles: ComposeFile['secretEnvFiles'] = [];
  const out: Record<string, unknown> = {};

  for (const service of services) {
    const placement = placementOf(service.id);
    const notes: string[] = [];
    const entry: Record<string, unknown> = {};
    const healthCheck = options.standIn?.healthCheck ?? service.healthCheck;
    entry.image = options.standIn?.image ?? service.image;
    const command = options.standIn?.command ?? service.command;
    if (command) entry.command = command.map(composeEscape);
    if (options.init) entry.init = true;
    entry.restart = service.restart;
    // A port with no host port stays on the container networks: `expose`, since compose
    // would publish a `ports` entry without `published` on a random host port.
    const publish = (p: Service['ports'][number]) => p.published !== undefined && options.standIn?.publishPorts !== false;
    const published = service.ports.filter(publish);
    const internal = service.ports.filter((p) => !publish(p));
    if (published.length > 0) {
      entry.ports = published.map((p) => ({ target: p.container, published: p.published, protocol: p.protocol, ...(p.bind !== undefined ? { host_ip: p.bind } : {}) }));
    }
    if (internal.length > 0) entry.expose = internal.map((p) => (p.protocol === 'tcp' ? String(p.container) : `${p.container}/${p.protocol}`));
    if (Object.keys(service.env).length > 0) entry.environment = Object.fromEntries(Object.entries(service.env).map(([k, v]) => [k, composeEscape(v)]));
    if (service.secrets.length > 0) {
      const path = `${SECRETS_DIR}/${service.name}.env`;
      entry.env_file = [path];
      const variables = service.secrets.map((s) => ({ env: s.env, secret: s.name }));
      secretEnvFiles.push({ path, variables });
      notes.push(`secrets, never stored here: ${path} must define ${variables.map((v) => `${v.env} (from "${v.secret}")`).join(', ')}`);
    }
    if (service.volumes.length > 0) {
      entry.volumes = service.volumes.map((v) => {
        if (v.type === 'volume' && v.source) volumes.add(v.source);
        const source = v.type === 'bind' && v.source ? standInBindSource(v.source, options.standIn?.bindSourceRoot) : v.source;
        return {
          type: v.type,
          ...(v.type !== 'tmpfs' && source ? { source } : {}),
          target: v.target,
          ...(v.readOnly ? { read_only: true } : {}),
        };
      });
    }
    const plane = service.plane && planes.has(service.plane) ? service.plane : undefined;
    if (plane) usedPlanes.add(plane);
    entry.networks = [plane ?? 'default'];

    const replicas = effectiveReplicas(service, placement);
    const resources = effectiveResources(service, placement);
    const limits = { ...(resources.cpu?.limit !== undefined ? { cpus: cpus(resources.cpu.limit) } : {}), ...(resources.memoryMiB?.limit !== undefined ? { memory: `${resources.memoryMiB.limit}M` } : {}) };
    const reservations = { ...(resources.cpu?.request !== undefined ? { cpus: cpus(resources.cpu.request) } : {}), ...(resources.memoryMiB?.request !== undefined ? { memory: `${resources.memoryMiB.request}M` } : {}) };
    const deploy: Record<string, unknown> = {};
    if (replicas > 1) deploy.replicas = replicas;
    if (Object.keys(limits).length + Object.keys(reservations).length > 0) {
      deploy.resources = { ...(Object.keys(limits).length ? { limits } : {}), ...(Object.keys(reservations).length ? { reservations } : {}) };
    }
    if (Object.keys(deploy).length > 0) entry.deploy = deploy;

    if (healthCheck) {
      entry.healthcheck = {
        test: ['CMD', ...healthCheck.command.map(composeEscape)],
        interval: `${healthCheck.intervalSeconds}s`,
        timeout: `${healthCheck.timeoutSeconds}s`,
        retries: healthCheck.retries,
        ...(healthCheck.startPeriodSeconds > 0 ? { start_period: `${healthCheck.startPeriodSeconds}s` } : {}),
      };
    }

    const dependsOn: Record<string, { condition: string }> = {};
    for (const d of topology.dependencies) {
      if (d.from !== service.id || d.kind !== 'hard') continue;
      const target = here.get(d.to);
      if (target) {
        const targetHealthy = (options.standIn?.healthCheck ?? target.healthCheck) !== undefined;
        dependsOn[target.name] = { condition: targetHealthy ? 'service_healthy' : 'service_started' };
      } else {
        const other = byId.get(d.to);
        const where = placementOf(d.to)?.host;
        if (other) notes.push(`needs ${other.name}${other.kind === 'external' ? ' (external)' : where ? ` on host ${where}` : ' (not placed in this tier)'}, not in this file`);
      }
    }
    if (Object.keys(dependsOn).length > 0) entry.depends_on = dependsOn;

    const profiles = [...(replicas === 0 ? ['hibernated'] : []), ...(service.kind === 'job' ? ['jobs'] : [])];
    if (profiles.length > 0) entry.profiles = profiles;
    if (replicas === 0) notes.push('hibernated (0 replicas): starts only with --profile hibernated');
    if (service.schedule) notes.push(`job on schedule "${service.schedule}": run it from cron with \`docker-compose run --rm ${service.name}\``);

    entry.labels = {
      ...Object.fromEntries(Object.entries(service.labels).map(([k, v]) => [k, composeEscape(v)])),
      [LABEL_PROJECT]: topology.project,
      [LABEL_SERVICE]: service.id,
    };
    out[service.name] = entry;
    if (notes.length > 0) comments.set(service.name, notes);
  }

  const networks: Record<string, unknown> = {};
  const needsDefault = Object.values(out).some((e) => (e as { networks: string[] }).networks.includes('default'));
  if (needsDefault) networks.default = {};
  for (const id of usedPlanes) networks[id] = planes.get(id)!.internal ? { internal: true } : {};

  const compose: Record<string, unknown> = { services: out };
  if (volumes.size > 0) compose.volumes = Object.fromEntries([...volumes].map((v) => [v, {}]));
  compose.networks = networks;

  // docker-compose reads YAML 1.1, where no, on, y and 1:20 are not strings: quote them.
  const doc = new Document(compose, { version: '1.1' });
  doc.commentBefore = ` ${oneLine(topology.name)} — tier ${oneLine(tierName)} — host ${oneLine(host.name)}\n Generated by Stackdraft from ${topology.project}.stackdraft.yaml; edit the model, not this file.`;
  const servicesNode = doc.get('services', true);
  if (isMap(servicesNode)) {
    for (const pair of servicesNode.items as Pair<Scalar, unknown>[]) {
      const notes = comments.get(String(pair.key.value));
      if (notes) pair.key.commentBefore = notes.map((n) => ` ${oneLine(n)}`).join('\n');
    }
  }
  return { host, fileName: `docker-compose.${host.id}.yml`, text: doc.toString({ lineWidth: 0, indent: 2 }), secretEnvFiles };
}

function standInBindSource(source: string, root: string | undefined): string {
  if (root === undefined) return source;
  const inside = source.split('/').filter((part) => part !== '' && part !== '.' && part !== '..');
  return [root.replace(/\/+$/, ''), ...(inside.length > 0 ? inside : ['root'])].join('/');
}

/** Compose wants CPUs as a string like "0.5". */
function cpus(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
