// The example topologies in resources/examples, one per seed system: each must open,
// round-trip byte for byte, be fully placed, point SSH only at harmless addresses, and keep
// the facts of its seed document that capacity and cold-start analysis depend on.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexTopology, type Service, type Tier, type Topology } from '../model';
import { formatProblem, loadTopology, serializeTopology } from './index';

interface CatalogEntry {
  id: string;
  name: string;
  description: string;
  file: string;
  seed: string;
}

const EXAMPLES_DIR = fileURLToPath(new URL('../../../resources/examples/', import.meta.url));
const catalog = JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')) as CatalogEntry[];

const texts = new Map(catalog.map((entry) => [entry.id, readFileSync(`${EXAMPLES_DIR}${entry.file}`, 'utf8')]));

function load(id: string): Topology {
  const result = loadTopology(texts.get(id)!);
  if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p, id)).join('\n'));
  return result.topology;
}

function tier(topology: Topology, tierId: string): Tier {
  const found = topology.tiers.find((t) => t.id === tierId);
  if (!found) throw new Error(`no tier ${tierId}`);
  return found;
}

function service(topology: Topology, id: string): Service {
  const found = topology.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

/** Σ requests × replicas on one host, with per-tier overrides applied. */
function requests(topology: Topology, tierId: string, hostId: string): { cpu: number; memoryMiB: number } {
  const t = tier(topology, tierId);
  let cpu = 0;
  let memoryMiB = 0;
  for (const p of t.placements.filter((x) => x.host === hostId)) {
    const s = service(topology, p.service);
    const replicas = p.replicas ?? s.replicas;
    cpu += (p.resources?.cpu?.request ?? s.resources.cpu?.request ?? 0) * replicas;
    memoryMiB += (p.resources?.memoryMiB?.request ?? s.resources.memoryMiB?.request ?? 0) * replicas;
  }
  return { cpu, memoryMiB };
}

function host(topology: Topology, tierId: string, hostId: string) {
  const found = tier(topology, tierId).hosts.find((h) => h.id === hostId);
  if (!found) throw new Error(`no host ${hostId} in ${tierId}`);
  return found;
}

function hostOf(topology: Topology, tierId: string, serviceId: string): string | undefined {
  return tier(topology, tierId).placements.find((p) => p.service === serviceId)?.host;
}

/** Cold-start phase: 0 without hard dependencies, else one after the latest hard dependency. */
function phases(topology: Topology): Map<string, number> {
  const external = new Set(topology.services.filter((s) => s.kind === 'external').map((s) => s.id));
  const hard = new Map<string, string[]>();
  for (const d of topology.dependencies) {
    if (d.kind !== 'hard' || external.has(d.to)) continue;
    hard.set(d.from, [...(hard.get(d.from) ?? []), d.to]);
  }
  const memo = new Map<string, number>();
  const visit = (id: string, path: Set<string>): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) throw new Error(`hard-dependency cycle through ${id}`);
    path.add(id);
    const phase = Math.max(-1, ...(hard.get(id) ?? []).map((to) => visit(to, path))) + 1;
    path.delete(id);
    memo.set(id, phase);
    return phase;
  };
  for (const s of topology.services) visit(s.id, new Set());
  return memo;
}

const DOCUMENTATION_NETS = ['192.0.2.', '198.51.100.', '203.0.113.'];
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** SSH may reach only `.example` names (RFC 2606) or documentation address ranges (RFC 5737). */
function isHarmlessAddress(address: string): boolean {
  if (IPV4.test(address)) return DOCUMENTATION_NETS.some((net) => address.startsWith(net));
  if (address.includes(':')) return false; // no IPv6 literals: there is no documentation range we accept here
  const name = address.toLowerCase().replace(/\.$/, '');
  return /(^|\.)example$/.test(name) || /(^|\.)example\.(com|net|org)$/.test(name);
}

