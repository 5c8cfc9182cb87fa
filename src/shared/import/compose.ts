import { parseDocument } from 'yaml';
import { sensitiveMountReason } from '../model/mounts';
import { CURRENT_SCHEMA_VERSION, DOCKER_NAME_PATTERN, ID_PATTERN, slugify, topologySchema, uniqueId, type ServiceKind, type Topology } from '../model';
import { parseCpus, parseDurationSeconds, parseMemoryMiB, parsePort, splitCommand, unescapeDollar } from './compose-values';
import { LABEL_SERVICE } from '../export/compose';
import type { ImportNote } from './report';

export interface ComposeImportOptions {
  /** Project name for the new topology (default: `imported`). */
  project?: string;
  /** Name of the one host every service is placed on. */
  hostName?: string;
}

export type ComposeImportResult =
  | { ok: true; topology: Topology; notes: ImportNote[] }
  | { ok: false; error: string };

const SERVICE_KEYS_HANDLED = new Set([
  'image', 'command', 'ports', 'expose', 'environment', 'volumes', 'networks', 'depends_on', 'deploy', 'healthcheck', 'restart', 'labels', 'profiles', 'env_file', 'container_name',
]);
const TOP_KEYS_HANDLED = new Set(['services', 'networks', 'volumes', 'version', 'name']);
/** Labels our own export adds; they are the model's identity, not user labels. */
const OWN_LABELS = /^io\.stackdraft\./;

/**
 * A docker-compose file (compose spec; v2 and v3 files too) as a new topology: services,
 * images, commands, ports, environment, volumes, networks as planes, `depends_on` as hard
 * dependencies, `deploy.resources` and replicas, health checks, restart policy and labels,
 * all placed on one host. Everything it cannot represent is listed in `notes` with its
 * path — never dropped silently.
 */
