import { STATEFUL_KINDS } from '../model';
import { findingService, servicePath, serviceRef, updateService } from './refs';
import type { HostRule } from './types';

/** Binds that keep a published port off the internet. */
const LOCAL_BIND = /^(127\.|::1$|localhost$|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

/** Seed 001's firewall table: only the proxy faces the internet; databases, caches and queues never do. */
export const publicDatastore: HostRule = {
  id: 'public-datastore',
  title: 'Database, cache or queue reachable from the internet',
  severity: 'error',
  scope: 'host',
  why: 'A database port on a public address is found by scanners within minutes; data stores belong on internal networks behind the proxy.',
  check(context, tier, h, emit) {
    const host = tier.tier.hosts[h]!;
    const { offsets, targets } = tier.servicesOnHost;
    const services = context.topology.services;
    for (let e = offsets[h]!; e < offsets[h + 1]!; e++) {
      const s = targets[e]!;
      const service = services[s]!;
      const open = host.publicIp ? service.ports.find((p) => p.published !== undefined && !LOCAL_BIND.test(p.bind ?? '')) : undefined;
      if (STATEFUL_KINDS.has(service.kind)) {
        if (service.exposure !== 'public' && !open) continue;
        emit({
          severity: 'error',
          message: open
            ? `${service.id} (${service.kind}) publishes port ${open.published} on ${host.id}, which has a public IP`
            : `${service.id} (${service.kind}) is marked public`,
          targets: [serviceRef(service.id)],
          path: servicePath(s, open ? 'ports' : 'exposure'),
          tier: tier.tier.id,
          fix: 'Make it internal: unpublish its ports',
        });
      } else if (open && service.exposure === 'public' && service.kind !== 'proxy') {
        emit({
          severity: 'info',
          message: `${service.id} faces the internet directly on ${host.id} (port ${open.published}); only proxies should`,
          targets: [serviceRef(service.id)],
          path: servicePath(s, 'ports'),
          tier: tier.tier.id,
        });
      }
    }
  },
  fix(topology, finding) {
    const id = findingService(finding.targets);
    if (id === undefined || finding.severity === 'info') return undefined;
    return updateService(topology, id, (service) => ({
      ...service,
      exposure: 'internal',
      ports: service.ports.map(({ published: _published, bind: _bind, ...port }) => port),
    }));
  },
};
