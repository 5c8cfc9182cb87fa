import { hostViewKey, nodeKey, uniqueId, type Dependency, type Host, type Placement, type Service, type Topology } from '../model';
import { newServiceId } from './ids';
import { pinPackedBoxes } from './layout';
import { updateTier } from './tiers';

/** What Copy keeps: services and hosts with the dependencies and placements among them. */
export interface Fragment {
  services: Service[];
  hosts: Host[];
  /** Placements of copied services on copied hosts (in the tier copied from). */
  placements: Placement[];
  dependencies: Dependency[];
}

export function copyFragment(topology: Topology, tierId: string | null, serviceIds: readonly string[], hostIds: readonly string[]): Fragment | null {
  const tier = topology.tiers.find((t) => t.id === tierId);
  const hosts = (tier?.hosts ?? []).filter((h) => hostIds.includes(h.id));
  const hostSet = new Set(hosts.map((h) => h.id));
  // Copying a host copies what runs on it.
  const placedOnHosts = (tier?.placements ?? []).filter((p) => hostSet.has(p.host)).map((p) => p.service);
  const ids = new Set([...serviceIds, ...placedOnHosts]);
  const services = topology.services.filter((s) => ids.has(s.id));
  if (services.length === 0 && hosts.length === 0) return null;
  return structuredClone({
    services,
    hosts,
    placements: (tier?.placements ?? []).filter((p) => ids.has(p.service) && hostSet.has(p.host)),
    dependencies: topology.dependencies.filter((d) => ids.has(d.from) && ids.has(d.to)),
  });
}

export interface Pasted {
  topology: Topology;
  serviceIds: string[];
  hostIds: string[];
}

/**
 * Adds a copy of a fragment with fresh ids and names; copied hosts go into `tierId`
 * (offset on the canvas so they do not cover the originals), with copied services
 * placed on them as they were.
 */
export function pasteFragment(topology: Topology, tierId: string | null, fragment: Fragment, offset = { x: 40, y: 40 }): Pasted {
  let next = topology;
  const serviceMap = new Map<string, string>();
  const services: Service[] = [];
  for (const s of fragment.services) {
    const id = newServiceId(next, s.id);
    serviceMap.set(s.id, id);
    services.push({ ...structuredClone(s), id, name: id });
    next = { ...next, services: [...next.services, services.at(-1)!] };
  }
  const dependencies = fragment.dependencies.map((d) => ({ ...d, from: serviceMap.get(d.from)!, to: serviceMap.get(d.to)! }));
  next = { ...next, dependencies: [...next.dependencies, ...dependencies] };
  const hostIds: string[] = [];
  if (tierId !== null && next.tiers.some((t) => t.id === tierId)) {
    // Pasted hosts are placed by hand, beside their originals: the others stay where they are.
    if (fragment.hosts.length > 0) next = pinPackedBoxes(next, hostViewKey(tierId));
    const hostMap = new Map<string, string>();
    const hosts: Host[] = fragment.hosts.map((h) => {
      const id = uniqueId(h.id, new Set([...next.tiers.flatMap((t) => t.hosts.map((x) => x.id)), ...hostIds]));
      hostMap.set(h.id, id);
      hostIds.push(id);
      return { ...structuredClone(h), id, name: id };
    });
    const placements = fragment.placements.map((p) => ({ ...p, service: serviceMap.get(p.service)!, host: hostMap.get(p.host)! }));
    next = updateTier(next, tierId, (t) => ({ ...t, hosts: [...t.hosts, ...hosts], placements: [...t.placements, ...placements] }));
    const view = next.layout[hostViewKey(tierId)];
    if (view) {
      const added: Record<string, { x: number; y: number }> = {};
      for (const [oldId, id] of hostMap) {
        const p = view[nodeKey('host', oldId)];
        if (p) added[nodeKey('host', id)] = { x: p.x + offset.x, y: p.y + offset.y };
      }
      for (const [oldId, id] of serviceMap) {
        const p = view[nodeKey('service', oldId)];
        if (p && fragment.placements.some((pl) => pl.service === oldId)) added[nodeKey('service', id)] = { x: p.x, y: p.y };
      }
      if (Object.keys(added).length > 0) next = { ...next, layout: { ...next.layout, [hostViewKey(tierId)]: { ...view, ...added } } };
    }
  }
  return { topology: next, serviceIds: [...serviceMap.values()], hostIds };
}