export function fromCompose(text: string, options: ComposeImportOptions = {}): ComposeImportResult {
  // Compose files are YAML 1.1 (restart: no is the boolean false there).
  const doc = parseDocument(text, { version: '1.1', prettyErrors: true });
  if (doc.errors.length > 0) return { ok: false, error: doc.errors[0]!.message };
  const root = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (!isRecord(root) || !isRecord(root.services)) return { ok: false, error: 'not a compose file: it has no "services" map' };

  const notes: ImportNote[] = [];
  const note = (where: string, message: string) => notes.push({ where, message });
  for (const key of Object.keys(root)) {
    if (!TOP_KEYS_HANDLED.has(key)) note(key, `top-level "${key}" is not represented`);
  }

  const topNetworks = isRecord(root.networks) ? root.networks : {};
  const planeIds = new Map<string, string>();
  const planes: Record<string, unknown>[] = [];
  const palette = ['#3b82f6', '#10b981', '#f59e0b', '#8b5cf6', '#ef4444', '#14b8a6', '#64748b'];
  const planeFor = (network: string): string | undefined => {
    if (network === 'default') return undefined;
    const known = planeIds.get(network);
    if (known) return known;
    const id = uniqueId(network, new Set(planeIds.values()));
    planeIds.set(network, id);
    const config = isRecord(topNetworks[network]) ? topNetworks[network] : {};
    planes.push({ id, name: network, color: palette[planes.length % palette.length], internal: config.internal === true });
    for (const key of Object.keys(config)) if (key !== 'internal') note(`networks.${network}.${key}`, 'network option is not represented');
    return id;
  };
  // Declared networks first, so that planes keep the file's order.
  for (const network of Object.keys(topNetworks)) planeFor(network);

  const serviceIds = new Map<string, string>();
  for (const [name, raw] of Object.entries(root.services)) {
    // A file Stackdraft exported carries each service's model id as a label: keep it.
    const ownId = isRecord(raw) && isRecord(raw.labels) ? raw.labels[LABEL_SERVICE] : undefined;
    const taken = new Set(serviceIds.values());
    serviceIds.set(name, typeof ownId === 'string' && ID_PATTERN.test(ownId) && !taken.has(ownId) ? ownId : uniqueId(name, taken));
  }
  const services: Record<string, unknown>[] = [];
  const dependencies: Record<string, unknown>[] = [];

  for (const [name, raw] of Object.entries(root.services)) {
    const at = `services.${name}`;
    if (!isRecord(raw)) {
      note(at, 'is not a map; skipped');
      continue;
    }
    const id = serviceIds.get(name)!;
    const image = typeof raw.image === 'string' ? raw.image : undefined;
    const service: Record<string, unknown> = {
      id,
      name: DOCKER_NAME_PATTERN.test(name) ? name : id,
      kind: guessKind(image),
      image: image ?? (note(`${at}.build`, 'has no image (build-only services need an image to deploy); set one'), `${id}:latest`),
    };
    if (service.kind === 'database') service.stateful = true;
    for (const key of Object.keys(raw)) if (!SERVICE_KEYS_HANDLED.has(key)) note(`${at}.${key}`, `"${key}" is not represented`);

    if (raw.command !== undefined) {
      const command = Array.isArray(raw.command) ? raw.command.map((c) => unescapeDollar(String(c))) : splitCommand(String(raw.command));
      if (command) service.command = command;
      else note(`${at}.command`, 'uses shell syntax; kept as /bin/sh -c');
      if (!command) service.command = ['/bin/sh', '-c', unescapeDollar(String(raw.command))];
    }
    if (raw.container_name !== undefined) {
      if (typeof raw.container_name === 'string' && DOCKER_NAME_PATTERN.test(raw.container_name)) service.name = raw.container_name;
      else note(`${at}.container_name`, 'is not a valid container name');
    }
    if (Array.isArray(raw.ports)) {
      service.ports = raw.ports.flatMap((p, i) => {
        const parsed = parsePort(p);
        if (!parsed) note(`${at}.ports[${i}]`, `"${JSON.stringify(p)}" (port ranges and options) is not represented`);
        return parsed ? [parsed] : [];
      });
    }
    if (Array.isArray(raw.expose)) {
      // Exposed ports stay on the container networks: ports with no host port.
      const exposed = raw.expose.flatMap((p, i) => {
        const parsed = parsePort(typeof p === 'number' ? p : String(p));
        if (!parsed || parsed.published !== undefined) note(`${at}.expose[${i}]`, `"${JSON.stringify(p)}" (port ranges) is not represented`);
        return parsed && parsed.published === undefined ? [parsed] : [];
      });
      service.ports = [...((service.ports as unknown[] | undefined) ?? []), ...exposed];
    }
    const env = entries(raw.environment, `${at}.environment`, note);
    if (env) service.env = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, unescapeDollar(v)]));
    if (raw.env_file !== undefined) note(`${at}.env_file`, 'env files may hold secrets: add each as a secret reference (name only) by hand');
    const labels = entries(raw.labels, `${at}.labels`, note);
    if (labels) {
      const own = Object.fromEntries(Object.entries(labels).filter(([k]) => !OWN_LABELS.test(k)).map(([k, v]) => [k, unescapeDollar(v)]));
      if (Object.keys(own).length > 0) service.labels = own;
    }
    if (typeof raw.restart === 'string' || raw.restart === false) {
      const restart = raw.restart === false ? 'no' : raw.restart;
      if (['always', 'unless-stopped', 'on-failure', 'no'].includes(restart)) service.restart = restart;
      else note(`${at}.restart`, `"${restart}" is not a restart policy Stackdraft knows`);
    }
    if (Array.isArray(raw.volumes)) service.volumes = raw.volumes.flatMap((v, i) => volume(v, `${at}.volumes[${i}]`, note));
    // The compose file already mounts it: keep it, but allowed explicitly and said out loud.
    const mounts = (service.volumes ?? []) as Record<string, unknown>[];
    const sensitive = mounts.filter((v) => v.type === 'bind' && typeof v.source === 'string' && sensitiveMountReason(v.source));
    if (sensitive.length > 0) {
      service.allowSensitiveMounts = true;
      note(`${at}.volumes`, `mounts ${sensitive.map((v) => v.source).join(', ')} from the host; allowSensitiveMounts is set so that it deploys as before — check that it must`);
    }

    const networks = Array.isArray(raw.networks) ? raw.networks.map(String) : isRecord(raw.networks) ? Object.keys(raw.networks) : [];
    const servicePlanes = networks.map(planeFor).filter((p): p is string => p !== undefined);
    if (servicePlanes.length > 0) service.plane = servicePlanes[0];
    if (servicePlanes.length > 1) note(`${at}.networks`, `is on ${servicePlanes.length} networks; its plane is "${servicePlanes[0]}", the others are not represented`);

    const dependsOn = Array.isArray(raw.depends_on) ? raw.depends_on.map(String) : isRecord(raw.depends_on) ? Object.keys(raw.depends_on) : [];
    for (const target of dependsOn) {
      const to = serviceIds.get(target);
      if (to) dependencies.push({ from: id, to, kind: 'hard' });
      else note(`${at}.depends_on`, `"${target}" is not a service in this file`);
    }

    if (isRecord(raw.deploy)) {
      const deploy = raw.deploy;
      for (const key of Object.keys(deploy)) if (key !== 'resources' && key !== 'replicas') note(`${at}.deploy.${key}`, `"deploy.${key}" is not represented`);
      if (typeof deploy.replicas === 'number') service.replicas = deploy.replicas;
      const resources = isRecord(deploy.resources) ? deploy.resources : {};
      const limits = isRecord(resources.limits) ? resources.limits : {};
      const reservations = isRecord(resources.reservations) ? resources.reservations : {};
      const pair = (limit: number | undefined, request: number | undefined) =>
        limit === undefined && request === undefined ? undefined : { ...(request !== undefined ? { request } : {}), ...(limit !== undefined ? { limit } : {}) };
      const cpu = pair(parseCpus(limits.cpus), parseCpus(reservations.cpus));
      const memoryMiB = pair(parseMemoryMiB(limits.memory), parseMemoryMiB(reservations.memory));
      if (cpu || memoryMiB) service.resources = { ...(cpu ? { cpu } : {}), ...(memoryMiB ? { memoryMiB } : {}) };
    }
    const profiles = Array.isArray(raw.profiles) ? raw.profiles.map(String) : [];
    if (profiles.includes('hibernated')) service.replicas = 0;
    if (profiles.includes('jobs')) service.kind = 'job';
    const otherProfiles = profiles.filter((p) => p !== 'hibernated' && p !== 'jobs');
    if (otherProfiles.length > 0) note(`${at}.profiles`, `profiles ${otherProfiles.join(', ')} are not represented`);

    if (isRecord(raw.healthcheck)) {
      const check = healthCheck(raw.healthcheck, `${at}.healthcheck`, note);
      if (check) service.healthCheck = check;
    }
    services.push(service);
  }

  const project = options.project ?? (typeof root.name === 'string' && DOCKER_NAME_PATTERN.test(root.name) ? root.name : 'imported');
  const hostName = options.hostName ?? 'host-1';
  const parsed = topologySchema.safeParse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    project,
    name: project,
    environments: [{ id: 'prod', name: 'Production', kind: 'production' }],
    planes,
    services,
    dependencies,
    tiers: [
      {
        id: 'imported',
        name: 'Imported',
        hosts: [{ id: slugify(hostName), name: hostName, environment: 'prod', cpu: 2, memoryMiB: 4096 }],
        placements: services.map((s) => ({ service: s.id, host: slugify(hostName) })),
      },
    ],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `cannot represent ${issue.path.join('.')}: ${issue.message}` };
  }
  note(`tiers.imported.hosts.${slugify(hostName)}`, 'the host size (2 vCPU, 4 GiB) is a placeholder: set the real one');
  return { ok: true, topology: parsed.data, notes };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `KEY: value` maps and `KEY=value` lists; a key without value is noted (it comes from the shell). */
