import { environmentKinds, type TierContext } from './context';
import { hardReach } from './graph';
import { servicePath, serviceRef } from './refs';
import type { TierRule } from './types';

/** Share of the services with hard dependencies that a shared stateful service may hold up before it is a SPOF. */
export const CRITICAL_SHARE = 0.25;

/**
 * Seed 002 RISK-1: one stateful instance shared by several services (pg-app serves the
 * tenant registry and the compliance products), so that its crash stops them all. A
 * database owned by a single service is part of that service and is judged with it.
 */
export const criticalStateful: TierRule = {
  id: 'critical-stateful',
  title: 'One stateful service on most hard paths',
  severity: 'warning',
  scope: 'tier',
  why: 'A single database instance that several products cannot start without is the worst single point of failure: one crash stops them all at once.',
  check(context, tier, emit) {
    const reach = hardReach(context, tier);
    const services = context.topology.services;
    const withHardDependencies = countWithHardDependencies(context.needs, tier);
    const threshold = Math.max(2, Math.ceil(withHardDependencies * CRITICAL_SHARE));
    const { offsets, targets } = context.neededBy;
    const kinds = environmentKinds(context, tier);
    for (let s = 0; s < services.length; s++) {
      if (reach[s]! < threshold) continue;
      const service = services[s]!;
      if (!service.stateful) continue;
      const host = tier.tier.hosts[tier.hostOf[s]!]!;
      const kind = kinds[s];
      if (kind === 'staging' || kind === 'development') continue;
      const direct: string[] = [];
      for (let e = offsets[s]!; e < offsets[s + 1]!; e++) if (tier.running[targets[e]!] === 1) direct.push(services[targets[e]!]!.id);
      if (direct.length < 2) continue;
      emit({
        severity: 'warning',
        message: `${service.id} on ${host.id} is a single instance shared by ${direct.join(', ')}: ${reach[s]} of ${withHardDependencies} services with hard dependencies cannot run without it`,
        targets: [serviceRef(service.id)],
        path: servicePath(s),
        tier: tier.tier.id,
      });
    }
  },
};

/** Running services with at least one running hard dependency: the ones a hard path can hold up. */
function countWithHardDependencies(needs: { offsets: Int32Array; targets: Int32Array }, tier: TierContext): number {
  let count = 0;
  for (let s = 0; s < tier.running.length; s++) {
    if (tier.running[s] === 0) continue;
    for (let e = needs.offsets[s]!; e < needs.offsets[s + 1]!; e++) {
      if (tier.running[needs.targets[e]!] === 1) {
        count++;
        break;
      }
    }
  }
  return count;
}
