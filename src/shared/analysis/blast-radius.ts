import type { Topology } from '../model';
import { buildContext, type RuleContext, type TierContext } from '../rules/context';

export type FailureTarget = { readonly kind: 'host' | 'service'; readonly id: string };

/** A service that fails hard, `step` hard-dependency hops after the failure (0 = the failed element itself). */
export interface DownService {
  readonly service: string;
  readonly host: string;
  readonly step: number;
}

/** A service that keeps running with features missing, and the down services it softly needs. */
export interface DegradedService {
  readonly service: string;
  readonly host: string;
  readonly because: readonly string[];
}

export interface BlastRadius {
  readonly tierId: string;
  readonly target: FailureTarget;
  /** In the order they fail: the failed element first, then hop by hop. */
  readonly down: readonly DownService[];
  readonly degraded: readonly DegradedService[];
  /** Hosts other than the failed one that lose services: the failure spreads across machines. */
  readonly otherHostsHit: readonly string[];
}

/**
 * What goes down with a host or a service in a tier (seed 002 §10 A–G): running services
 * that hard-depend on a down service fail too, transitively; those that only softly
 * depend on one degrade. Undefined for an unknown tier or element.
 */
export function blastRadius(topology: Topology, tierId: string, target: FailureTarget, context: RuleContext = buildContext(topology)): BlastRadius | undefined {
  const t = topology.tiers.findIndex((x) => x.id === tierId);
  if (t < 0) return undefined;
  const tier = context.tier(t);
  const start = startingSet(context, tier, target);
  if (!start) return undefined;
  const services = topology.services;
  const hosts = tier.tier.hosts;
  const hostName = (s: number) => hosts[tier.hostOf[s]!]?.id ?? '';
  const step = new Int32Array(services.length).fill(-1);
  const queue: number[] = [];
  for (const s of start) {
    step[s] = 0;
    queue.push(s);
  }
  const { offsets, targets } = context.neededBy;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (let e = offsets[node]!; e < offsets[node + 1]!; e++) {
      const dependent = targets[e]!;
      if (step[dependent] !== -1 || tier.running[dependent] === 0) continue;
      step[dependent] = step[node]! + 1;
      queue.push(dependent);
    }
  }
  const down = queue.map((s) => ({ service: services[s]!.id, host: hostName(s), step: step[s]! }));
  const degraded = new Map<number, string[]>();
  const deps = topology.dependencies;
  for (let d = 0; d < deps.length; d++) {
    const from = context.depFrom[d]!;
    const to = context.depTo[d]!;
    if (context.depHard[d] === 1 || from < 0 || to < 0 || step[to] === -1 || step[from] !== -1 || tier.running[from] === 0) continue;
    const list = degraded.get(from);
    if (list) list.push(services[to]!.id);
    else degraded.set(from, [services[to]!.id]);
  }
  const failedHost = target.kind === 'host' ? target.id : undefined;
  return {
    tierId,
    target,
    down,
    degraded: [...degraded].map(([s, because]) => ({ service: services[s]!.id, host: hostName(s), because })),
    otherHostsHit: [...new Set(down.map((d) => d.host))].filter((h) => h !== failedHost && h !== (target.kind === 'service' ? hostName(start[0]!) : undefined)),
  };
}

/** The services that fail first: all running ones on a host, or the service itself. */
function startingSet(context: RuleContext, tier: TierContext, target: FailureTarget): number[] | undefined {
  if (target.kind === 'service') {
    const s = context.serviceIndex.get(target.id);
    return s === undefined ? undefined : [s];
  }
  const h = tier.hostIndex.get(target.id);
  if (h === undefined) return undefined;
  const { offsets, targets } = tier.servicesOnHost;
  const result: number[] = [];
  for (let e = offsets[h]!; e < offsets[h + 1]!; e++) if (tier.running[targets[e]!] === 1) result.push(targets[e]!);
  return result;
}

export interface HostImpact {
  readonly host: string;
  readonly down: number;
  readonly degraded: number;
  /** Share of the tier's running services that go down with it. */
  readonly share: number;
  /** Its failure takes down services on other hosts too. */
  readonly spof: boolean;
}

/** Every active host of a tier by what its failure takes down, worst first. */
export function hostImpacts(topology: Topology, tierId: string): HostImpact[] {
  const tier = topology.tiers.find((t) => t.id === tierId);
  if (!tier) return [];
  const context = buildContext(topology);
  const running = context.tier(topology.tiers.indexOf(tier)).runningCount;
  const result: HostImpact[] = [];
  for (const host of tier.hosts) {
    if (host.role === 'standby') continue;
    const radius = blastRadius(topology, tierId, { kind: 'host', id: host.id }, context)!;
    if (radius.down.length === 0) continue;
    result.push({
      host: host.id,
      down: radius.down.length,
      degraded: radius.degraded.length,
      share: running > 0 ? Math.round((radius.down.length / running) * 1000) / 1000 : 0,
      spof: radius.otherHostsHit.length > 0,
    });
  }
  return result.sort((a, b) => b.down - a.down || b.degraded - a.degraded);
}
