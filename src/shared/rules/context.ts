import type { EnvironmentKind, Tier, Topology } from '../model';

/**
 * The topology compiled once for the rules: id → index maps and typed arrays, so that
 * each rule is one pass over numbers instead of repeated searches over objects.
 * Built without zod and without per-element allocation beyond the maps themselves.
 */
export interface RuleContext {
  topology: Topology;
  readonly serviceIndex: ReadonlyMap<string, number>;
  /** Per service: its id (so an index can be checked without touching the service). */
  readonly serviceIds: readonly string[];
  /** Per dependency: service index of each end, -1 when it names no service. */
  readonly depFrom: Int32Array;
  readonly depTo: Int32Array;
  readonly depHard: Uint8Array;
  /** Hard "needs" and "needed by" edges between known services, as CSR lists of service indexes. */
  readonly needs: Adjacency;
  readonly neededBy: Adjacency;
  /** Per service: its plane index, -1 when it has none (or an unknown one). */
  readonly servicePlane: Int32Array;
  /** Per service: 1 for an external service (it takes no room on a host). */
  readonly external: Uint8Array;
  /** Per service: its own replica count (a placement may override it per tier). */
  readonly replicas: Int32Array;
  /** Per service: the environment it names itself, if any (else its host's applies). */
  readonly serviceEnvironmentId: readonly (string | undefined)[];
  readonly planeIndex: ReadonlyMap<string, number>;
  readonly environmentKind: ReadonlyMap<string, EnvironmentKind>;
  /** Tier contexts, built on first use. */
  tier(index: number): TierContext;
}

export interface Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

export interface TierContext {
  readonly tier: Tier;
  readonly index: number;
  readonly hostIndex: ReadonlyMap<string, number>;
  /** Per service: host index; -1 not placed, -2 placed on a host the tier does not have. */
  readonly hostOf: Int32Array;
  /** Per service: index of its placement in `tier.placements`, -1 none. */
  readonly placementOf: Int32Array;
  /** Per service: 1 when it runs in this tier (placed on an active host, at least one replica). */
  readonly running: Uint8Array;
  readonly runningCount: number;
  /** Services placed on each host (any replicas), as CSR lists of service indexes. */
  readonly servicesOnHost: Adjacency;
  /** Per-tier values computed on demand by tier rules and shared between them. */
  readonly memo: Map<string, unknown>;
}

export const UNPLACED = -1;
export const MISSING_HOST = -2;

export function buildContext(topology: Topology): RuleContext {
  const services = topology.services;
  const n = services.length;
  const serviceIndex = new Map<string, number>();
  const planeIndex = new Map<string, number>();
  topology.planes.forEach((p, i) => planeIndex.set(p.id, i));
  // On a large topology the cost of validating is mostly touching each service object:
  // this pass reads what the graph and tier code needs from it, so they need not come back.
  const servicePlane = new Int32Array(n);
  const external = new Uint8Array(n);
  const replicas = new Int32Array(n);
  const serviceEnvironmentId = new Array<string | undefined>(n);
  const serviceIds = new Array<string>(n);
  let lastPlane: string | undefined;
  let lastPlaneIndex = -1;
  for (let i = 0; i < n; i++) {
    const service = services[i]!;
    serviceIndex.set(service.id, i);
    serviceIds[i] = service.id;
    const plane = service.plane;
    // Services of a plane usually sit together in the file: reuse the last answer.
    if (plane !== lastPlane) {
      lastPlane = plane;
      lastPlaneIndex = plane === undefined ? -1 : (planeIndex.get(plane) ?? -1);
    }
    servicePlane[i] = lastPlaneIndex;
    external[i] = service.kind === 'external' ? 1 : 0;
    replicas[i] = service.replicas;
    serviceEnvironmentId[i] = service.environment;
  }

  const deps = topology.dependencies;
  const m = deps.length;
  const depFrom = new Int32Array(m);
  const depTo = new Int32Array(m);
  const depHard = new Uint8Array(m);
  // One pass resolves both ends and counts the hard edges for both CSR lists; the map
  // lookups are most of the cost of building the context, so each end is looked up once.
  const needsOffsets = new Int32Array(n + 1);
  const neededByOffsets = new Int32Array(n + 1);
  let from = -1;
  for (let i = 0; i < m; i++) {
    const d = deps[i]!;
    // A service's dependencies are usually listed together and in service order.
    if (from < 0 || serviceIds[from] !== d.from) from = indexNear(serviceIndex, serviceIds, d.from, from + 1);
    const to = serviceIndex.get(d.to) ?? -1;
    depFrom[i] = from;
    depTo[i] = to;
    if (d.kind !== 'hard') continue;
    depHard[i] = 1;
    if (from < 0 || to < 0 || from === to) continue;
    needsOffsets[from + 1]!++;
    neededByOffsets[to + 1]!++;
  }
  const needs = fillAdjacency(needsOffsets, depFrom, depTo, depHard);
  const neededBy = fillAdjacency(neededByOffsets, depTo, depFrom, depHard);

  const environmentKind = new Map<string, EnvironmentKind>();
  for (const e of topology.environments) environmentKind.set(e.id, e.kind);

  const tiers: (TierContext | undefined)[] = [];
  const context: RuleContext = {
    topology,
    serviceIndex,
    serviceIds,
    depFrom,
    depTo,
    depHard,
    needs,
    neededBy,
    servicePlane,
    external,
    replicas,
    serviceEnvironmentId,
    planeIndex,
    environmentKind,
    tier: (index) => (tiers[index] ??= buildTierContext(context, index)),
  };
  return context;
}

