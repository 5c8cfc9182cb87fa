import type { Host, Placement, Resources, Service, Tier, Topology } from '../model';

/** Share of a host at which a bar turns amber; above 1 (100 %) it turns red. */
export const CAPACITY_WARNING_RATIO = 0.8;

export type CapacityLevel = 'ok' | 'warning' | 'error';

/** ≥ 80 % is a warning, > 100 % an error. */
export function capacityLevel(ratio: number): CapacityLevel {
  if (ratio > 1) return 'error';
  if (ratio >= CAPACITY_WARNING_RATIO) return 'warning';
  return 'ok';
}

/** Σ of one resource over the services placed on a host, against the host's size. */
export interface ResourceUsage {
  /** Σ request × replicas; a missing request counts as 0 (see `withoutRequest`). */
  request: number;
  /** Σ limit × replicas; a missing limit counts as 0 (see `withoutLimit`), so this is a lower bound when any is missing. */
  limit: number;
  /** The host's size: vCPUs or MiB. */
  capacity: number;
  requestRatio: number;
  limitRatio: number;
  /** Level of the worse of the two ratios. */
  level: CapacityLevel;
  /** Running services (replicas > 0) that declare no request for this resource. */
  withoutRequest: number;
  /** Running services (replicas > 0) that declare no limit: each may take the whole host. */
  withoutLimit: number;
}

export interface DiskUsage {
  usedGiB: number;
  capacityGiB: number;
  ratio: number;
  level: CapacityLevel;
}

export interface HostCapacity {
  hostId: string;
  cpu: ResourceUsage;
  memoryMiB: ResourceUsage;
  /** Σ sizes of the named volumes and bind mounts that declare one, when the host's disk is known. */
  disk?: DiskUsage | undefined;
  /** Services placed on the host, hibernated ones (0 replicas) included. */
  services: number;
  /** Σ replicas of the placed services. */
  containers: number;
}

/** A service's resources on a tier: the placement's overrides win field by field. */
export function effectiveResources(service: Pick<Service, 'resources'>, placement?: Pick<Placement, 'resources'>): Resources {
  const base = service.resources;
  const over = placement?.resources;
  if (!over) return base;
  return {
    cpu: mergeRequestLimit(base.cpu, over.cpu),
    memoryMiB: mergeRequestLimit(base.memoryMiB, over.memoryMiB),
  };
}

