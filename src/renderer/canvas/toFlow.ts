import { MarkerType } from '@xyflow/react';
import { indexTopology, nodeKey, type Host, type Placement, type Service, type Topology } from '../../shared/model';
import { tierCapacity, effectiveReplicas, effectiveResources, type HostCapacity } from '../../shared/view/capacity';
import { layoutCanvas, type CanvasBox, type CanvasLayout, type CanvasService } from '../../shared/view/canvas-layout';
import { formatCaps } from '../../shared/view/format';
import type {
  DependencyEdge,
  Flow,
  FlowNode,
  GroupNode,
  GroupNodeData,
  HostNode,
  HostNodeData,
  ServiceNode,
  ServiceNodeData,
  ViewKind,
} from './types';

export const EXTERNAL_GROUP_ID = 'group:external';
export const TRAY_GROUP_ID = 'group:tray';
export const NO_PLANE_GROUP_ID = 'group:no-plane';

/** React Flow ids are the layout's node keys, so a position maps straight back to the file. */
export const serviceNodeId = (serviceId: string): string => nodeKey('service', serviceId);
export const hostNodeId = (hostId: string): string => nodeKey('host', hostId);
export const planeNodeId = (planeId: string): string => nodeKey('plane', planeId);
export const dependencyEdgeId = (from: string, to: string): string => `dependency:${from}->${to}`;

/**
 * The one adapter from the model to React Flow. Pure: the same topology, tier and view
 * give the same nodes and edges.
 *
 * Host view: each host of the tier is a group node sized to contain the services placed
 * on it (child positions are relative to the host); external services sit in a column
 * left of the hosts, unplaced services in a tray below them. Plane view: each plane is a
 * group of its services (external ones included), each service labelled with its host.
 *
 * Positions and sizes come from `layoutCanvas` (src/shared/view), which the SVG export
 * shares: saved positions from `topology.layout[view]` (hosts and groups absolute,
 * services relative to their box), else a deterministic grid. Dependencies become edges
 * (hard solid, soft dashed); one whose end is not a service is skipped.
 */
export function toFlow(topology: Topology, tierId: string | undefined, view: ViewKind = 'host'): Flow {
  return { nodes: flowNodes(topology, tierId, view), edges: dependencyEdges(topology) };
}

/** The boxes alone: they depend on the tier and the view; the edges do not. */
export function flowNodes(topology: Topology, tierId: string | undefined, view: ViewKind = 'host'): FlowNode[] {
  return view === 'plane' ? planeViewNodes(topology, tierId) : hostViewNodes(topology, tierId);
}

interface ServiceContext {
  placementByService: ReadonlyMap<string, Placement>;
  planes: ReadonlyMap<string, { name: string; color: string }>;
  hostNameByService?: ReadonlyMap<string, string>;
}

function hostViewNodes(topology: Topology, tierId: string | undefined): FlowNode[] {
  const tier = tierId !== undefined ? indexTopology(topology).tier(tierId) : undefined;
  const context: ServiceContext = { placementByService: tier?.placementByService ?? new Map(), planes: planeInfo(topology) };
  const capacity = tier ? tierCapacity(topology, tier.tier) : new Map<string, HostCapacity>();
  const environments = new Map(topology.environments.map((e) => [e.id, e]));
  const count = (box: CanvasBox) => box.services.length;
  return boxNodes(topology, layoutCanvas(topology, tierId, 'host'), context, (box) => {
    if (box.kind === 'host') {
      const host = tier?.hostsById.get(box.hostId ?? '');
      const usage = host ? capacity.get(host.id) : undefined;
      return host && usage ? hostNode(host, environments.get(host.environment), usage) : undefined;
    }
    if (box.kind === 'external') return groupNode(box, { group: 'external', label: 'External', hint: 'outside your hosts', count: count(box) });
    if (box.kind === 'tray') {
      return groupNode(box, { group: 'tray', label: 'Unplaced', hint: tier ? `not placed on a host in ${tier.tier.name}` : 'no tier to place them in', count: count(box) });
    }
    return undefined;
  });
}

