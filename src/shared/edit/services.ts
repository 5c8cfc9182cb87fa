import { hostViewKey, nodeKey, serviceSchema, type Service, type Topology } from '../model';
import type { ServiceTemplate } from '../catalog';
import { newServiceId } from './ids';
import { forgetPositions } from './layout';
import { updateTier } from './tiers';

/** A new service from a template, placed on `hostId` in `tierId` when both are given. */
export function addService(
  topology: Topology,
  template: ServiceTemplate,
  where: { tierId?: string | null; hostId?: string | null } = {},
): { topology: Topology; serviceId: string } {
  const serviceId = newServiceId(topology, template.baseName);
  const service = serviceSchema.parse({ ...structuredClone(template.service), id: serviceId, name: serviceId });
  let next: Topology = { ...topology, services: [...topology.services, service] };
  if (where.tierId && where.hostId && service.kind !== 'external') next = placeService(next, where.tierId, serviceId, where.hostId);
  return { topology: next, serviceId };
}

/** Replaces fields of a service; the caller validates (the inspector parses every field). */
export function updateService(topology: Topology, serviceId: string, patch: Partial<Omit<Service, 'id'>>): Topology {
  let changed = false;
  const services = topology.services.map((s) => {
    if (s.id !== serviceId) return s;
    changed = true;
    return { ...s, ...patch };
  });
  return changed ? { ...topology, services } : topology;
}

/**
 * Places a service on a host of one tier (null = unplaced, back to the tray). Per-tier
 * overrides are kept when it moves between hosts. Its saved position in that tier's view
 * is dropped, since it was relative to the old host, unless `position` gives the new one.
 */
export function placeService(topology: Topology, tierId: string, serviceId: string, hostId: string | null, position?: { x: number; y: number }): Topology {
  const tier = topology.tiers.find((t) => t.id === tierId);
  if (!tier) return topology;
  if (hostId !== null && !tier.hosts.some((h) => h.id === hostId)) return topology;
  const current = tier.placements.find((p) => p.service === serviceId);
  if ((current?.host ?? null) === hostId) return topology;
  let next = updateTier(topology, tierId, (t) => {
    if (hostId === null) return { ...t, placements: t.placements.filter((p) => p.service !== serviceId) };
    if (current) return { ...t, placements: t.placements.map((p) => (p.service === serviceId ? { ...p, host: hostId } : p)) };
    return { ...t, placements: [...t.placements, { service: serviceId, host: hostId }] };
  });
  const view = hostViewKey(tierId);
  const key = nodeKey('service', serviceId);
  const layout = forgetPositions(next.layout, new Set([key]), view);
  if (position) layout[view] = { ...layout[view], [key]: { x: Math.round(position.x), y: Math.round(position.y) } };
  if (layout !== next.layout) next = { ...next, layout };
  return next;
}
