import { BaseEdge, getBezierPath, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { floatingEdge, type Rect } from '../floating';
import type { DependencyEdge } from '../types';

function rectOf(node: InternalNode): Rect {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/** `from` needs `to`: drawn border to border, solid when hard, dashed when soft, arrow at `to`. */
export const DependencyEdgeView = memo(function DependencyEdgeView({ id, source, target, data, markerEnd, selected }: EdgeProps<DependencyEdge>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode || !data) return null;
  const [path] = getBezierPath({ ...floatingEdge(rectOf(sourceNode), rectOf(targetNode)), curvature: 0.2 });
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
