import type { Topology } from '../model';
import { indexTopology } from '../model/queries';

/** One service in a cold-start phase, with the host it runs on in the tier. */
export interface PhasedService {
  readonly service: string;
  readonly host: string;
}

export interface ColdStartPlan {
  /** phases[0] needs nothing; phases[n] needs only services of earlier phases. */
  readonly phases: readonly (readonly PhasedService[])[];
  /** Services caught in (or waiting behind) a hard-dependency cycle: they can never start. */
  readonly blocked: readonly PhasedService[];
  /** Hard-dependency cycles, each as the ids along it (first id not repeated). */
  readonly cycles: readonly (readonly string[])[];
}

/**
 * Cold-start order of a tier (seed 002 §10 F): a service starts in the phase after the
 * last of its hard dependencies. Only services that run in the tier take part (placed on
 * an active host, at least one replica); a hard dependency on anything else — an external
 * service, an unplaced or hibernated one — cannot be waited for, so it does not delay.
 * Soft dependencies never delay a start: the service starts and degrades.
 */
export function coldStartPhases(topology: Topology, tierId: string): ColdStartPlan {
  const tierIndex = indexTopology(topology).tier(tierId);
  if (!tierIndex) return { phases: [], blocked: [], cycles: [] };

  const hostOf = new Map<string, string>();
  for (const [hostId, services] of tierIndex.servicesByHost) {
    if (tierIndex.hostsById.get(hostId)?.role === 'standby') continue;
    for (const service of services) {
      const replicas = tierIndex.placementByService.get(service.id)?.replicas ?? service.replicas;
      if (replicas > 0) hostOf.set(service.id, hostId);
    }
  }

  const needs = new Map<string, string[]>([...hostOf.keys()].map((id) => [id, []]));
  for (const dependency of topology.dependencies) {
    if (dependency.kind !== 'hard' || dependency.from === dependency.to) continue;
    if (hostOf.has(dependency.from) && hostOf.has(dependency.to)) needs.get(dependency.from)!.push(dependency.to);
  }

  const phaseOf = layer(needs);
  const phases: PhasedService[][] = [];
  const blocked: PhasedService[] = [];
  for (const [service, host] of hostOf) {
    const phase = phaseOf.get(service);
    if (phase === undefined) blocked.push({ service, host });
    else (phases[phase] ??= []).push({ service, host });
  }
  return { phases, blocked, cycles: findCycles(needs) };
}

/** Longest-path layering (Kahn's algorithm); nodes on or behind a cycle get no layer. */
function layer(needs: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const [node, requirements] of needs) {
    waitingOn.set(node, new Set(requirements).size);
    for (const requirement of new Set(requirements)) {
      (dependents.get(requirement) ?? dependents.set(requirement, []).get(requirement)!).push(node);
    }
  }
  const phaseOf = new Map<string, number>();
  let ready = [...needs.keys()].filter((node) => waitingOn.get(node) === 0);
  for (let phase = 0; ready.length > 0; phase++) {
    const next: string[] = [];
    for (const node of ready) {
      phaseOf.set(node, phase);
      for (const dependent of dependents.get(node) ?? []) {
        const left = waitingOn.get(dependent)! - 1;
        waitingOn.set(dependent, left);
        if (left === 0) next.push(dependent);
      }
    }
    ready = next;
  }
  return phaseOf;
}

/** Elementary cycles found by depth-first search, each reported once (Tarjan's SCCs). */
function findCycles(needs: ReadonlyMap<string, readonly string[]>): string[][] {
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;

  const visit = (node: string): void => {
    indexOf.set(node, counter);
    lowLink.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of needs.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, indexOf.get(next)!));
      }
    }
    if (lowLink.get(node) !== indexOf.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.unshift(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component);
  };

  for (const node of needs.keys()) if (!indexOf.has(node)) visit(node);
  return cycles;
}
