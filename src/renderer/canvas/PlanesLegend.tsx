import { useState, type CSSProperties } from 'react';
import { useAppStore } from '../store';

/** The planes and their colours, and how hard and soft dependencies are drawn. */
export function PlanesLegend() {
  const planes = useAppStore((s) => s.topology?.planes);
  const [open, setOpen] = useState(true);
  if (!open) {
    return (
      <button type="button" className="legend legend--closed" data-testid="legend-toggle" onClick={() => setOpen(true)} aria-expanded={false}>
        Legend
      </button>
    );
  }
  return (
    <div className="legend" data-testid="planes-legend">
      <button type="button" className="legend__hide" data-testid="legend-toggle" onClick={() => setOpen(false)} aria-expanded title="Hide the legend">
        Hide
      </button>
      {planes && planes.length > 0 ? (
        <>
          <div className="legend__title">Planes</div>
          <ul className="legend__list">
            {planes.map((plane) => (
              <li key={plane.id} className="legend__item" data-testid={`legend-plane-${plane.id}`} title={plane.purpose}>
                <span className="legend__swatch" style={{ '--plane': plane.color } as CSSProperties} />
                {plane.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="legend__title">Dependencies</div>
      <ul className="legend__list">
        <li className="legend__item">
          <svg width="28" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="28" y2="4" className="legend__hard" />
          </svg>
          hard: needed to start
        </li>
        <li className="legend__item">
          <svg width="28" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="28" y2="4" className="legend__soft" />
          </svg>
          soft: degrades if down
        </li>
      </ul>
    </div>
  );
}