function entries(value: unknown, at: string, note: (where: string, message: string) => void): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const out: Record<string, string> = {};
  const add = (key: string, v: unknown) => {
    if (v === null || v === undefined) note(`${at}.${key}`, 'has no value (taken from the shell at run time); not represented');
    else out[key] = String(v);
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = String(item);
      const eq = text.indexOf('=');
      if (eq < 0) add(text, undefined);
      else add(text.slice(0, eq), text.slice(eq + 1));
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) add(k, v);
  }
  return out;
}

function volume(value: unknown, at: string, note: (where: string, message: string) => void): Record<string, unknown>[] {
  if (typeof value === 'string') {
    const [source, target, mode] = value.split(':');
    if (target === undefined) return [{ type: 'volume', source: `anon-${slugify(source!)}`, target: source }];
    const bind = source!.startsWith('/') || source!.startsWith('.') || source!.startsWith('~');
    if (bind && !source!.startsWith('/')) {
      note(at, `relative bind mount "${source}" is not represented: use an absolute host path`);
      return [];
    }
    return [{ type: bind ? 'bind' : 'volume', source, target, ...(mode?.split(',').includes('ro') ? { readOnly: true } : {}) }];
  }
  if (isRecord(value)) {
    const type = value.type === 'bind' || value.type === 'tmpfs' ? value.type : 'volume';
    for (const key of Object.keys(value)) if (!['type', 'source', 'target', 'read_only'].includes(key)) note(`${at}.${key}`, 'volume option is not represented');
    return [{ type, ...(value.source !== undefined ? { source: String(value.source) } : {}), target: String(value.target), ...(value.read_only === true ? { readOnly: true } : {}) }];
  }
  note(at, 'is not a volume');
  return [];
}

