import { hostViewKey, type Tier, type Topology } from '../model';
import { newTierId } from './ids';

/** Replaces one tier through `recipe`; the topology is returned unchanged if it is absent. */
export function updateTier(topology: Topology, tierId: string, recipe: (tier: Tier) => Tier): Topology {
  let changed = false;
  const tiers = topology.tiers.map((t) => {
    if (t.id !== tierId) return t;
    const next = recipe(t);
    changed = next !== t;
    return next;
  });
  return changed ? { ...topology, tiers } : topology;
}

/** An empty tier at the end; every service starts unplaced in it. */
export function addTier(topology: Topology, name = `Tier ${topology.tiers.length + 1}`): { topology: Topology; tierId: string } {
  const tierId = newTierId(topology, name);
  return { topology: { ...topology, tiers: [...topology.tiers, { id: tierId, name, hosts: [], placements: [] }] }, tierId };
}

/**
 * A copy of a tier right after it, with the same hosts, placements and canvas layout —
 * the usual way to grow: copy tier A, then split a host.
 */
export function duplicateTier(topology: Topology, tierId: string): { topology: Topology; tierId: string } | undefined {
  const index = topology.tiers.findIndex((t) => t.id === tierId);
  const source = topology.tiers[index];
  if (!source) return undefined;
  const name = `${source.name} copy`;
  const copyId = newTierId(topology, `${source.id}-copy`);
  const copy: Tier = structuredClone({ ...source, id: copyId, name });
  const tiers = [...topology.tiers.slice(0, index + 1), copy, ...topology.tiers.slice(index + 1)];
  const layout = topology.layout[hostViewKey(tierId)];
  return {
    topology: { ...topology, tiers, layout: layout ? { ...topology.layout, [hostViewKey(copyId)]: structuredClone(layout) } : topology.layout },
    tierId: copyId,
  };
}

export function renameTier(topology: Topology, tierId: string, name: string): Topology {
  const trimmed = name.trim();
  if (trimmed === '') return topology;
  return updateTier(topology, tierId, (t) => (t.name === trimmed ? t : { ...t, name: trimmed }));
}

/** Moves a tier by `delta` places (−1 = one to the left), clamped to the ends. */
export function moveTier(topology: Topology, tierId: string, delta: number): Topology {
  const from = topology.tiers.findIndex((t) => t.id === tierId);
  if (from < 0) return topology;
  const to = Math.max(0, Math.min(topology.tiers.length - 1, from + delta));
  if (to === from) return topology;
  const tiers = [...topology.tiers];
  const [tier] = tiers.splice(from, 1);
  tiers.splice(to, 0, tier!);
  return { ...topology, tiers };
}

/** Removes a tier and its canvas layout; services are shared and stay. */
export function deleteTier(topology: Topology, tierId: string): Topology {
  if (!topology.tiers.some((t) => t.id === tierId)) return topology;
  const { [hostViewKey(tierId)]: _dropped, ...layout } = topology.layout;
  return { ...topology, tiers: topology.tiers.filter((t) => t.id !== tierId), layout };
}
