import { Controls, MiniMap, Panel, ReactFlow, useReactFlow, useStore, type ColorMode, type OnConnect, type OnConnectEnd, type OnNodeDrag } from '@xyflow/react';
import { useCallback, useEffect, useMemo, type DragEvent } from 'react';
import { containerAt } from '../store/dragLogic';
import { parseNodeId } from '../store/editorSlice';
import { PALETTE_MIME, readPaletteItem } from '../components/Palette/dnd';
import './canvas.css';
import { useAppStore } from '../store';
import { FarContext, isFarZoom } from './farView';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { FarEdges } from './nodes/FarEdges';
import { DotGrid } from './nodes/DotGrid';
import { FarSnapshot } from './nodes/FarSnapshot';
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

/** Gives the store the operations only React Flow can do (zoom, fit, focus a node). */
function RegisterControls() {
  const flow = useReactFlow<FlowNode, DependencyEdge>();
  const registerCanvas = useAppStore((s) => s.registerCanvas);
  useEffect(() => {
    registerCanvas({
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      fitView: () => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }),
      focusNode: (id) => void flow.fitView({ nodes: [{ id }], maxZoom: 1.2, duration: 250, padding: 0.6 }),
    });
    return () => registerCanvas(null);
  }, [flow, registerCanvas]);
  return null;
}

const GRID: [number, number] = [10, 10];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

/**
 * A map with more nodes than this is drawn for its size (bench/canvas.bench.ts, BENCHMARKS.md
 * "Canvas"). Zoomed in, only the boxes on screen are rendered (a pan mounts those coming into
 * view). Far out, where everything is on screen and culling would be work for nothing, the
 * dependencies are drawn together in one SVG (FarEdges) and React Flow keeps only the
 * selected ones, and while the view is panned a picture stands in for all of it (FarSnapshot).
 * Zoomed in, `is-culling` also gives the view a compositing layer (canvas.css).
 */
const LARGE_MAP_NODES = 500;

/** The React Flow view over the store's nodes and edges. */
export function Canvas({ colorMode }: { colorMode: ColorMode }) {
  const nodes = useAppStore((s) => s.nodes);
  const edges = useAppStore((s) => s.edges);
  const onNodesChange = useAppStore((s) => s.onNodesChange);
  const onEdgesChange = useAppStore((s) => s.onEdgesChange);
  const tierId = useAppStore((s) => s.tierId);
  const view = useAppStore((s) => s.view);
  const editable = useAppStore((s) => !s.readOnly);
  const snapToGrid = useAppStore((s) => s.snapToGrid);
  const commitDrag = useAppStore((s) => s.commitDrag);
  const connect = useAppStore((s) => s.connect);
  const addFromPalette = useAppStore((s) => s.addFromPalette);
  const { screenToFlowPosition } = useReactFlow();
  const far = useStore(isFarZoom);
  const large = nodes.length > LARGE_MAP_NODES;
  // Split only when the edges or the zoom band change, never per drag move.
  const [flowEdges, farEdges] = useMemo(() => (far && large ? [edges.filter((e) => e.selected), edges.filter((e) => !e.selected)] : [edges, []]), [edges, far, large]);
  // Stable handlers: React Flow copies every changed prop into its store, one update each,
  // and every node and edge re-checks its selectors on each update — per drag move, since
  // a move re-renders this component (bench/canvas.bench.ts, BENCHMARKS.md "Canvas").
  const setPointerGesture = useAppStore((s) => s.setPointerGesture);
  const onNodeDragStart = useCallback(() => setPointerGesture(true), [setPointerGesture]);
  const onNodeDragStop = useCallback<OnNodeDrag<FlowNode>>(
    (_event, _node, dragged) => {
      setPointerGesture(false);
      commitDrag(dragged.map((n) => n.id));
    },
    [commitDrag, setPointerGesture],
  );
  // Only moves the pointer makes (a drag of the pane, the wheel): a programmatic fit has no event.
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => event && setPointerGesture(true), [setPointerGesture]);
  const onMoveEnd = useCallback(() => setPointerGesture(false), [setPointerGesture]);
  const onConnect = useCallback<OnConnect>(({ source, target }) => connect(parseNodeId(source).id, parseNodeId(target).id), [connect]);
  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, state) => {
      // Dropping anywhere on a service connects to it, not only on its (hidden) target handle.
      if (state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const id = document.elementFromPoint(point.clientX, point.clientY)?.closest('.react-flow__node-service')?.getAttribute('data-id');
      if (id && id !== state.fromNode.id) connect(parseNodeId(state.fromNode.id).id, parseNodeId(id).id);
    },
    [connect],
  );

  const onDragOver = (event: DragEvent) => {
    if (!editable || !event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const item = readPaletteItem(event.dataTransfer);
    if (!item || !editable) return;
    event.preventDefault();
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const target = containerAt(useAppStore.getState().nodes, point.x, point.y);
    addFromPalette(item, { hostId: target?.type === 'host' ? target.data.hostId : null, position: point });
  };

  return (
    <div className={far ? 'canvas is-far' : large ? 'canvas is-culling' : 'canvas'} data-testid="canvas" data-tier={tierId ?? ''} data-view={view} onDragOver={onDragOver} onDrop={onDrop}>
      <FarContext value={far}>
      <ReactFlow<FlowNode, DependencyEdge>
        nodes={nodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        colorMode={colorMode}
        onlyRenderVisibleElements={!far && large}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
        maxZoom={2.5}
        nodesDraggable={editable}
        nodesConnectable={editable}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        snapToGrid={snapToGrid}
        snapGrid={GRID}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        deleteKeyCode={null}
        elevateEdgesOnSelect
        // A selected host raised to z 1000 would cover its services, which canvas.css keeps
        // low (just above the edges) so that edges never swallow a press on a handle.
        elevateNodesOnSelect={false}
      >
        <DotGrid gap={20} size={1.2} />
        <MiniMap<FlowNode> nodeColor={minimapColor} nodeStrokeColor={minimapStroke} nodeStrokeWidth={3} nodeBorderRadius={6} pannable zoomable ariaLabel="Overview" />
        <Controls showInteractive={false} />
        <Panel position="top-right">
          <PlanesLegend />
        </Panel>
        {farEdges.length > 0 && <FarEdges edges={farEdges} />}
        {far && large && <FarSnapshot edges={farEdges} />}
        <FitOnChange />
        <RegisterControls />
      </ReactFlow>
      </FarContext>
    </div>
  );
}