/** Real addresses and domains printed in the seed documents: none may appear anywhere in a file. */
const REAL_NAMES = [
  '91.98.137.217',
  '2a01:4f8:1c1a:7d21',
  'dloizides.com',
  'breakpilot.com',
  'yourplatform.com',
  'manacore.app',
  'mambo-cloud.com',
  'codespartan.es',
];
/** Private, loopback, bridge and documentation ranges; any other dotted quad in a file is suspect. */
const ALLOWED_IPV4_PREFIXES = ['10.', '127.', '172.16.', '172.17.', '172.18.', '172.19.', '192.168.', '0.0.0.0', ...DOCUMENTATION_NETS];

describe('example catalog', () => {
  it('lists one example per seed document, in seed order, with unique ids and files', () => {
    expect(catalog.map((e) => e.seed)).toEqual([
      '000-platform-deployment-map.txt',
      '001-manacore-deployment-diagrams.txt',
      '002-breakpilot-infrastructure-spec.txt',
      '003-rejourney-k3s.txt',
      '004-codespartan-platform-overview.txt',
    ]);
    expect(catalog.map((e) => e.id)).toEqual(['platform-deployment-map', 'manacore', 'breakpilot', 'rejourney', 'codespartan']);
    for (const entry of catalog) {
      expect(entry.file).toBe(`${entry.id}.stackdraft.yaml`);
      expect(entry.id).toMatch(/^[a-z0-9-]{1,64}$/); // the example.open channel's id rule
      expect(entry.name.length).toBeGreaterThan(0);
      expect(entry.description.length).toBeGreaterThan(0);
    }
  });
});

describe.each(catalog)('example $id', ({ id }) => {
  const text = texts.get(id)!;

  it('loads without problems, writable, at the current schema version', () => {
    const result = loadTopology(text);
    if (!result.ok) expect.fail(result.problems.map((p) => formatProblem(p, id)).join('\n'));
    expect(result.readOnly).toBe(false);
    expect(result.notice).toBeUndefined();
  });

  it('is byte-identical after load → save', () => {
    expect(serializeTopology(load(id))).toBe(text);
  });

  it('has a description, at least one tier and no layout (the canvas lays it out)', () => {
    const t = load(id);
    expect(t.description?.length ?? 0).toBeGreaterThan(200);
    expect(t.tiers.length).toBeGreaterThan(0);
    expect(t.layout).toEqual({});
  });

  it('places every non-external service in every tier, on an active host, and externals nowhere', () => {
    const t = load(id);
    const index = indexTopology(t);
    const externals = new Set(t.services.filter((s) => s.kind === 'external').map((s) => s.id));
    for (const { id: tierId, hosts, placements } of t.tiers) {
      expect(index.tier(tierId)!.unplaced.map((s) => s.id), `unplaced in ${tierId}`).toEqual([]);
      const hostIds = new Map(hosts.map((h) => [h.id, h]));
      for (const p of placements) {
        expect(index.servicesById.has(p.service), `${tierId}: placement of unknown ${p.service}`).toBe(true);
        expect(externals.has(p.service), `${tierId}: external ${p.service} placed`).toBe(false);
        expect(hostIds.get(p.host)?.role, `${tierId}: ${p.service} on ${p.host}`).toBe('active');
      }
      for (const h of hosts) expect(t.environments.map((e) => e.id)).toContain(h.environment);
    }
  });

  it('points SSH only at .example names or documentation addresses', () => {
    for (const t of load(id).tiers) {
      for (const h of t.hosts) {
        expect(h.ssh, `${t.id}/${h.id} has an SSH target`).toBeDefined();
        expect(isHarmlessAddress(h.ssh!.address), `${t.id}/${h.id}: ${h.ssh!.address}`).toBe(true);
      }
    }
  });

  it('contains none of the real addresses or domains printed in the seeds', () => {
    const lower = text.toLowerCase();
    for (const name of REAL_NAMES) expect(lower.includes(name), name).toBe(false);
    for (const match of text.matchAll(/(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])/g)) {
      expect(ALLOWED_IPV4_PREFIXES.some((prefix) => match[0].startsWith(prefix)), match[0]).toBe(true);
    }
  });

  it('has dependencies, planes and environments that all resolve', () => {
    const t = load(id);
    const serviceIds = new Set(t.services.map((s) => s.id));
    const planeIds = new Set(t.planes.map((p) => p.id));
    const environmentIds = new Set(t.environments.map((e) => e.id));
    for (const d of t.dependencies) {
      expect(serviceIds.has(d.from), `from ${d.from}`).toBe(true);
      expect(serviceIds.has(d.to), `to ${d.to}`).toBe(true);
    }
    for (const s of t.services) {
      if (s.plane !== undefined) expect(planeIds.has(s.plane), `${s.id}.plane`).toBe(true);
      if (s.environment !== undefined) expect(environmentIds.has(s.environment), `${s.id}.environment`).toBe(true);
    }
    for (const p of t.planes) for (const to of p.mayCall ?? []) expect(planeIds.has(to), `${p.id}.mayCall`).toBe(true);
    for (const e of t.environments) for (const to of e.mayCall) expect(environmentIds.has(to), `${e.id}.mayCall`).toBe(true);
  });

  it('gives every running service caps and every hard-depended-on service a health check', () => {
    const t = load(id);
    const hardTargets = new Set(t.dependencies.filter((d) => d.kind === 'hard').map((d) => d.to));
    for (const s of t.services.filter((x) => x.kind !== 'external')) {
      expect(s.resources.cpu?.request, `${s.id} cpu request`).toBeDefined();
      expect(s.resources.memoryMiB?.limit, `${s.id} memory limit`).toBeDefined();
      if (hardTargets.has(s.id)) expect(s.healthCheck, `${s.id} health check`).toBeDefined();
    }
    expect(() => phases(t)).not.toThrow(); // no hard-dependency cycle
  });
});

