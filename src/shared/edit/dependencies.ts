import type { Dependency, DependencyKind, Topology } from '../model';

export type ConnectResult = { topology: Topology } | { error: string };

/** `from` depends on `to`. Refuses what the file format refuses, with the reason. */
export function connect(topology: Topology, from: string, to: string, kind: DependencyKind = 'hard'): ConnectResult {
  if (from === to) return { error: 'A service cannot depend on itself.' };
  const ids = new Set(topology.services.map((s) => s.id));
  if (!ids.has(from) || !ids.has(to)) return { error: 'Both ends of a dependency must be services.' };
  if (topology.dependencies.some((d) => d.from === from && d.to === to)) return { error: `"${from}" already depends on "${to}".` };
  return { topology: { ...topology, dependencies: [...topology.dependencies, { from, to, kind }] } };
}

export function updateDependency(topology: Topology, from: string, to: string, patch: Partial<Omit<Dependency, 'from' | 'to'>>): Topology {
  if (!topology.dependencies.some((d) => d.from === from && d.to === to)) return topology;
  return { ...topology, dependencies: topology.dependencies.map((d) => (d.from === from && d.to === to ? { ...d, ...patch } : d)) };
}

/** Hard ↔ soft. */
export function toggleDependencyKind(topology: Topology, from: string, to: string): Topology {
  const dep = topology.dependencies.find((d) => d.from === from && d.to === to);
  return dep ? updateDependency(topology, from, to, { kind: dep.kind === 'hard' ? 'soft' : 'hard' }) : topology;
}
