import { dependencyPath, dependencyRef } from './refs';
import type { GraphRule } from './types';

/** A dependency whose end names no service: a typo, or a service deleted from under it. */
export const danglingDependency: GraphRule = {
  id: 'dangling-dependency',
  title: 'Dependency to nothing',
  severity: 'error',
  scope: 'graph',
  why: 'A dependency on a service that does not exist cannot be started in order, health-checked or shown in the blast radius.',
  check(context, emit) {
    const deps = context.topology.dependencies;
    for (let d = 0; d < deps.length; d++) {
      const fromMissing = context.depFrom[d] === -1;
      const toMissing = context.depTo[d] === -1;
      if (!fromMissing && !toMissing) continue;
      const { from, to } = deps[d]!;
      const missing = toMissing ? to : from;
      emit({
        severity: 'error',
        message: `dependency ${from} → ${to}: there is no service "${missing}"`,
        targets: [dependencyRef(from, to)],
        path: dependencyPath(d, toMissing ? 'to' : 'from'),
        fix: 'Remove the dependency',
      });
    }
  },
  fix(topology, finding) {
    const target = finding.targets[0];
    if (target?.kind !== 'dependency') return undefined;
    const dependencies = topology.dependencies.filter((d) => d.from !== target.from || d.to !== target.to);
    return dependencies.length === topology.dependencies.length ? undefined : { ...topology, dependencies };
  },
};
