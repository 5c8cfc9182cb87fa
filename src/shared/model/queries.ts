import type { Host, Placement, Tier } from './tier';
import type { Service } from './service';
import type { Topology } from './topology';

/** Lookups used everywhere: build once per document, not per call. */
export interface TopologyIndex {
  readonly servicesById: ReadonlyMap<string, Service>;
  tier(tierId: string): TierIndex | undefined;
}

export interface TierIndex {
  readonly tier: Tier;
  readonly hostsById: ReadonlyMap<string, Host>;
  readonly placementByService: ReadonlyMap<string, Placement>;
  /** Services placed on each host, in document order. */
  readonly servicesByHost: ReadonlyMap<string, readonly Service[]>;
  /** Non-external services with no placement (or a placement on a missing host). */
  readonly unplaced: readonly Service[];
}

export function indexTopology(topology: Topology): TopologyIndex {
  const servicesById = new Map(topology.services.map((s) => [s.id, s]));
  const tiers = new Map<string, TierIndex>();
  return {
    servicesById,
    tier(tierId) {
      const cached = tiers.get(tierId);
      if (cached) return cached;
      const tier = topology.tiers.find((t) => t.id === tierId);
      if (!tier) return undefined;
      const built = indexTier(topology, tier);
      tiers.set(tierId, built);
      return built;
    },
  };
}

function indexTier(topology: Topology, tier: Tier): TierIndex {
  const hostsById = new Map(tier.hosts.map((h) => [h.id, h]));
  const placementByService = new Map(tier.placements.map((p) => [p.service, p]));
  const servicesByHost = new Map<string, Service[]>(tier.hosts.map((h) => [h.id, []]));
  const unplaced: Service[] = [];
  for (const service of topology.services) {
    if (service.kind === 'external') continue;
    const placement = placementByService.get(service.id);
    const onHost = placement ? servicesByHost.get(placement.host) : undefined;
    if (onHost) onHost.push(service);
    else unplaced.push(service);
  }
  return { tier, hostsById, placementByService, servicesByHost, unplaced };
}
