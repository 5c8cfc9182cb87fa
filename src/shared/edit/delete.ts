import { nodeKey, type Dependency, type Topology } from '../model';
import { forgetPositions } from './layout';
import { updateTier } from './tiers';

/** What the user selected for deletion. Hosts are of one tier; everything else is shared. */
export interface Deletion {
  services?: readonly string[];
  hosts?: readonly string[];
  planes?: readonly string[];
  dependencies?: readonly Pick<Dependency, 'from' | 'to'>[];
}

/** What else a deletion takes with it or leaves behind, for the confirmation. */
export interface DeletionImpact {
  /** Dependencies removed because one of their ends goes. */
  dependencies: Pick<Dependency, 'from' | 'to' | 'kind'>[];
  /** Services that depend on a deleted service (they stay, but lose that dependency). */
  dependents: string[];
  /** Services placed on a deleted host: they go back to the tray. */
  unplaced: string[];
  /** Services whose plane is deleted: they keep running without a plane. */
  withoutPlane: string[];
}

export function deletionImpact(topology: Topology, tierId: string | null, what: Deletion): DeletionImpact {
  const services = new Set(what.services ?? []);
  const hosts = new Set(what.hosts ?? []);
  const planes = new Set(what.planes ?? []);
  const dependencies = topology.dependencies.filter((d) => services.has(d.from) || services.has(d.to)).map(({ from, to, kind }) => ({ from, to, kind }));
  const dependents = [...new Set(topology.dependencies.filter((d) => services.has(d.to) && !services.has(d.from)).map((d) => d.from))];
  const tier = topology.tiers.find((t) => t.id === tierId);
  const unplaced = (tier?.placements ?? []).filter((p) => hosts.has(p.host) && !services.has(p.service)).map((p) => p.service);
  const withoutPlane = topology.services.filter((s) => s.plane !== undefined && planes.has(s.plane) && !services.has(s.id)).map((s) => s.id);
  return { dependencies, dependents, unplaced, withoutPlane };
}

/**
 * Deletes services (with their dependencies, placements in every tier and positions),
 * hosts of `tierId` (their services go back to the tray), planes (their services keep
 * running without one) and dependencies.
 */
export function deleteItems(topology: Topology, tierId: string | null, what: Deletion): Topology {
  const services = new Set(what.services ?? []);
  const hosts = new Set(what.hosts ?? []);
  const planes = new Set(what.planes ?? []);
  const deps = new Set((what.dependencies ?? []).map((d) => `${d.from}->${d.to}`));
  if (services.size + hosts.size + planes.size + deps.size === 0) return topology;
  let next: Topology = {
    ...topology,
    services: topology.services
      .filter((s) => !services.has(s.id))
      .map((s) => (s.plane !== undefined && planes.has(s.plane) ? (({ plane: _p, ...rest }) => rest)(s) : s)),
    planes: topology.planes.filter((p) => !planes.has(p.id)).map((p) => (p.mayCall?.some((id) => planes.has(id)) ? { ...p, mayCall: p.mayCall.filter((id) => !planes.has(id)) } : p)),
    dependencies: topology.dependencies.filter((d) => !services.has(d.from) && !services.has(d.to) && !deps.has(`${d.from}->${d.to}`)),
    tiers: topology.tiers.map((t) => (services.size === 0 ? t : { ...t, placements: t.placements.filter((p) => !services.has(p.service)) })),
  };
  if (tierId !== null && hosts.size > 0) {
    next = updateTier(next, tierId, (t) => ({
      ...t,
      hosts: t.hosts.filter((h) => !hosts.has(h.id)),
      placements: t.placements.filter((p) => !hosts.has(p.host)),
    }));
  }
  const keys = new Set([...[...services].map((id) => nodeKey('service', id)), ...[...planes].map((id) => nodeKey('plane', id))]);
  let layout = forgetPositions(next.layout, keys);
  if (tierId !== null && hosts.size > 0) layout = forgetPositions(layout, new Set([...hosts].map((id) => nodeKey('host', id))), `host/${tierId}`);
  return layout === next.layout ? next : { ...next, layout };
}
