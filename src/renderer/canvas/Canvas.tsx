import { Background, BackgroundVariant, Controls, MiniMap, Panel, ReactFlow, useReactFlow, type ColorMode } from '@xyflow/react';
import { useEffect } from 'react';
import './canvas.css';
import { useAppStore } from '../store';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { PlanesLegend } from './PlanesLegend';
import type { DependencyEdge, FlowNode } from './types';

/** Room on the right for the legend and the minimap, so that fitting never hides a box under them. */
const FIT_VIEW_OPTIONS = { padding: { top: '28px', bottom: '28px', left: '64px', right: '236px' }, maxZoom: 1.2 } as const;

function minimapColor(node: FlowNode): string {
  switch (node.type) {
    case 'service':
      return node.data.color ?? '#94a3b8';
    case 'host':
      return 'transparent';
    case 'group':
      return 'transparent';
  }
}

function minimapStroke(node: FlowNode): string {
  return node.type === 'service' ? 'transparent' : 'var(--minimap-box)';
}

/** Fits the view when a document opens, the tier changes or the view changes. */
function FitOnChange() {
  const { fitView } = useReactFlow();
  const documentKey = useAppStore((s) => s.documentKey);
  const tierId = useAppStore((s) => s.tierId);
  const view = useAppStore((s) => s.view);
  useEffect(() => {
    void fitView(FIT_VIEW_OPTIONS);
  }, [fitView, documentKey, tierId, view]);
  return null;
}

/** The React Flow view over the store's nodes and edges. */
export function Canvas({ colorMode }: { colorMode: ColorMode }) {
  const nodes = useAppStore((s) => s.nodes);
  const edges = useAppStore((s) => s.edges);
  const onNodesChange = useAppStore((s) => s.onNodesChange);
  const onEdgesChange = useAppStore((s) => s.onEdgesChange);
  const tierId = useAppStore((s) => s.tierId);
  const view = useAppStore((s) => s.view);
  return (
    <div className="canvas" data-testid="canvas" data-tier={tierId ?? ''} data-view={view}>
      <ReactFlow<FlowNode, DependencyEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        colorMode={colorMode}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
        maxZoom={2.5}
        nodesDraggable={false}
        nodesConnectable={false}
        deleteKeyCode={null}
        elevateEdgesOnSelect
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <MiniMap<FlowNode> nodeColor={minimapColor} nodeStrokeColor={minimapStroke} nodeStrokeWidth={3} nodeBorderRadius={6} pannable zoomable ariaLabel="Overview" />
        <Controls showInteractive={false} />
        <Panel position="top-right">
          <PlanesLegend />
        </Panel>
        <FitOnChange />
      </ReactFlow>
    </div>
  );
}