function healthCheck(raw: Record<string, unknown>, at: string, note: (where: string, message: string) => void): Record<string, unknown> | undefined {
  if (raw.disable === true) return undefined;
  let command: string[] | undefined;
  const test = raw.test;
  if (Array.isArray(test) && test[0] === 'CMD') command = test.slice(1).map((t) => unescapeDollar(String(t)));
  else if (Array.isArray(test) && test[0] === 'CMD-SHELL') command = ['/bin/sh', '-c', unescapeDollar(String(test[1]))];
  else if (typeof test === 'string') command = ['/bin/sh', '-c', unescapeDollar(test)];
  if (!command || command.length === 0) {
    note(`${at}.test`, 'is not a health check command Stackdraft can run');
    return undefined;
  }
  const check: Record<string, unknown> = { command };
  const seconds = (key: string, field: string) => {
    if (raw[key] === undefined) return;
    const value = parseDurationSeconds(raw[key]);
    if (value === undefined) note(`${at}.${key}`, `"${String(raw[key])}" is not a duration`);
    else check[field] = value;
  };
  seconds('interval', 'intervalSeconds');
  seconds('timeout', 'timeoutSeconds');
  seconds('start_period', 'startPeriodSeconds');
  if (typeof raw.retries === 'number') check.retries = raw.retries;
  for (const key of Object.keys(raw)) if (!['test', 'interval', 'timeout', 'start_period', 'retries', 'disable'].includes(key)) note(`${at}.${key}`, 'health check option is not represented');
  return check;
}

function guessKind(image: string | undefined): ServiceKind {
  const name = (image ?? '').split('/').pop()!.split(':')[0]!;
  if (/postgres|mysql|mariadb|mongo|clickhouse|cockroach|timescale/.test(name)) return 'database';
  if (/redis|valkey|memcached|keydb|dragonfly/.test(name)) return 'cache';
  if (/rabbitmq|nats|kafka|redpanda/.test(name)) return 'queue';
  if (/nginx|traefik|caddy|haproxy|envoy/.test(name)) return 'proxy';
  return 'app';
}
