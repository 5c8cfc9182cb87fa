import { hardReach } from './graph';
import { hostPath, hostRef, serviceRef } from './refs';
import type { TierRule } from './types';

/** A service is a root dependency when at least this share of the running services fails with it. */
export const ROOT_SHARE = 0.25;

/** Seed 002 RISK-2: one host owning several root dependencies (DNS, auth, secrets). */
export const rootDependencyHost: TierRule = {
  id: 'root-dependency-host',
  title: 'One host owns several root dependencies',
  severity: 'warning',
  scope: 'tier',
  why: 'When one machine carries several services that most others need, losing it is a total outage; a cold standby or a split limits the blast radius.',
  check(context, tier, emit) {
    const roots = rootsByHost(context, tier);
    roots.forEach((list, h) => {
      if (list.length < 2) return;
      const ids = list.map((s) => context.topology.services[s]!.id);
      emit({
        severity: 'warning',
        message: `${tier.tier.hosts[h]!.id} owns ${ids.length} root dependencies (${ids.join(', ')}): losing it takes down most of ${tier.tier.id}`,
        targets: [hostRef(tier, h), ...ids.map(serviceRef)],
        path: hostPath(tier, h),
        tier: tier.tier.id,
      });
    });
  },
};

/**
 * Root dependencies per host. A root that only exists for other roots on the same host
 * (Keycloak's database, Infisical's Redis) is folded into them: the host owns "auth", not
 * "auth and auth's database".
 */
export function rootsByHost(context: Parameters<TierRule['check']>[0], tier: Parameters<TierRule['check']>[1]): Map<number, number[]> {
  const reach = hardReach(context, tier);
  const threshold = Math.max(2, Math.ceil(tier.runningCount * ROOT_SHARE));
  const isRoot = (s: number) => reach[s]! >= threshold;
  const { offsets, targets } = context.neededBy;
  const result = new Map<number, number[]>();
  for (let s = 0; s < reach.length; s++) {
    if (!isRoot(s)) continue;
    const host = tier.hostOf[s]!;
    let onlyForLocalRoots = true;
    for (let e = offsets[s]!; e < offsets[s + 1]! && onlyForLocalRoots; e++) {
      const dependent = targets[e]!;
      if (tier.running[dependent] === 1 && (tier.hostOf[dependent] !== host || !isRoot(dependent))) onlyForLocalRoots = false;
    }
    if (onlyForLocalRoots) continue;
    const list = result.get(host);
    if (list) list.push(s);
    else result.set(host, [s]);
  }
  return result;
}
