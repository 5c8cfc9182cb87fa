import type { PlacedService } from '../analysis/capacity';
import type { RuleContext, TierContext } from './context';

/** The services placed on one host of a tier, with their placements. */
export function placedOn(context: RuleContext, tier: TierContext, host: number): PlacedService[] {
  const { offsets, targets } = tier.servicesOnHost;
  const result: PlacedService[] = [];
  for (let e = offsets[host]!; e < offsets[host + 1]!; e++) {
    const s = targets[e]!;
    result.push({ service: context.topology.services[s]!, placement: tier.tier.placements[tier.placementOf[s]!] });
  }
  return result;
}