function planeViewNodes(topology: Topology, tierId: string | undefined): FlowNode[] {
  const tier = tierId !== undefined ? indexTopology(topology).tier(tierId) : undefined;
  const hostNameByService = new Map<string, string>();
  for (const [hostId, services] of tier?.servicesByHost ?? []) {
    const host = tier?.hostsById.get(hostId);
    for (const s of services) if (host) hostNameByService.set(s.id, host.name);
  }
  const context: ServiceContext = { placementByService: tier?.placementByService ?? new Map(), planes: planeInfo(topology), hostNameByService };
  const planes = new Map(topology.planes.map((p) => [p.id, p]));
  return boxNodes(topology, layoutCanvas(topology, tierId, 'plane'), context, (box) => {
    if (box.kind === 'no-plane') return groupNode(box, { group: 'no-plane', label: 'No plane', hint: 'services without a plane', count: box.services.length });
    const plane = box.kind === 'plane' ? planes.get(box.planeId ?? '') : undefined;
    if (!plane) return undefined;
    return groupNode(box, { group: 'plane', label: plane.name, hint: plane.purpose, color: plane.color, planeId: plane.id, count: box.services.length });
  });
}

/**
 * Turns the shared canvas layout (positions and sizes, also used by the SVG export) into
 * React Flow nodes: each box, then its services with positions relative to it, because
 * React Flow wants a parent before its children.
 */
function boxNodes(
  topology: Topology,
  layout: CanvasLayout,
  context: ServiceContext,
  boxNode: (box: CanvasBox) => HostNode | GroupNode | undefined,
): FlowNode[] {
  const servicesById = new Map(topology.services.map((s) => [s.id, s]));
  const nodes: FlowNode[] = [];
  for (const box of layout.boxes) {
    const parent = boxNode(box);
    if (!parent) continue;
    nodes.push({ ...parent, position: { x: box.x, y: box.y }, width: box.width, height: box.height } as FlowNode);
    for (const placed of box.services) {
      const service = servicesById.get(placed.serviceId);
      if (service) nodes.push(serviceNode(service, placed, box.key, context));
    }
  }
  return nodes;
}

function groupNode(box: CanvasBox, data: GroupNodeData): GroupNode {
  return { id: box.key, type: 'group', position: { x: box.x, y: box.y }, data, selectable: false, draggable: false };
}

function planeInfo(topology: Topology): Map<string, { name: string; color: string }> {
  return new Map(topology.planes.map((p) => [p.id, { name: p.name, color: p.color }]));
}

function serviceNode(service: Service, placed: CanvasService, parentId: string, context: ServiceContext): ServiceNode {
  const placement = context.placementByService.get(service.id);
  const resources = effectiveResources(service, placement);
  const plane = service.plane !== undefined ? context.planes.get(service.plane) : undefined;
  const data: ServiceNodeData = {
    serviceId: service.id,
    name: service.name,
    kind: service.kind,
    image: service.image,
    description: service.description,
    caps: service.kind === 'external' ? 'external' : formatCaps(resources),
    hasCaps: resources.cpu?.limit !== undefined || resources.memoryMiB?.limit !== undefined,
    color: plane?.color,
    planeName: plane?.name,
    replicas: effectiveReplicas(service, placement),
    exposure: service.exposure,
    stateful: service.stateful,
    hostName: context.hostNameByService?.get(service.id),
  };
  return {
    id: serviceNodeId(service.id),
    type: 'service',
    position: { x: placed.offset.x, y: placed.offset.y },
    parentId,
    data,
    width: placed.width,
    height: placed.height,
  };
}

function hostNode(
  host: Host,
  environment: { name: string; kind: HostNodeData['environmentKind'] } | undefined,
  capacity: HostCapacity,
): HostNode {
  return {
    id: hostNodeId(host.id),
    type: 'host',
    position: { x: 0, y: 0 },
    data: {
      hostId: host.id,
      name: host.name,
      flavor: host.flavor,
      provider: host.provider,
      cpu: host.cpu,
      memoryMiB: host.memoryMiB,
      environmentId: host.environment,
      environmentName: environment?.name ?? host.environment,
      environmentKind: environment?.kind ?? 'other',
      publicIp: host.publicIp,
      role: host.role,
      capacity,
    },
  };
}

/** The edges depend only on the services and the dependencies. */
export function dependencyEdges(topology: Topology): DependencyEdge[] {
  const known = new Set(topology.services.map((s) => s.id));
  return topology.dependencies
    .filter((d) => known.has(d.from) && known.has(d.to) && d.from !== d.to)
    .map((d) => ({
      id: dependencyEdgeId(d.from, d.to),
      type: 'dependency',
      source: serviceNodeId(d.from),
      target: serviceNodeId(d.to),
      data: { kind: d.kind, port: d.port, from: d.from, to: d.to },
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: d.kind === 'hard' ? 'var(--edge-hard)' : 'var(--edge-soft)' },
    }));
}
