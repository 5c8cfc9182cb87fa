import { topologySchema, uniqueId, type Topology } from '../model';
import type { ImportNote } from './report';

/**
 * Puts an imported topology (one host, as `fromCompose` makes it) into a tier of the open
 * one: planes with the same name are shared, clashing service and host ids are renamed
 * (each rename is a note), and the host joins the tier's environment.
 */
export function mergeImported(current: Topology, imported: Topology, tierId: string): { topology: Topology; notes: ImportNote[] } {
  const tier = current.tiers.find((t) => t.id === tierId);
  if (!tier) throw new Error(`no tier "${tierId}"; the file has ${current.tiers.map((t) => `"${t.id}"`).join(', ') || 'no tiers'}`);
  const notes: ImportNote[] = [];

  const planeIds = new Map<string, string>();
  const planes = [...current.planes];
  const planeTaken = new Set(planes.map((p) => p.id));
  for (const plane of imported.planes) {
    const same = current.planes.find((p) => p.name.toLowerCase() === plane.name.toLowerCase());
    if (same) planeIds.set(plane.id, same.id);
    else {
      const id = uniqueId(plane.id, planeTaken);
      planeTaken.add(id);
      planeIds.set(plane.id, id);
      planes.push({ ...plane, id });
    }
  }

  const serviceIds = new Map<string, string>();
  const idsTaken = new Set(current.services.map((s) => s.id));
  const namesTaken = new Set(current.services.map((s) => s.name));
  const services = imported.services.map((service) => {
    const id = uniqueId(service.id, idsTaken);
    idsTaken.add(id);
    serviceIds.set(service.id, id);
    let name = service.name;
    for (let n = 2; namesTaken.has(name); n++) name = `${service.name}-${n}`;
    namesTaken.add(name);
    if (id !== service.id || name !== service.name) notes.push({ where: `services.${service.name}`, message: `the topology already has a service of that name; imported as "${name}"` });
    return { ...service, id, name, ...(service.plane ? { plane: planeIds.get(service.plane) ?? service.plane } : {}) };
  });

  const environments = [...current.environments];
  let environment = tier.hosts[0]?.environment ?? environments[0]?.id;
  if (!environment) {
    environments.push(...imported.environments);
    environment = imported.environments[0]?.id;
  }
  const hostIds = new Map<string, string>();
  const hostTaken = new Set(tier.hosts.map((h) => h.id));
  const hosts = (imported.tiers[0]?.hosts ?? []).map((host) => {
    const id = uniqueId(host.id, hostTaken);
    hostTaken.add(id);
    hostIds.set(host.id, id);
    if (id !== host.id) notes.push({ where: `host ${host.name}`, message: `tier "${tier.name}" already has a host "${host.id}"; added as "${id}"` });
    return { ...host, id, environment: environment! };
  });
  const placements = (imported.tiers[0]?.placements ?? []).map((p) => ({ ...p, service: serviceIds.get(p.service)!, host: hostIds.get(p.host) ?? p.host }));
  const dependencies = imported.dependencies.map((d) => ({ ...d, from: serviceIds.get(d.from)!, to: serviceIds.get(d.to)! }));

  const merged = {
    ...current,
    environments,
    planes,
    services: [...current.services, ...services],
    dependencies: [...current.dependencies, ...dependencies],
    tiers: current.tiers.map((t) => (t.id === tierId ? { ...t, hosts: [...t.hosts, ...hosts], placements: [...t.placements, ...placements] } : t)),
  };
  const parsed = topologySchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`the merged topology is not valid at ${issue.path.join('.')}: ${issue.message}`);
  }
  return { topology: parsed.data, notes };
}
