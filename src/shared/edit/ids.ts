import { uniqueId, type Topology } from '../model';

/** Ids and container names already used by services (both must stay unique). */
export function takenServiceNames(topology: Topology): Set<string> {
  return new Set(topology.services.flatMap((s) => [s.id, s.name]));
}

export function newServiceId(topology: Topology, base: string): string {
  return uniqueId(base, takenServiceNames(topology));
}

/** Host ids are unique per tier; we keep them unique across tiers too, so that a copied host is not confused with its original. */
export function newHostId(topology: Topology, base: string): string {
  return uniqueId(base, new Set(topology.tiers.flatMap((t) => t.hosts.map((h) => h.id))));
}

export function newTierId(topology: Topology, base: string): string {
  return uniqueId(base, new Set(topology.tiers.map((t) => t.id)));
}

export function newPlaneId(topology: Topology, base: string): string {
  return uniqueId(base, new Set(topology.planes.map((p) => p.id)));
}
