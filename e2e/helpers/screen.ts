import type { Page } from '@playwright/test';

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the screen shows in a rectangle, as RGBA bytes row by row (a screenshot decoded by the page itself). */
export async function screenPixels(page: Page, clip: Clip): Promise<{ width: number; height: number; data: number[] }> {
  const png = (await page.screenshot({ clip })).toString('base64');
  return page.evaluate(async (source) => {
    const image = new Image();
    image.src = `data:image/png;base64,${source}`;
    await image.decode();
    const context = document.createElement('canvas').getContext('2d')!;
    context.canvas.width = image.naturalWidth;
    context.canvas.height = image.naturalHeight;
    context.drawImage(image, 0, 0);
    return { width: image.naturalWidth, height: image.naturalHeight, data: [...context.getImageData(0, 0, image.naturalWidth, image.naturalHeight).data] };
  }, png);
}

/**
 * A square of the canvas where only the empty pane shows (no box, line, panel or control),
 * found by probing a grid of points, as far from the view's middle as the list allows.
 */
export function emptyPaneSquare(page: Page, side: number): Promise<Clip> {
  return page.evaluate((size) => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 10; y + size < pane.bottom - 10; y += 20) {
      for (let x = pane.left + 10; x + size < pane.right - 10; x += 20) {
        let empty = true;
        for (let dy = 0; dy <= size && empty; dy += 8) {
          for (let dx = 0; dx <= size && empty; dx += 8) empty = document.elementFromPoint(x + dx, y + dy)?.classList.contains('react-flow__pane') ?? false;
        }
        if (empty) return { x: Math.round(x), y: Math.round(y), width: size, height: size };
      }
    }
    throw new Error(`no empty ${size}×${size} px square of the pane`);
  }, side);
}
