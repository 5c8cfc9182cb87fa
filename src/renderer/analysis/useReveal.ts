import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { Finding } from '../../shared/rules';
import { useAppStore } from '../store';
import { edgeIdOf, nodeIdOf } from './nodeFindings';

/** Selects what a finding points at and brings it into view. */
export function useRevealFinding(): (finding: Finding) => void {
  const { fitView } = useReactFlow();
  return useCallback(
    (finding: Finding) => {
      const { nodes, edges, onNodesChange, onEdgesChange } = useAppStore.getState();
      const nodeId = finding.targets.map(nodeIdOf).find((id) => id !== undefined && nodes.some((n) => n.id === id));
      const edgeId = nodeId === undefined ? finding.targets.map(edgeIdOf).find((id) => id !== undefined && edges.some((e) => e.id === id)) : undefined;
      onNodesChange(nodes.filter((n) => n.selected || n.id === nodeId).map((n) => ({ type: 'select', id: n.id, selected: n.id === nodeId })));
      onEdgesChange(edges.filter((e) => e.selected || e.id === edgeId).map((e) => ({ type: 'select', id: e.id, selected: e.id === edgeId })));
      if (nodeId !== undefined) void fitView({ nodes: [{ id: nodeId }], duration: 250, maxZoom: 1.2, padding: 0.6 });
      else if (edgeId !== undefined) {
        const edge = edges.find((e) => e.id === edgeId)!;
        void fitView({ nodes: [{ id: edge.source }, { id: edge.target }], duration: 250, maxZoom: 1.2, padding: 0.3 });
      }
    },
    [fitView],
  );
}
