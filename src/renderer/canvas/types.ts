import type { Edge, Node } from '@xyflow/react';
import type { EnvironmentKind, ServiceKind } from '../../shared/model';
import type { HostCapacity } from '../../shared/view/capacity';

/** The two views of one model: services nested in hosts, or grouped by plane. */
export type ViewKind = 'host' | 'plane';

export type ServiceNodeData = {
  serviceId: string;
  name: string;
  kind: ServiceKind;
  image?: string;
  description?: string;
  /** "0.5–1 cpu · 512 MiB–1 GiB", or "no caps". */
  caps: string;
  hasCaps: boolean;
  /** The plane's colour, or undefined for a service without (or with an unknown) plane. */
  color?: string;
  planeName?: string;
  /** Effective on the tier (placement override, else the service's). 0 = hibernated. */
  replicas: number;
  exposure: 'public' | 'internal';
  stateful: boolean;
  /** In the plane view: the host the service runs on in the tier (or undefined). */
  hostName?: string;
};

export type HostNodeData = {
  hostId: string;
  name: string;
  flavor?: string;
  provider?: string;
  cpu: number;
  memoryMiB: number;
  environmentId: string;
  environmentName: string;
  environmentKind: EnvironmentKind | 'other';
  publicIp: boolean;
  role: 'active' | 'standby';
  capacity: HostCapacity;
};

/** A container that is not a host: external services, the unplaced tray, a plane (plane view). */
export type GroupNodeData = {
  group: 'external' | 'tray' | 'plane' | 'no-plane';
  label: string;
  hint?: string;
  color?: string;
  planeId?: string;
  count: number;
};

export type ServiceNode = Node<ServiceNodeData, 'service'>;
export type HostNode = Node<HostNodeData, 'host'>;
export type GroupNode = Node<GroupNodeData, 'group'>;
export type FlowNode = ServiceNode | HostNode | GroupNode;

export type DependencyEdgeData = {
  kind: 'hard' | 'soft';
  port?: number;
  from: string;
  to: string;
};
export type DependencyEdge = Edge<DependencyEdgeData, 'dependency'>;

export interface Flow {
  nodes: FlowNode[];
  edges: DependencyEdge[];
}
