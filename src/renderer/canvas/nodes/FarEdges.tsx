import { useStore, useStoreApi, ViewportPortal, type InternalNode } from '@xyflow/react';
import { memo, type MouseEvent } from 'react';
import { useAppStore } from '../../store';
import { dependencyShape, selectDrawnNodes } from '../edgePath';
import type { DependencyEdge } from '../types';

/** One dependency; redrawn only when one of its two boxes moved or was measured (React Flow replaces that node's record). */
const FarEdgeLine = memo(function FarEdgeLine({ edge, source, target }: { edge: DependencyEdge; source?: InternalNode; target?: InternalNode }) {
  if (!source || !target || !edge.data) return null;
  const { line, arrow } = dependencyShape(source, target);
  const kind = edge.data.kind;
  return (
    // `nopan`: a press on a line selects it and does not start a pan, as on React Flow's edges.
    <g className={`far-edge far-edge--${kind} nopan`} data-id={edge.id} data-testid={`edge-${edge.data.from}-${edge.data.to}`} data-kind={kind}>
      <path d={line} className="far-edge__line" />
      <path d={arrow} className="far-edge__arrow" />
    </g>
  );
});

const selectNothing = () => null;

/**
 * Every dependency of a large map zoomed far out, in one SVG under the services. React Flow
 * draws each edge in its own SVG with three store subscriptions; with 2,000+ edges on screen
 * that was most of a drag's cost (layer building, layout, paint and selector runs per move;
 * BENCHMARKS.md "Canvas"). A click selects the dependency (Shift, Ctrl or ⌘ adds it), and a
 * selected one is handed back to React Flow, which draws it highlighted.
 */
export function FarEdges({ edges }: { edges: DependencyEdge[] }) {
  // While a box is dragged the picture stands in for these lines (FarSnapshot): they catch up at the drop.
  const gesture = useAppStore((s) => s.pointerGesture);
  useStore(gesture ? selectNothing : selectDrawnNodes);
  const lookup = useStoreApi().getState().nodeLookup;
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const id = (event.target as Element).closest('.far-edge')?.getAttribute('data-id');
    if (!id) return;
    const { selectedNodeIds, selectedEdgeIds, setSelection } = useAppStore.getState();
    const adding = event.shiftKey || event.ctrlKey || event.metaKey;
    setSelection(adding ? selectedNodeIds : [], adding ? [...selectedEdgeIds, id] : [id]);
  };
  return (
    <ViewportPortal>
      <svg className="far-edges" data-testid="far-edges" onClick={onClick}>
        {edges.map((edge) => (
          <FarEdgeLine key={edge.id} edge={edge} source={lookup.get(edge.source)} target={lookup.get(edge.target)} />
        ))}
      </svg>
    </ViewportPortal>
  );
}