/** The index of a service id, trying `guess` before the map (ids of a file mostly come in order). */
function indexNear(index: ReadonlyMap<string, number>, ids: readonly string[], id: string, guess: number): number {
  if (guess >= 0 && guess < ids.length && ids[guess] === id) return guess;
  return index.get(id) ?? -1;
}

/** CSR lists from per-source counts (at index source + 1): hard edges between two distinct known services. */
function fillAdjacency(offsets: Int32Array, source: Int32Array, target: Int32Array, hard: Uint8Array): Adjacency {
  const n = offsets.length - 1;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]!);
  for (let e = 0; e < source.length; e++) {
    const from = source[e]!;
    const to = target[e]!;
    if (hard[e] === 1 && from >= 0 && to >= 0 && from !== to) targets[fill[from]!++] = to;
  }
  return { offsets, targets };
}

function buildTierContext(context: RuleContext, index: number): TierContext {
  const tier = context.topology.tiers[index]!;
  const n = context.external.length;
  const hostIndex = new Map<string, number>();
  for (let h = 0; h < tier.hosts.length; h++) hostIndex.set(tier.hosts[h]!.id, h);
  const hostOf = new Int32Array(n).fill(UNPLACED);
  const placementOf = new Int32Array(n).fill(-1);
  const running = new Uint8Array(n);
  const perHost = new Int32Array(tier.hosts.length + 1);
  let runningCount = 0;
  const placements = tier.placements;
  let s = -1;
  for (let i = 0; i < placements.length; i++) {
    const p = placements[i]!;
    s = indexNear(context.serviceIndex, context.serviceIds, p.service, s + 1);
    if (s < 0) continue;
    const h = hostIndex.get(p.host);
    placementOf[s] = i;
    hostOf[s] = h ?? MISSING_HOST;
    if (h === undefined || context.external[s] === 1) continue;
    perHost[h + 1]!++;
    if (tier.hosts[h]!.role === 'active' && (p.replicas ?? context.replicas[s]!) > 0) {
      running[s] = 1;
      runningCount++;
    }
  }
  for (let h = 0; h < tier.hosts.length; h++) perHost[h + 1]! += perHost[h]!;
  const fill = perHost.slice(0, tier.hosts.length);
  const targets = new Int32Array(perHost[tier.hosts.length]!);
  for (let s = 0; s < n; s++) {
    const h = hostOf[s]!;
    if (h >= 0 && context.external[s] === 0) targets[fill[h]!++] = s;
  }
  return { tier, index, hostIndex, hostOf, placementOf, running, runningCount, servicesOnHost: { offsets: perHost, targets }, memo: new Map() };
}

/**
 * Per service of a tier: the kind of environment it runs in (its own, else its host's),
 * undefined when it names none. Computed once per tier and shared by the stage/prod rules,
 * which otherwise resolve the same environment once per dependency.
 */
export function environmentKinds(context: RuleContext, tier: TierContext): readonly (EnvironmentKind | undefined)[] {
  const cached = tier.memo.get('environmentKinds') as (EnvironmentKind | undefined)[] | undefined;
  if (cached) return cached;
  const hosts = tier.tier.hosts;
  const n = context.external.length;
  const kinds = new Array<EnvironmentKind | undefined>(n);
  for (let s = 0; s < n; s++) {
    const h = tier.hostOf[s]!;
    const env = context.serviceEnvironmentId[s] ?? (h >= 0 ? hosts[h]!.environment : undefined);
    kinds[s] = env === undefined ? undefined : context.environmentKind.get(env);
  }
  tier.memo.set('environmentKinds', kinds);
  return kinds;
}
