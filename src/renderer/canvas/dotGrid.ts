/**
 * Where the background's dots go. React Flow's own Background moves its dot pattern inside
 * an SVG as wide as the view, so every frame of a pan repaints the whole screen (half the
 * raster work of a pan in the canvas profile). DotGrid instead paints the dots once per zoom
 * on a layer one tile larger than the view on each side, and a pan only moves that layer by
 * less than one tile: the compositor shifts pixels already drawn.
 */
export interface DotGridTile {
  /** The distance between dots on screen, in px. */
  tile: number;
  /** A dot's radius on screen, in px. */
  radius: number;
}

/** The tile and dot at this zoom: the gap and dot size are in flow units, so both grow as the view zooms in. */
export function dotGridTile(zoom: number, gap: number, size: number): DotGridTile {
  return { tile: gap * zoom || 1, radius: (size * zoom) / 2 };
}

/**
 * The layer's shift for a view translated by (x, y): by how much the dots move within one
 * tile, in [-tile, 0), so that the layer (placed at -tile, -tile... +tile) always covers the view.
 * A dot sits on every multiple of the tile from the view's origin, as a point of the map does.
 */
export function dotGridShift(x: number, y: number, tile: number): { x: number; y: number } {
  const within = (v: number) => ((v % tile) + tile) % tile;
  return { x: within(x) - tile, y: within(y) - tile };
}
