import { useStoreApi, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import { boundsOf, boxElements, paintLive, paintSnapshot, pictureCovers, sceneFor, viewRect, withDescendants, type SnapshotScene } from '../farSnapshot';
import type { Rect } from '../floating';
import type { DependencyEdge, FlowNode } from '../types';

/** On the canvas root while the picture stands in for the boxes (canvas.css hides them). */
export const SNAPSHOT_CLASS = 'is-snapshot';

/** How long the map must stay still before the next pan's picture is painted ahead, in idle time. */
const PREPARE_AFTER_MS = 250;

type State = ReactFlowState<FlowNode, DependencyEdge>;

/**
 * While a large map zoomed far out is panned, or a box of it dragged, a picture of it stands in
 * for its boxes and lines (farSnapshot.ts); what a drag moves is drawn over it on a layer of its
 * own, move by move. The picture shows at the first move — a press that does not move (a
 * click) changes nothing — and the boxes come back when the pointer is let go. A pan's picture
 * is painted ahead, once the map has been still for a moment and the browser is idle, so that
 * the first frame of a pan only swaps it in (it is ~30 ms of painting on the 1,000-service map).
 */
export function FarSnapshot({ edges }: { edges: DependencyEdge[] }) {
  const store = useStoreApi<FlowNode, DependencyEdge>();
  const pictureRef = useRef<HTMLCanvasElement>(null);
  const liveRef = useRef<HTMLCanvasElement>(null);
  const edgesRef = useRef(edges);
  edgesRef.current = edges;

  useEffect(() => {
    const picture = pictureRef.current;
    const live = liveRef.current;
    const root = picture?.closest('.canvas');
    if (!picture || !live || !root) return;
    let mode: 'idle' | 'pan' | 'drag' = 'idle';
    let panStart: State['transform'] | null = null;
    let lastNodes: State['nodes'] | null = null;
    let scene: SnapshotScene | null = null;
    /** Where the live layer drew last (flow units), cleared before the next move is drawn. */
    let liveDrawn: Rect | null = null;

    /** What the picture painted for a pan (ahead, or by the last pan) shows: a pan reuses it while none of this changed. */
    let kept: { nodes: State['nodes']; edges: DependencyEdge[]; zoom: number; status: unknown; theme: string } | null = null;

    const hide = (keep: boolean) => {
      mode = 'idle';
      liveDrawn = null;
      root.classList.remove(SNAPSHOT_CLASS);
      live.width = live.height = 0;
      if (keep) return;
      // A picture of a big view is megabytes: give them back when it cannot be reused.
      scene = null;
      kept = null;
      picture.width = picture.height = 0;
    };
    const reusable = (state: State, theme: string): boolean => {
      if (!scene || !kept || kept.nodes !== state.nodes || kept.edges !== edgesRef.current || kept.zoom !== state.transform[2]) return false;
      if (kept.status !== useAppStore.getState().deployStatus || kept.theme !== theme) return false;
      const bounds = boundsOf(state.nodeLookup.values());
      return bounds !== null && pictureCovers(scene.area, viewRect(state.transform, { width: state.width, height: state.height }), bounds);
    };
    /** Paints the picture of the view (without what `moving` names); false when there is nothing to show. */
    const paint = (state: State, style: CSSStyleDeclaration, theme: string, moving?: ReadonlySet<string>): boolean => {
      kept = moving ? null : { nodes: state.nodes, edges: edgesRef.current, zoom: state.transform[2], status: useAppStore.getState().deployStatus, theme };
      scene = sceneFor({
        nodeLookup: state.nodeLookup,
        edges: edgesRef.current,
        transform: state.transform,
        viewSize: { width: state.width, height: state.height },
        dpr: window.devicePixelRatio || 1,
        boxes: boxElements(root),
        edgeColors: { hard: style.getPropertyValue('--edge-hard').trim(), soft: style.getPropertyValue('--edge-soft').trim() },
        moving,
      });
      const ctx = scene && picture.getContext('2d');
      if (!scene || !ctx) {
        kept = null;
        return false;
      }
      for (const canvas of moving ? [picture, live] : [picture]) {
        canvas.style.left = `${scene.area.x}px`;
        canvas.style.top = `${scene.area.y}px`;
        canvas.style.width = `${scene.area.width}px`;
        canvas.style.height = `${scene.area.height}px`;
        canvas.width = Math.ceil(scene.area.width * scene.scale);
        canvas.height = Math.ceil(scene.area.height * scene.scale);
      }
      paintSnapshot(ctx, scene);
      return true;
    };
    /** Makes the picture ready for this state: the one painted before when it still fits, else a new one. */
    const ready = (state: State, moving?: ReadonlySet<string>): boolean => {
      const style = getComputedStyle(root);
      const theme = ['--svc-bg', '--host-bg', '--edge-hard'].map((v) => style.getPropertyValue(v)).join();
      return (!moving && reusable(state, theme)) || paint(state, style, theme, moving);
    };
    const show = (state: State, moving?: ReadonlySet<string>) => {
      if (ready(state, moving)) root.classList.add(SNAPSHOT_CLASS);
    };

    // The next pan's picture, painted ahead while nothing moves.
    let prepareTimer: number | undefined;
    let prepareIdle: number | undefined;
    const cancelPrepare = () => {
      window.clearTimeout(prepareTimer);
      if (prepareIdle !== undefined) window.cancelIdleCallback(prepareIdle);
      prepareTimer = prepareIdle = undefined;
    };
    const prepare = () => {
      prepareIdle = undefined;
      // A drag or pan under way cancels this (the store subscription below); the mode is the last guard.
      if (mode === 'idle') ready(store.getState());
    };
    const prepareSoon = () => {
      cancelPrepare();
      prepareTimer = window.setTimeout(() => {
        prepareIdle = window.requestIdleCallback(prepare, { timeout: 2_000 });
      }, PREPARE_AFTER_MS);
    };
    const repaintLive = (state: State) => {
      const ctx = live.getContext('2d');
      if (scene && ctx) liveDrawn = paintLive(ctx, scene, state.nodeLookup, liveDrawn);
    };

    const unsubscribe = store.subscribe((state) => {
      if (state.paneDragging) {
        cancelPrepare();
        if (mode !== 'idle') return;
        if (!panStart) panStart = state.transform;
        else if (state.transform[0] !== panStart[0] || state.transform[1] !== panStart[1]) {
          mode = 'pan';
          show(state);
        }
        return;
      }
      panStart = null;
      if (mode === 'pan') hide(true);
      if (state.nodes !== lastNodes) {
        lastNodes = state.nodes;
        const dragged = state.nodes.filter((n) => n.dragging);
        if (dragged.length === 0) {
          if (mode === 'drag') hide(false);
        } else if (mode === 'idle') {
          mode = 'drag';
          show(state, withDescendants(dragged.map((n) => n.id), state.nodes));
          repaintLive(state);
        } else {
          repaintLive(state);
        }
      }
      if (mode === 'idle') prepareSoon();
      else cancelPrepare();
    });
    // A change of live status changes the boxes' colours.
    const unsubscribeStatus = useAppStore.subscribe((now, before) => now.deployStatus !== before.deployStatus && mode === 'idle' && prepareSoon());
    prepareSoon();
    return () => {
      unsubscribe();
      unsubscribeStatus();
      cancelPrepare();
      hide(false);
    };
  }, [store]);

  return (
    <ViewportPortal>
      <canvas ref={pictureRef} className="far-snapshot" data-testid="far-snapshot" aria-hidden="true" />
      <canvas ref={liveRef} className="far-snapshot far-snapshot--live" data-testid="far-snapshot-live" aria-hidden="true" />
    </ViewportPortal>
  );
}
