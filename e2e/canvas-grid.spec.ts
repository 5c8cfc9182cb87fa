import { expect, test, type AppPage } from './fixtures';
import { emptyPaneSquare, screenPixels, type Clip } from './helpers/screen';

/** The centres of the background's dots in a square of the screen: the darkest pixel of each dot. */
async function dotsIn(app: AppPage, clip: Clip): Promise<{ x: number; y: number }[]> {
  const { width, height, data } = await screenPixels(app.page, clip);
  const brightness = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return data[i]! + data[i + 1]! + data[i + 2]!;
  };
  const background = brightness(0, 0) > brightness(1, 1) ? brightness(0, 0) : brightness(1, 1);
  const dots: { x: number; y: number }[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const here = brightness(x, y);
      // Darker than the background by a visible step, and the darkest of its neighbours.
      if (Math.abs(background - here) < 24) continue;
      const neighbours = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => brightness(x + dx, y + dy)));
      if (neighbours.every((n) => Math.abs(background - n) <= Math.abs(background - here))) dots.push({ x: clip.x + x, y: clip.y + y });
    }
  }
  return dots;
}

/** Pans the view by dragging an empty spot of the pane. */
async function pan(app: AppPage, from: { x: number; y: number }, by: { x: number; y: number }) {
  await app.page.mouse.move(from.x, from.y);
  await app.page.mouse.down();
  await app.page.mouse.move(from.x + by.x, from.y + by.y, { steps: 6 });
  await app.page.mouse.up();
  await app.viewSettled();
}

test('the background dots move with the map as it is panned, and cover the view after any pan', async ({ app }) => {
  await app.openExample('breakpilot');
  // Zoomed in with the wheel over the empty top-left corner (it stays empty): the dots are a
  // couple of pixels wide there and 20 px apart or more.
  const corner = (await app.page.locator('.react-flow__pane').boundingBox())!;
  await app.page.mouse.move(corner.x + 15, corner.y + 15);
  await expect(async () => {
    if ((await app.zoom()) < 1) await app.page.mouse.wheel(0, -150);
    expect(await app.zoom()).toBeGreaterThanOrEqual(1);
  }).toPass({ timeout: 20_000 });
  await app.viewSettled();

  const square = await emptyPaneSquare(app.page, 120);
  const before = await dotsIn(app, square);
  expect(before.length, 'dots in an empty square of the pane').toBeGreaterThanOrEqual(9);
  const by = { x: 13, y: 7 };
  await pan(app, { x: square.x + 40, y: square.y + 40 }, by);
  const after = await dotsIn(app, square);
  // Each dot still in the square is where the pan carried it: the grid is pinned to the map.
  const carried = before.filter((d) => d.x + by.x < square.x + square.width - 2 && d.y + by.y < square.y + square.height - 2);
  expect(carried.length).toBeGreaterThanOrEqual(4);
  for (const dot of carried) {
    expect(after.some((a) => Math.abs(a.x - dot.x - by.x) <= 1 && Math.abs(a.y - dot.y - by.y) <= 1), `the dot at ${dot.x},${dot.y} moved by ${by.x},${by.y}`).toBe(true);
  }

  // Pans both ways by more than a dot spacing: the dots' layer always reaches past every edge of the view.
  const layerCoversView = () =>
    app.page.evaluate(() => {
      const view = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      const layer = document.querySelector('.dot-grid__layer')!.getBoundingClientRect();
      return layer.left <= view.left && layer.top <= view.top && layer.right >= view.right && layer.bottom >= view.bottom;
    });
  for (const move of [{ x: 57, y: 33 }, { x: -131, y: -77 }, { x: 9, y: -45 }]) {
    const spot = await emptyPaneSquare(app.page, 40);
    await pan(app, { x: spot.x + 20, y: spot.y + 20 }, move);
    expect(await layerCoversView(), `after a pan by ${move.x},${move.y}`).toBe(true);
  }
  expect((await dotsIn(app, await emptyPaneSquare(app.page, 120))).length).toBeGreaterThanOrEqual(9);
});