describe('seed 000: platform deployment map', () => {
  const t = load('platform-deployment-map');
  const AML = ['aml-screening', 'aml-postgres', 'aml-identity', 'identity-postgres', 'aml-ner'];

  it('has prod and staging environments and boxes of 4 vCPU / 8 GB and 8 vCPU / 16 GB', () => {
    expect(t.environments.map((e) => e.id)).toEqual(['prod', 'staging']);
    expect(t.tiers.map((x) => x.id)).toEqual(['current', 'before-aml-migration']);
    for (const { id: tierId } of t.tiers) {
      expect(host(t, tierId, 'prod')).toMatchObject({ cpu: 4, memoryMiB: 8192, publicIp: true });
      expect(host(t, tierId, 'staging')).toMatchObject({ cpu: 8, memoryMiB: 16384, publicIp: false });
    }
  });

  it('puts prod CPU requests at 90–95 % and memory at 77–83 % of the box today', () => {
    const { cpu, memoryMiB } = requests(t, 'current', 'prod');
    expect(cpu / 4).toBeGreaterThanOrEqual(0.9);
    expect(cpu / 4).toBeLessThanOrEqual(0.95);
    expect(memoryMiB / 8192).toBeGreaterThanOrEqual(0.77);
    expect(memoryMiB / 8192).toBeLessThanOrEqual(0.83);
  });

  it('runs AML on staging today and on prod before the migration, where prod CPU requests exceed 100 %', () => {
    for (const s of AML) {
      expect(hostOf(t, 'current', s), s).toBe('staging');
      expect(hostOf(t, 'before-aml-migration', s), s).toBe('prod');
      expect(service(t, s).environment, s).toBe('prod');
    }
    expect(requests(t, 'before-aml-migration', 'prod').cpu / 4).toBeGreaterThan(1);
  });

  it('keeps the kefi publish job at a 200m CPU request, pushing to the staging registry', () => {
    expect(service(t, 'kefi-publish')).toMatchObject({ kind: 'job', resources: { cpu: { request: 0.2 } } });
    expect(t.dependencies).toContainEqual(expect.objectContaining({ from: 'kefi-publish', to: 'registry', kind: 'hard' }));
    expect(hostOf(t, 'current', 'registry')).toBe('staging');
  });

  it('schedules the three E2E runners at 03:00, 03:40 and 04:00 on staging', () => {
    expect(['e2e-kefi-lifecycle', 'e2e-poueni-reset', 'e2e-full-suite'].map((s) => service(t, s).schedule)).toEqual([
      '0 3 * * *',
      '40 3 * * *',
      '0 4 * * *',
    ]);
  });
});

