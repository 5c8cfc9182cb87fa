import { dependencyPath, dependencyRef, planeRef } from './refs';
import type { GraphRule } from './types';

/** Planes say which planes they may call (`mayCall`); a dependency across that line breaks isolation. */
export const planeIsolation: GraphRule = {
  id: 'plane-isolation',
  title: 'Plane isolation broken',
  severity: 'error',
  scope: 'graph',
  why: 'Network zones only protect what they separate: a call the planes do not allow either fails at the firewall or means the firewall is open.',
  check(context, emit) {
    const { planes, dependencies, services } = context.topology;
    const p = planes.length;
    if (p === 0) return;
    // allowed[a * p + b] = 1 when plane a may call plane b.
    const allowed = new Uint8Array(p * p);
    for (let a = 0; a < p; a++) {
      const mayCall = planes[a]!.mayCall;
      allowed[a * p + a] = 1;
      if (mayCall === undefined) allowed.fill(1, a * p, a * p + p);
      else for (const id of mayCall) {
        const b = context.planeIndex.get(id);
        if (b !== undefined) allowed[a * p + b] = 1;
      }
    }
    for (let d = 0; d < dependencies.length; d++) {
      const from = context.depFrom[d]!;
      const to = context.depTo[d]!;
      if (from < 0 || to < 0) continue;
      const a = context.servicePlane[from]!;
      const b = context.servicePlane[to]!;
      if (a < 0 || b < 0 || allowed[a * p + b] === 1) continue;
      emit({
        severity: 'error',
        message: `${services[from]!.id} (${planes[a]!.id}) → ${services[to]!.id} (${planes[b]!.id}): the ${planes[a]!.id} plane may not call the ${planes[b]!.id} plane`,
        targets: [dependencyRef(services[from]!.id, services[to]!.id), planeRef(planes[a]!.id), planeRef(planes[b]!.id)],
        path: dependencyPath(d),
      });
    }
  },
};
