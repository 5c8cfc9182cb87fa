import { BaseEdge, useStore, type EdgeProps, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { dependencyPath } from '../edgePath';
import type { DependencyEdge } from '../types';

type Ends = readonly [InternalNode | undefined, InternalNode | undefined];
const sameEnds = (a: Ends, b: Ends) => a[0] === b[0] && a[1] === b[1];

/** `from` needs `to`: drawn border to border, solid when hard, dashed when soft, arrow at `to`. */
export const DependencyEdgeView = memo(function DependencyEdgeView({ id, source, target, data, markerEnd, selected }: EdgeProps<DependencyEdge>) {
  // One subscription for both ends (React Flow replaces a node's record when it moves or
  // is measured): with 2,000+ edges, every drag move runs this selector once per edge.
  const [sourceNode, targetNode] = useStore(
    useCallback((s: ReactFlowState): Ends => [s.nodeLookup.get(source), s.nodeLookup.get(target)], [source, target]),
    sameEnds,
  );
  if (!sourceNode || !targetNode || !data) return null;
  const path = dependencyPath(sourceNode, targetNode);
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      className={`dep dep--${data.kind}${selected ? ' is-selected' : ''}`}
      data-testid={`edge-${data.from}-${data.to}`}
      data-kind={data.kind}
    />
  );
});