describe('seed 001: manacore', () => {
  const t = load('manacore');

  it('has the frontend, backend and data networks with the document isolation; data has no internet', () => {
    const plane = (id: string) => t.planes.find((p) => p.id === id)!;
    expect(plane('frontend').mayCall).toEqual(['backend']);
    expect(plane('backend').mayCall).toEqual(['data']);
    expect(plane('data')).toMatchObject({ mayCall: [], internal: true });
    expect(service(t, 'postgres').plane).toBe('data');
    expect(service(t, 'redis').plane).toBe('data');
  });

  it('publishes only 80 and 443 on the production server, through the proxy', () => {
    const onProd = tier(t, 'steady').placements.filter((p) => p.host === 'prod').map((p) => service(t, p.service));
    const published = onProd.flatMap((s) => s.ports.filter((p) => p.published !== undefined).map((p) => `${s.id}:${p.published}`));
    expect(published).toEqual(['coolify-proxy:80', 'coolify-proxy:443']);
  });

  it('keeps the documented ports and the raised chat-backend memory limit', () => {
    expect(service(t, 'mana-core-auth').ports[0]!.container).toBe(3001);
    expect(service(t, 'chat-backend').ports[0]!.container).toBe(3002);
    expect(service(t, 'chat-backend').resources.memoryMiB?.limit).toBe(1024);
  });

  it('has production, staging and a standby server, and runs chat-backend twice in the blue-green window', () => {
    expect(host(t, 'steady', 'standby').role).toBe('standby');
    expect(host(t, 'steady', 'staging').environment).toBe('staging');
    expect(tier(t, 'blue-green').placements.find((p) => p.service === 'chat-backend')?.replicas).toBe(2);
    expect(requests(t, 'blue-green', 'prod').memoryMiB).toBeGreaterThan(requests(t, 'steady', 'prod').memoryMiB);
  });
});

