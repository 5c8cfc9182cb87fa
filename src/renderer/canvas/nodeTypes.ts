import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { DependencyEdgeView } from './nodes/DependencyEdge';
import { GroupNodeView } from './nodes/GroupNode';
import { HostNodeView } from './nodes/HostNode';
import { ServiceNodeView } from './nodes/ServiceNode';

/** At module scope, so that React Flow never sees new types and remounts every node. */
export const nodeTypes = {
  host: HostNodeView,
  service: ServiceNodeView,
  group: GroupNodeView,
} satisfies NodeTypes;

export const edgeTypes = {
  dependency: DependencyEdgeView,
} satisfies EdgeTypes;
