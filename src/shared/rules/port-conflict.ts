import { hostPath, hostRef, serviceRef } from './refs';
import type { HostRule } from './types';

const ANY = '0.0.0.0';
/**
 * Who took each protocol/port on the host being checked: a slot per port, marked with the
 * host's check number, so nothing is cleared or allocated between hosts.
 */
const PORT_SLOTS = 65536 * 2;
const slotMark = new Uint32Array(PORT_SLOTS);
const slotOwner = new Int32Array(PORT_SLOTS);
let mark = 0;
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
    // The bind address of the first taker is only looked up again on a collision, which is rare.
    mark = mark === 0xffffffff ? 1 : mark + 1;
    if (mark === 1) slotMark.fill(0);
    for (let e = offsets[h]!; e < offsets[h + 1]!; e++) {
      const s = targets[e]!;
      if (tier.running[s] === 0) continue;
      for (const port of services[s]!.ports) {
        if (port.published === undefined) continue;
        const key = portKey(port.published, port.protocol);
        if (key >= PORT_SLOTS) continue; // not a real port; the schema refuses it anyway
        if (slotMark[key] !== mark) {
          slotMark[key] = mark;
          slotOwner[key] = s;
          continue;
        }
        const other = slotOwner[key]!;
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