describe('seed 002: breakpilot', () => {
  const t = load('breakpilot');
  const prodServices = t.services.filter((s) => s.kind !== 'external' && !s.id.endsWith('-stage')).map((s) => s.id);

  it('has tiers A–D with 4, 5, 7 and 9 hosts at €192, €256, €384 and €608 a month', () => {
    expect(t.tiers.map((x) => x.id)).toEqual(['tier-a', 'tier-b', 'tier-c', 'tier-d']);
    expect(t.tiers.map((x) => x.hosts.length)).toEqual([4, 5, 7, 9]);
    expect(t.tiers.map((x) => x.hosts.reduce((sum, h) => sum + (h.monthlyCost ?? 0), 0))).toEqual([192, 256, 384, 608]);
    const a = tier(t, 'tier-a');
    expect(a.hosts.map((h) => `${h.id}:${h.flavor}:${h.cpu}:${h.memoryMiB}`)).toEqual([
      'vm-edge:m2.small:2:8192',
      'vm-control:m2.medium:4:16384',
      'vm-data:m2.medium:4:16384',
      'stage:m2.small:2:8192',
    ]);
    expect(a.hosts.reduce((sum, h) => sum + h.cpu, 0)).toBe(12);
    expect(a.hosts.filter((h) => h.publicIp).map((h) => h.id)).toEqual(['vm-edge', 'stage']);
  });

  it('grows as §13 says: B bumps vm-data and adds a cold spare; C splits vm-data-db and vm-ops; D splits vm-edge', () => {
    expect(host(t, 'tier-b', 'vm-data').flavor).toBe('m2.large');
    expect(host(t, 'tier-b', 'vm-edge-spare')).toMatchObject({ role: 'standby', monthlyCost: 0 });
    expect(hostOf(t, 'tier-c', 'postgres-app')).toBe('vm-data-db');
    for (const s of ['erpnext', 'frappe-hd', 'mariadb', 'redis-erpnext', 'stalwart-mail']) expect(hostOf(t, 'tier-c', s), s).toBe('vm-ops');
    expect(hostOf(t, 'tier-c', 'customer-portal')).toBe('vm-control');
    expect(hostOf(t, 'tier-d', 'keycloak')).toBe('vm-identity');
    expect(hostOf(t, 'tier-d', 'infisical')).toBe('vm-secrets');
    expect(hostOf(t, 'tier-d', 'orca-proxy')).toBe('vm-edge');
    expect(tier(t, 'tier-d').placements.find((p) => p.service === 'keycloak')?.replicas).toBe(2);
    expect(host(t, 'tier-d', 'vm-data').flavor).toBe('m2.xlarge');
  });

  it('keeps the §6 co-tenant memory caps and the 1.5 GB Keycloak heap', () => {
    const caps = Object.fromEntries(
      ['customer-portal', 'erpnext', 'mariadb', 'stalwart-mail', 'tenant-registry'].map((s) => [s, service(t, s).resources.memoryMiB?.limit]),
    );
    expect(caps).toEqual({ 'customer-portal': 1024, erpnext: 6144, mariadb: 3072, 'stalwart-mail': 1024, 'tenant-registry': 500 });
    expect(service(t, 'keycloak').env.JAVA_OPTS_KC_HEAP).toContain('-Xmx1536m');
  });

  it('has every hard dependency of the §11 table and its soft ones', () => {
    const hard: [string, string[]][] = [
      ['keycloak', ['postgres-keycloak']],
      ['infisical', ['postgres-infisical', 'redis-infisical']],
      ['gitea', ['infisical']],
      ['tenant-registry', ['postgres-app', 'keycloak', 'infisical']],
      ['customer-portal', ['keycloak', 'infisical', 'tenant-registry']],
      ['erpnext', ['mariadb', 'redis-erpnext', 'keycloak', 'infisical']],
      ['frappe-hd', ['mariadb', 'redis-erpnext', 'infisical']],
      ['stalwart-mail', ['infisical']],
      ['certifai-dashboard', ['mongodb', 'keycloak', 'infisical']],
      ['litellm', ['infisical']],
      ['backend-compliance', ['postgres-app', 'keycloak', 'infisical']],
      ['ai-compliance-sdk', ['postgres-app', 'qdrant', 'infisical']],
      ['admin-compliance', ['backend-compliance', 'ai-compliance-sdk']],
    ];
    const kindOf = (from: string, to: string) => t.dependencies.find((d) => d.from === from && d.to === to)?.kind;
    for (const [from, tos] of hard) for (const to of tos) expect(kindOf(from, to), `${from} → ${to}`).toBe('hard');
    expect(kindOf('keycloak', 'infisical')).toBe('soft'); // ◐* bootstrap exception
    expect(kindOf('certifai-dashboard', 'litellm')).toBe('soft');
    expect(kindOf('ai-compliance-sdk', 'litellm')).toBe('soft');
    expect(kindOf('customer-portal-stage', 'keycloak')).toBe('hard'); // stage-app ●
    expect(kindOf('customer-portal-stage', 'infisical')).toBe('soft'); // stage-app ◑
    expect(kindOf('customer-portal-stage', 'tenant-registry')).toBe('soft'); // stage-app ◑
    expect(kindOf('customer-portal-stage', 'stalwart-mail')).toBe('soft');
  });

  it('starts orca-proxy last among prod services (§10 Scenario F phase 5)', () => {
    const phase = phases(t);
    const proxy = phase.get('orca-proxy')!;
    for (const s of prodServices.filter((x) => x !== 'orca-proxy')) expect(phase.get(s)!, s).toBeLessThan(proxy);
    for (const s of ['postgres-app', 'mongodb', 'qdrant', 'minio', 'mariadb', 'redis-erpnext', 'postgres-keycloak', 'postgres-infisical', 'redis-infisical']) {
      expect(phase.get(s), s).toBe(0);
    }
    expect(phase.get('infisical')).toBeLessThan(phase.get('tenant-registry')!);
    expect(phase.get('tenant-registry')).toBeLessThan(phase.get('customer-portal')!);
  });

  it('lets stage call prod and keeps stage stores out of backups; prod stores follow §5', () => {
    expect(t.environments.find((e) => e.id === 'stage')).toMatchObject({ kind: 'staging', mayCall: ['prod'] });
    expect(t.planes.find((p) => p.id === 'app')?.mayCall).not.toContain('data');
    for (const s of ['postgres-app-stage', 'mongodb-stage', 'qdrant-stage']) expect(service(t, s).backup?.policy, s).toBe('none');
    const rpo = (s: string) => {
      const backup = service(t, s).backup;
      return backup?.policy === 'scheduled' ? backup.rpoHours : undefined;
    };
    expect(['postgres-keycloak', 'postgres-app', 'mariadb'].map(rpo)).toEqual([6, 6, 6]);
    expect(['mongodb', 'minio', 'postgres-infisical', 'stalwart-mail'].map(rpo)).toEqual([24, 24, 24, 24]);
    expect(['qdrant', 'gitea'].map(rpo)).toEqual([48, 48]);
    for (const s of t.services.filter((x) => x.stateful)) expect(s.backup, s.id).toBeDefined();
  });
});

