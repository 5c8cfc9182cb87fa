import { hostPath, hostRef, serviceRef } from './refs';
import type { HostRule } from './types';

/** Two running containers cannot publish the same host port on the same address. */
export const portConflict: HostRule = {
  id: 'port-conflict',
  title: 'Host port conflict',
  severity: 'error',
  scope: 'host',
  why: 'Docker refuses the second container that publishes a taken port, so a deploy fails half-way.',
  check(context, tier, h, emit) {
    const { offsets, targets } = tier.servicesOnHost;
    const services = context.topology.services;
    // protocol/port → first [service index, bind address] that took it.
    const taken = new Map<number, [number, string]>();
    for (let e = offsets[h]!; e < offsets[h + 1]!; e++) {
      const s = targets[e]!;
      if (tier.running[s] === 0) continue;
      for (const port of services[s]!.ports) {
        if (port.published === undefined) continue;
        const key = port.published * 2 + (port.protocol === 'udp' ? 1 : 0);
        const bind = port.bind ?? '0.0.0.0';
        const first = taken.get(key);
        if (!first) {
          taken.set(key, [s, bind]);
          continue;
        }
        const [other, otherBind] = first;
        if (bind !== otherBind && bind !== '0.0.0.0' && otherBind !== '0.0.0.0') continue;
        const host = tier.tier.hosts[h]!.id;
        emit({
          severity: 'error',
          message: `${host}: ${services[s]!.id} and ${services[other]!.id} both publish ${port.protocol} port ${port.published}`,
          targets: [serviceRef(services[s]!.id), serviceRef(services[other]!.id), hostRef(tier, h)],
          path: hostPath(tier, h),
          tier: tier.tier.id,
        });
      }
    }
  },
};
