import { describe, expect, it } from 'vitest';
import { dotGridShift, dotGridTile } from './dotGrid';

describe('dot grid', () => {
  it('spaces and sizes the dots with the zoom', () => {
    expect(dotGridTile(1, 20, 1.2)).toEqual({ tile: 20, radius: 0.6 });
    expect(dotGridTile(0.5, 20, 1.2)).toEqual({ tile: 10, radius: 0.3 });
    expect(dotGridTile(2, 20, 1.2)).toEqual({ tile: 40, radius: 1.2 });
  });

  it('keeps a dot on the map point it marked as the view pans', () => {
    const tile = 20;
    // A dot of the layer sits at shift + k × tile on screen; the map's origin is at (x, y).
    const dotsAt = (x: number) => {
      const shift = dotGridShift(x, 0, tile).x;
      return Array.from({ length: 6 }, (_, k) => shift + k * tile);
    };
    for (const x of [0, 7, 20, 133.5, -7, -260.25]) {
      // Every dot is a whole number of tiles from the map's origin.
      for (const dot of dotsAt(x)) expect(Math.abs(((dot - x) / tile) % 1)).toBeCloseTo(0, 9);
    }
  });

  it('never shifts the layer so far that an edge of the view is left bare', () => {
    for (const x of [0, 0.001, 19.999, 20, -0.001, -20, 1e6 + 3]) {
      const { x: shift } = dotGridShift(x, x, 20);
      expect(shift).toBeGreaterThanOrEqual(-20);
      expect(shift).toBeLessThan(0);
    }
  });
});