describe('seed 003: rejourney', () => {
  const t = load('rejourney');

  it('runs everything on one k3s VPS, with Postgres on a 20 GB volume and Redis in memory', () => {
    expect(t.tiers).toHaveLength(1);
    expect(t.tiers[0]!.hosts).toHaveLength(1);
    expect(service(t, 'postgres').volumes[0]?.sizeGiB).toBe(20);
    expect(service(t, 'redis').backup?.policy).toBe('none');
  });

  it('has the four async workers and the external services of the document', () => {
    expect(t.services.filter((s) => s.plane === 'workers').map((s) => s.id)).toEqual([
      'ingest-worker',
      'alert-worker',
      'retention-worker',
      'billing-worker',
    ]);
    expect(t.services.filter((s) => s.kind === 'external').map((s) => s.id)).toEqual(['cloudflare', 'hetzner-s3', 'stripe', 'smtp', 'ghcr']);
  });
});

describe('seed 004: codespartan', () => {
  const t = load('codespartan');
  const platform = ['traefik', 'victoriametrics', 'vmagent', 'vmalert', 'loki', 'promtail', 'grafana', 'cadvisor', 'node-exporter', 'backoffice'];

  it('is one cax11 with 2 vCPU, 4 GB, 40 GB at €4.49 a month', () => {
    expect(t.tiers).toHaveLength(1);
    expect(t.tiers[0]!.hosts).toEqual([expect.objectContaining({ flavor: 'cax11', cpu: 2, memoryMiB: 4096, diskGiB: 40, monthlyCost: 4.49 })]);
  });

  it('runs the ten platform containers, publishing only Traefik on 80 and 443', () => {
    for (const s of platform) expect(hostOf(t, 'cax11', s), s).toBe('codespartan-vps');
    const published = t.services.flatMap((s) => s.ports.filter((p) => p.published !== undefined).map((p) => `${s.id}:${p.published}`));
    expect(published).toEqual(['traefik:80', 'traefik:443']);
    expect(t.services.filter((s) => s.plane === 'web' && s.kind !== 'proxy').every((s) => s.ports.every((p) => p.published === undefined))).toBe(true);
  });

  it('puts memory requests near the measured 37 % of 4 GB and backs up the three data volumes daily', () => {
    const { memoryMiB } = requests(t, 'cax11', 'codespartan-vps');
    expect(memoryMiB / 4096).toBeGreaterThan(0.33);
    expect(memoryMiB / 4096).toBeLessThan(0.42);
    for (const s of ['victoriametrics', 'loki', 'grafana']) {
      expect(service(t, s).backup).toMatchObject({ policy: 'scheduled', rpoHours: 24 });
    }
  });
});