function mergeRequestLimit<T extends { request?: number; limit?: number }>(base: T | undefined, over: T | undefined): T | undefined {
  if (!over) return base;
  if (!base) return over;
  return { ...base, ...definedOnly(over) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** How many containers of a service run on a tier: the placement's override, else the service's. */
export function effectiveReplicas(service: Pick<Service, 'replicas'>, placement?: Pick<Placement, 'replicas'>): number {
  return placement?.replicas ?? service.replicas;
}

/**
 * Σ requests and Σ limits of CPU and memory of the services placed on each host of a
 * tier, multiplied by their replicas, against the host's size. Hosts of the tier without
 * services are included with zeros; placements on hosts not in the tier are ignored.
 */
export function tierCapacity(topology: Pick<Topology, 'services'>, tier: Pick<Tier, 'hosts' | 'placements'>): Map<string, HostCapacity> {
  const servicesById = new Map(topology.services.map((s) => [s.id, s]));
  const placed = new Map<string, PlacedService[]>(tier.hosts.map((host) => [host.id, []]));
  for (const placement of tier.placements) {
    const service = servicesById.get(placement.service);
    if (service) placed.get(placement.host)?.push({ service, placement });
  }
  const result = new Map<string, HostCapacity>();
  for (const host of tier.hosts) result.set(host.id, measureHost(host, placed.get(host.id)!));
  return result;
}

/** The capacity of one host of a tier (zeros when it holds nothing). */
export function hostCapacity(topology: Pick<Topology, 'services'>, tier: Pick<Tier, 'hosts' | 'placements'>, hostId: string): HostCapacity | undefined {
  return tierCapacity(topology, tier).get(hostId);
}

/** A service as placed on a host: what `measureHost` sums. */
export interface PlacedService {
  readonly service: Service;
  readonly placement?: Placement | undefined;
}

/**
 * The one place capacity is computed: the canvas bars, the capacity rule and the tier
 * comparison all call this. External services take no room on a host.
 */
export function measureHost(host: Host, placed: Iterable<PlacedService>): HostCapacity {
  const meter = hostMeter(host);
  for (const { service, placement } of placed) meter.add(service, placement);
  return meter.finish();
}

/** `measureHost` one service at a time, for callers that walk indexes rather than build a list. */
export interface HostMeter {
  add(service: Service, placement: Placement | undefined): void;
  finish(): HostCapacity;
}

export function hostMeter(host: Host): HostMeter {
  const a = emptyAccumulator(host);
  return {
    add(service, placement) {
      if (service.kind === 'external') return;
      const replicas = effectiveReplicas(service, placement);
      a.services += 1;
      a.containers += replicas;
      if (replicas === 0) return;
      const resources = effectiveResources(service, placement);
      add(a.cpu, resources.cpu, replicas);
      add(a.memoryMiB, resources.memoryMiB, replicas);
      for (const volume of service.volumes) if (volume.type !== 'tmpfs' && volume.sizeGiB !== undefined) a.diskGiB += volume.sizeGiB;
    },
    finish: () => ({
      hostId: host.id,
      cpu: finish(a.cpu, host.cpu),
      memoryMiB: finish(a.memoryMiB, host.memoryMiB),
      disk: host.diskGiB === undefined ? undefined : finishDisk(a.diskGiB, host.diskGiB),
      services: a.services,
      containers: a.containers,
    }),
  };
}

interface Sum {
  request: number;
  limit: number;
  withoutRequest: number;
  withoutLimit: number;
}

interface Accumulator {
  host: Host;
  cpu: Sum;
  memoryMiB: Sum;
  diskGiB: number;
  services: number;
  containers: number;
}

function emptySum(): Sum {
  return { request: 0, limit: 0, withoutRequest: 0, withoutLimit: 0 };
}

function emptyAccumulator(host: Host): Accumulator {
  return { host, cpu: emptySum(), memoryMiB: emptySum(), diskGiB: 0, services: 0, containers: 0 };
}

function add(sum: Sum, value: { request?: number; limit?: number } | undefined, replicas: number): void {
  if (value?.request === undefined) sum.withoutRequest += 1;
  else sum.request += value.request * replicas;
  if (value?.limit === undefined) sum.withoutLimit += 1;
  else sum.limit += value.limit * replicas;
}

function finish(sum: Sum, capacity: number): ResourceUsage {
  // Round away float noise (0.1 + 0.2, 0.3 / 0.375) so that 80 % is exactly 80 %.
  const request = round(sum.request);
  const limit = round(sum.limit);
  const requestRatio = capacity > 0 ? round(request / capacity) : 0;
  const limitRatio = capacity > 0 ? round(limit / capacity) : 0;
  return {
    request,
    limit,
    capacity,
    requestRatio,
    limitRatio,
    level: capacityLevel(Math.max(requestRatio, limitRatio)),
    withoutRequest: sum.withoutRequest,
    withoutLimit: sum.withoutLimit,
  };
}

function finishDisk(used: number, capacity: number): DiskUsage {
  const usedGiB = round(used);
  const ratio = capacity > 0 ? round(usedGiB / capacity) : 0;
  return { usedGiB, capacityGiB: capacity, ratio, level: capacityLevel(ratio) };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** What a tier costs and offers: the numbers on a tier tab. */
export interface TierSummary {
  tierId: string;
  hosts: number;
  /** Standby hosts are counted in `hosts` and in the sums but run nothing. */
  standbyHosts: number;
  cpu: number;
  memoryMiB: number;
  diskGiB: number;
  monthlyCost: number;
  /** False when a host has no price, so `monthlyCost` is a lower bound. */
  costComplete: boolean;
}

export function tierSummary(tier: Pick<Tier, 'id' | 'hosts'>): TierSummary {
  let cpu = 0;
  let memoryMiB = 0;
  let diskGiB = 0;
  let monthlyCost = 0;
  let costComplete = true;
  let standbyHosts = 0;
  for (const host of tier.hosts) {
    cpu += host.cpu;
    memoryMiB += host.memoryMiB;
    diskGiB += host.diskGiB ?? 0;
    if (host.monthlyCost === undefined) costComplete = false;
    else monthlyCost += host.monthlyCost;
    if (host.role === 'standby') standbyHosts += 1;
  }
  return {
    tierId: tier.id,
    hosts: tier.hosts.length,
    standbyHosts,
    cpu: round(cpu),
    memoryMiB,
    diskGiB: round(diskGiB),
    monthlyCost: Math.round(monthlyCost * 100) / 100,
    costComplete,
  };
}
