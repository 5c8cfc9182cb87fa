import { servicePath, serviceRef } from './refs';
import type { GraphRule } from './types';

/** Seed 002 §10 F: ordered start waits on health, so whatever is hard-needed must report it. */
export const healthCheck: GraphRule = {
  id: 'health-check',
  title: 'Depended-on service without health check',
  severity: 'warning',
  scope: 'graph',
  why: 'Dependents are started once their dependencies are healthy; without a health check "running" is taken for "ready" and dependents crash-loop.',
  check(context, emit) {
    const services = context.topology.services;
    const { offsets, targets } = context.neededBy;
    for (let s = 0; s < services.length; s++) {
      const dependents = offsets[s + 1]! - offsets[s]!;
      if (dependents === 0 || context.external[s] === 1) continue;
      const service = services[s]!;
      if (service.healthCheck !== undefined) continue;
      const first = services[targets[offsets[s]!]!]!.id;
      emit({
        severity: 'warning',
        message: `${service.id} has no health check but ${dependents === 1 ? first : `${dependents} services (${first} …)`} hard-depend on it`,
        targets: [serviceRef(service.id)],
        path: servicePath(s),
      });
    }
  },
};
