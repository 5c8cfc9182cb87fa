import { useStoreApi, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { boxElements, paintSnapshot, sceneFor } from '../farSnapshot';
import type { DependencyEdge, FlowNode } from '../types';

/** On the canvas root while the picture stands in for the boxes (canvas.css hides them). */
export const SNAPSHOT_CLASS = 'is-snapshot';

/**
 * While a large map zoomed far out is panned, a picture of it stands in for its boxes and lines
 * (farSnapshot.ts). It is painted at the pan's first move — a press that does not move (a click
 * to clear the selection) changes nothing — and the boxes come back when the pointer is let go.
 */
export function FarSnapshot({ edges }: { edges: DependencyEdge[] }) {
  const store = useStoreApi<FlowNode, DependencyEdge>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const edgesRef = useRef(edges);
  edgesRef.current = edges;

  useEffect(() => {
    const canvas = canvasRef.current;
    const root = canvas?.closest('.canvas');
    if (!canvas || !root) return;
    let start: ReactFlowState['transform'] | null = null;
    let shown = false;
    const hide = () => {
      shown = false;
      root.classList.remove(SNAPSHOT_CLASS);
      // A picture of a big view is megabytes: give them back between pans.
      canvas.width = 0;
      canvas.height = 0;
    };
    const show = (state: ReactFlowState<FlowNode, DependencyEdge>) => {
      shown = true;
      const style = getComputedStyle(root);
      const scene = sceneFor({
        nodeLookup: state.nodeLookup,
        edges: edgesRef.current,
        transform: state.transform,
        viewSize: { width: state.width, height: state.height },
        dpr: window.devicePixelRatio || 1,
        boxes: boxElements(root),
        edgeColors: { hard: style.getPropertyValue('--edge-hard').trim(), soft: style.getPropertyValue('--edge-soft').trim() },
      });
      const ctx = scene && canvas.getContext('2d');
      if (!scene || !ctx) return;
      canvas.style.left = `${scene.area.x}px`;
      canvas.style.top = `${scene.area.y}px`;
      canvas.style.width = `${scene.area.width}px`;
      canvas.style.height = `${scene.area.height}px`;
      canvas.width = Math.ceil(scene.area.width * scene.scale);
      canvas.height = Math.ceil(scene.area.height * scene.scale);
      paintSnapshot(ctx, scene);
      root.classList.add(SNAPSHOT_CLASS);
    };
    const unsubscribe = store.subscribe((state) => {
      if (!state.paneDragging) {
        start = null;
        if (shown) hide();
      } else if (!start) {
        start = state.transform;
      } else if (!shown && (state.transform[0] !== start[0] || state.transform[1] !== start[1])) {
        show(state);
      }
    });
    return () => {
      unsubscribe();
      hide();
    };
  }, [store]);

  return (
    <ViewportPortal>
      <canvas ref={canvasRef} className="far-snapshot" data-testid="far-snapshot" aria-hidden="true" />
    </ViewportPortal>
  );
}
