import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { generateTopology } from '../../bench/generate-topology';
import { serializeTopology } from '../../src/shared/format';
import { expect, type AppPage } from '../fixtures';

/**
 * Opens a generated map large enough to be drawn for its size (600 services), zoomed just past
 * the far threshold: far out, with boxes and arrowheads a few pixels wide that a press reaches.
 */
export async function openLargeMapJustFar(app: AppPage, workDir: string): Promise<void> {
  const topology = generateTopology(60, 10);
  const file = join(workDir, 'big.stackdraft.yaml');
  await writeFile(file, serializeTopology(topology));
  await app.openPath(file);
  await expect(app.page.locator('.react-flow__node-service')).toHaveCount(topology.services.length, { timeout: 60_000 });
  await app.zoomUntilFar(false);
  await app.zoomUntilFar(true);
  await app.viewSettled();
}

/** An element's background as RGBA bytes (a computed color(srgb …) from color-mix turned into RGB by a canvas). */
export function backgroundOf(element: Locator): Promise<number[]> {
  return element.evaluate((e) => {
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = getComputedStyle(e).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    return [...probe.getImageData(0, 0, 1, 1).data];
  });
}

/** The RGBA bytes a <canvas> holds under a point of the screen. */
export function canvasPixel(canvas: Locator, point: { x: number; y: number }): Promise<number[]> {
  return canvas.evaluate((element: HTMLCanvasElement, p) => {
    const r = element.getBoundingClientRect();
    const x = Math.floor(((p.x - r.left) * element.width) / r.width);
    const y = Math.floor(((p.y - r.top) * element.height) / r.height);
    return [...element.getContext('2d')!.getImageData(x, y, 1, 1).data];
  }, point);
}

/** Whether two colours are the same but for rounding. */
export const sameColour = (a: readonly number[], b: readonly number[]): boolean => [0, 1, 2].every((i) => Math.abs(a[i]! - b[i]!) <= 3);
