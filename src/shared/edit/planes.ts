import { type Plane, type Topology } from '../model';
import { newPlaneId } from './ids';

/** Colours for new planes, distinct enough on light and dark canvases. */
export const PLANE_COLORS = ['#3b82f6', '#10b981', '#f59e0b', '#8b5cf6', '#ef4444', '#14b8a6', '#ec4899', '#64748b'] as const;

export function addPlane(topology: Topology, name = 'New plane'): { topology: Topology; planeId: string } {
  const planeId = newPlaneId(topology, name);
  const used = new Set(topology.planes.map((p) => p.color.toLowerCase()));
  const color = PLANE_COLORS.find((c) => !used.has(c)) ?? PLANE_COLORS[topology.planes.length % PLANE_COLORS.length]!;
  const plane: Plane = { id: planeId, name, color, internal: false };
  return { topology: { ...topology, planes: [...topology.planes, plane] }, planeId };
}

export function updatePlane(topology: Topology, planeId: string, patch: Partial<Omit<Plane, 'id'>>): Topology {
  if (!topology.planes.some((p) => p.id === planeId)) return topology;
  return { ...topology, planes: topology.planes.map((p) => (p.id === planeId ? { ...p, ...patch } : p)) };
}
