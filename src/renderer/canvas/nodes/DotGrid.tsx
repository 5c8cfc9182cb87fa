import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect, useId, useRef } from 'react';
import { dotGridShift, dotGridTile } from '../dotGrid';

const zoomOf = (s: ReactFlowState) => s.transform[2];

/**
 * The canvas's dotted background, painted once per zoom on a layer of its own that a pan
 * moves instead of repainting (dotGrid.ts). Looks as React Flow's `<Background>` with dots
 * (same classes, so the theme's colours apply), but a dot marks every `gap` of the map.
 */
export function DotGrid({ gap, size }: { gap: number; size: number }) {
  const store = useStoreApi();
  const zoom = useStore(zoomOf);
  const layerRef = useRef<SVGSVGElement>(null);
  const patternId = `dots-${useId().replace(/:/g, '')}`;
  const { tile, radius } = dotGridTile(zoom, gap, size);

  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    let last = { x: NaN, y: NaN };
    const place = ({ transform: [x, y] }: ReactFlowState) => {
      const shift = dotGridShift(x, y, tile);
      if (shift.x === last.x && shift.y === last.y) return;
      last = shift;
      layer.style.transform = `translate3d(${shift.x}px, ${shift.y}px, 0)`;
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store, tile]);

  return (
    <div className="react-flow__background dot-grid" data-testid="rf__background">
      <svg ref={layerRef} className="dot-grid__layer" style={{ width: `calc(100% + ${2 * tile}px)`, height: `calc(100% + ${2 * tile}px)` }} aria-hidden="true">
        <pattern id={patternId} width={tile} height={tile} patternUnits="userSpaceOnUse" patternTransform={`translate(${-tile / 2} ${-tile / 2})`}>
          <circle cx={tile / 2} cy={tile / 2} r={radius} className="react-flow__background-pattern dots" />
        </pattern>
        <rect width="100%" height="100%" fill={`url(#${patternId})`} />
      </svg>
    </div>
  );
}
