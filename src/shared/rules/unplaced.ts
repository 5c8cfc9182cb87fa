import { tierCapacity } from '../analysis/capacity';
import { MISSING_HOST, UNPLACED } from './context';
import { findingService, servicePath, serviceRef } from './refs';
import type { TierRule } from './types';

/** Every service runs somewhere in every tier (or is hibernated there with 0 replicas, on purpose). */
export const unplaced: TierRule = {
  id: 'unplaced',
  title: 'Service not placed in tier',
  severity: 'error',
  scope: 'tier',
  why: 'A service with no host in a tier is silently missing from that sizing: its capacity is not counted and a deploy leaves it out.',
  check(context, tier, emit) {
    const services = context.topology.services;
    for (let s = 0; s < services.length; s++) {
      const where = tier.hostOf[s]!;
      if (where >= 0 || context.external[s] === 1) continue;
      const id = services[s]!.id;
      if (where === UNPLACED) {
        emit({
          severity: 'warning',
          message: `${id} is not placed on any host in ${tier.tier.id}`,
          targets: [serviceRef(id)],
          path: servicePath(s),
          tier: tier.tier.id,
          fix: tier.tier.hosts.length > 0 ? 'Place it on the host with the most free memory' : undefined,
        });
      } else if (where === MISSING_HOST) {
        const placement = tier.tier.placements[tier.placementOf[s]!]!;
        emit({
          severity: 'error',
          message: `${id} is placed on "${placement.host}", which is not a host of ${tier.tier.id}`,
          targets: [serviceRef(id)],
          path: ['tiers', tier.index, 'placements', tier.placementOf[s]!, 'host'],
          tier: tier.tier.id,
        });
      }
    }
  },
  fix(topology, finding) {
    const id = findingService(finding.targets);
    const tierIndex = topology.tiers.findIndex((t) => t.id === finding.tier);
    const tier = topology.tiers[tierIndex];
    if (id === undefined || !tier || tier.placements.some((p) => p.service === id)) return undefined;
    const usage = tierCapacity(topology, tier);
    const active = tier.hosts.filter((h) => h.role === 'active');
    const free = (hostId: string) => {
      const m = usage.get(hostId)!.memoryMiB;
      return m.capacity - Math.max(m.request, m.limit);
    };
    const best = [...active].sort((a, b) => free(b.id) - free(a.id))[0];
    if (!best) return undefined;
    const tiers = topology.tiers.slice();
    tiers[tierIndex] = { ...tier, placements: [...tier.placements, { service: id, host: best.id }] };
    return { ...topology, tiers };
  },
};
