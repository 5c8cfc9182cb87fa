import { hardCycles } from './graph';
import { dependencyRef, serviceRef } from './refs';
import type { GraphRule } from './types';

/** Seed 002 §10 F: services that hard-need each other can never cold-start. */
export const hardCycle: GraphRule = {
  id: 'hard-cycle',
  title: 'Hard-dependency cycle',
  severity: 'error',
  scope: 'graph',
  why: 'Services that each wait for the other to be healthy deadlock on a cold start; one edge of the cycle must be soft (start and degrade).',
  check(context, emit) {
    const services = context.topology.services;
    for (const cycle of hardCycles(context.needs, services.length)) {
      const ids = cycle.map((s) => services[s]!.id);
      const first = ids[0]!;
      const next = nextInCycle(context, cycle);
      emit({
        severity: 'error',
        message: `hard-dependency cycle ${[...ids, first].join(' → ')}: none of them can start first`,
        targets: [...ids.map(serviceRef), dependencyRef(first, next)],
        path: ['dependencies'],
        fix: `Make ${first} → ${next} soft`,
      });
    }
  },
  fix(topology, finding) {
    const edge = finding.targets.find((t) => t.kind === 'dependency');
    if (edge?.kind !== 'dependency') return undefined;
    let changed = false;
    const dependencies = topology.dependencies.map((d) => {
      if (d.from !== edge.from || d.to !== edge.to || d.kind === 'soft') return d;
      changed = true;
      return { ...d, kind: 'soft' as const };
    });
    return changed ? { ...topology, dependencies } : undefined;
  },
};

/** A member of the cycle that its first member hard-needs: the edge the fix softens. */
function nextInCycle(context: Parameters<GraphRule['check']>[0], cycle: readonly number[]): string {
  const members = new Set(cycle);
  const first = cycle[0]!;
  const { offsets, targets } = context.needs;
  for (let e = offsets[first]!; e < offsets[first + 1]!; e++) {
    if (members.has(targets[e]!)) return context.topology.services[targets[e]!]!.id;
  }
  return context.topology.services[cycle[1]!]!.id;
}
