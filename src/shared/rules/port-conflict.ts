import { hostPath, hostRef, serviceRef } from './refs';
import type { HostRule } from './types';

const ANY = '0.0.0.0';
const TAKEN = new Map<number, number>();
const portKey = (published: number, protocol: string) => published * 2 + (protocol === 'udp' ? 1 : 0);

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
    // protocol/port → the first service that took it; the map is reused host after host
    // and the bind address is only looked up again on a collision, which is rare.
    const taken = TAKEN;
    taken.clear();
    for (let e = offsets[h]!; e < offsets[h + 1]!; e++) {
      const s = targets[e]!;
      if (tier.running[s] === 0) continue;
      for (const port of services[s]!.ports) {
        if (port.published === undefined) continue;
        const key = portKey(port.published, port.protocol);
        const other = taken.get(key);
        if (other === undefined) {
          taken.set(key, s);
          continue;
        }
        const bind = port.bind ?? ANY;
        const otherBind = services[other]!.ports.find((p) => p.published !== undefined && portKey(p.published, p.protocol) === key)?.bind ?? ANY;
        if (bind !== otherBind && bind !== ANY && otherBind !== ANY) continue;
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
