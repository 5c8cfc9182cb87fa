import type { Service } from '../model';
import { findingService, servicePath, serviceRef, updateService } from './refs';
import type { ServiceRule } from './types';

/** What the quick fix caps an uncapped service at: modest, visible, easy to raise. */
const DEFAULT_CPU_LIMIT = 1;
const DEFAULT_MEMORY_LIMIT_MIB = 512;

/** Seed 002 §8 rule 5: every container has a CPU and a memory limit. */
export const resourceLimits: ServiceRule = {
  id: 'resource-limits',
  title: 'Resource limits missing',
  severity: 'warning',
  scope: 'service',
  why: 'A container without a limit can take the whole host: one memory leak or busy loop starves every co-tenant, and capacity sums cannot be trusted.',
  check(service, index, emit) {
    if (service.kind === 'external' || service.replicas === 0) return;
    const noCpu = service.resources.cpu?.limit === undefined;
    const noMemory = service.resources.memoryMiB?.limit === undefined;
    // Most services are capped: answer them without allocating.
    if (!noCpu && !noMemory) return;
    const missing = noCpu && noMemory ? ['CPU', 'memory'] : [noCpu ? 'CPU' : 'memory'];
    emit({
      severity: 'warning',
      message: `${service.id} has no ${missing.join(' or ')} limit: it may take the whole host`,
      targets: [serviceRef(service.id)],
      path: servicePath(index, 'resources'),
      fix: `Set ${missing.join(' and ')} limits from the requests (or ${DEFAULT_CPU_LIMIT} CPU / ${DEFAULT_MEMORY_LIMIT_MIB} MiB)`,
    });
  },
  fix(topology, finding) {
    const id = findingService(finding.targets);
    return id === undefined ? undefined : updateService(topology, id, withLimits);
  },
};

function withLimits(service: Service): Service {
  const { cpu, memoryMiB } = service.resources;
  return {
    ...service,
    resources: {
      cpu: { ...cpu, limit: cpu?.limit ?? Math.max(cpu?.request ?? 0, DEFAULT_CPU_LIMIT) },
      memoryMiB: { ...memoryMiB, limit: memoryMiB?.limit ?? Math.max(memoryMiB?.request ?? 0, DEFAULT_MEMORY_LIMIT_MIB) },
    },
  };
}
