import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateTopology } from '../bench/generate-topology';
import { serializeTopology } from '../src/shared/format';
import { expect, test } from './fixtures';
import { EXAMPLES_DIR, loadExamples } from './helpers/examples';
import { backgroundOf, canvasPixel, openLargeMapJustFar, sameColour } from './helpers/far';

const examples = loadExamples();
const breakpilot = examples.find((e) => e.id === 'breakpilot')!;
const rejourney = examples.find((e) => e.id === 'rejourney')!;

test('zoomed far out, each service is one box with its name, still selectable; zoomed back in, the full box returns', async ({ app }) => {
  const tier = breakpilot.topology.tiers[0]!;
  const placement = tier.placements[0]!;
  const service = breakpilot.topology.services.find((s) => s.id === placement.service)!;
  const hostId = placement.host;
  const edges = app.page.locator('.react-flow__edge');
  await app.openExample('breakpilot');
  await app.switchTier(tier.id);
  const edgeCount = await edges.count();
  expect(edgeCount).toBeGreaterThan(0);

  await app.zoomUntilFar(true);
  const box = app.testId(`service-${service.id}`);
  await expect(box).toHaveAttribute('data-far', '');
  await expect(box).toHaveText(service.name);
  await expect(box).toHaveAttribute('title', new RegExp(`^${service.name} · `));
  // One element: no icon, badge, handle, image line or caps inside.
  await expect(box.locator('*')).toHaveCount(0);
  await expect(app.page.locator('.react-flow__node-service .react-flow__handle')).toHaveCount(0);
  // The host's capacity bars collapse into its border colour.
  await expect(app.testId(`host-${hostId}`)).toHaveAttribute('data-far', '');
  await expect(app.testId(`host-${hostId}-cpu`)).toHaveCount(0);
  await expect(edges).toHaveCount(edgeCount);
  await app.screenshot('canvas-far');

  await box.click();
  await expect(app.testId('inspector-title')).toHaveText(new RegExp(`^Service · ${service.name}`));
  await expect(box).toHaveClass(/is-selected/);

  await app.zoomUntilFar(false);
  await expect(box).not.toHaveAttribute('data-far');
  await expect(box).toHaveClass(/is-selected/);
  await expect(box.locator('.svc__name')).toHaveText(service.name);
  await expect(box.locator('.svc__caps')).toBeVisible();
  await expect(app.testId(`host-${hostId}-cpu`)).toBeVisible();
  await expect(app.testId(`handle-${service.id}`)).toHaveCount(1);
  await app.screenshot('canvas-near');
});

test('a file opened while zoomed far out draws its dependencies', async ({ app }) => {
  await app.openExample('breakpilot');
  await app.zoomUntilFar(true);
  // The new file's boxes are first drawn, and measured by React Flow, at the far zoom.
  await app.openPath(join(EXAMPLES_DIR, rejourney.file));
  await expect(app.testId('file-name')).toHaveText(rejourney.file);
  const placed = new Set(rejourney.topology.tiers[0]!.placements.map((p) => p.service));
  const drawn = rejourney.topology.dependencies.filter((d) => placed.has(d.from) && placed.has(d.to));
  expect(drawn.length).toBeGreaterThan(0);
  for (const d of drawn) await expect(app.testId(`edge-${d.from}-${d.to}`)).toHaveCount(1);
});

test('a map of 600 services: every box drawn zoomed out; zoomed in, only those on screen; zoomed out again, all of them with every dependency', async ({ app, workDir }) => {
  test.setTimeout(180_000);
  const topology = generateTopology(60, 10);
  const file = join(workDir, 'big.stackdraft.yaml');
  await writeFile(file, serializeTopology(topology));
  const services = app.page.locator('.react-flow__node-service');
  const lines = app.page.locator('[data-testid^="edge-"]');
  const flowEdges = app.page.locator('.react-flow__edge');
  await app.openPath(file);
  await expect(services).toHaveCount(topology.services.length, { timeout: 60_000 });
  await expect(app.testId('canvas')).toHaveClass(/is-far/);
  // Far out on a map this big, every dependency is drawn, all in one SVG: React Flow draws none.
  await expect(lines).toHaveCount(topology.dependencies.length);
  await expect(app.testId('far-edges')).toHaveCount(1);
  await expect(flowEdges).toHaveCount(0);

  await app.zoomUntilFar(false);
  await expect.poll(() => services.count()).toBeLessThan(topology.services.length);
  expect(await services.count()).toBeGreaterThan(0);
  expect(await flowEdges.count()).toBeGreaterThan(0);
  await expect(app.testId('far-edges')).toHaveCount(0);
  // Zoomed in further, the view (its own compositing layer here) still draws the text sharp.
  await expect(app.testId('canvas')).toHaveClass(/is-culling/);
  for (let i = 0; i < 6; i++) await app.page.locator('.react-flow__controls-zoomin').click();
  await app.viewSettled();
  await app.screenshot('canvas-large-near');
  await app.zoomUntilFar(false);

  await app.zoomUntilFar(true);
  await expect(services).toHaveCount(topology.services.length);
  await expect(lines).toHaveCount(topology.dependencies.length);
  await expect(flowEdges).toHaveCount(0);
});

test('far out on a large map, a click on a dependency selects it and React Flow draws it highlighted; Escape gives it back', async ({ app, workDir }) => {
  test.setTimeout(180_000);
  // Just past the far threshold, where an arrowhead is a few pixels wide.
  await openLargeMapJustFar(app, workDir);
  // An arrowhead that a press reaches (not under a box): its middle, on screen.
  const target = await app.page.evaluate(() => {
    for (const edge of document.querySelectorAll<SVGGElement>('.far-edge')) {
      const arrow = edge.querySelector<SVGPathElement>('.far-edge__arrow')!;
      const box = arrow.getBoundingClientRect();
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
      if (document.elementFromPoint(x, y)?.closest('.far-edge') === edge) return { id: edge.dataset.id!, testId: edge.dataset.testid!, x, y };
    }
    return null;
  });
  expect(target).not.toBeNull();
  await app.page.mouse.click(target!.x, target!.y);

  await expect(app.testId('inspector-title')).toHaveText(/^Dependency/);
  const selected = app.page.locator(`.react-flow__edge.selected[data-id="${target!.id}"]`);
  await expect(selected).toHaveCount(1);
  await expect(app.testId(target!.testId)).toHaveCount(1);
  await app.screenshot('canvas-far-edge-selected');

  await app.page.keyboard.press('Escape');
  await expect(app.page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(app.testId(target!.testId)).toHaveCount(1);
  await expect(app.testId('inspector-title')).not.toHaveText(/^Dependency/);
});

test('panning a large map far out shows a picture of its boxes in their place; let go, the boxes are back and take clicks; the picture follows the theme', async ({ app, workDir }) => {
  test.setTimeout(180_000);
  // Just past the far threshold, where a box is large enough to find its colour in the picture.
  await openLargeMapJustFar(app, workDir);
  await expect(app.testId('canvas')).toHaveClass(/is-far/);
  // A service box whose middle a press reaches (on screen, under no panel), with room to pan.
  const found = await app.page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('.svc-far')) {
      const r = element.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      if (document.elementFromPoint(x, y) === element && document.elementFromPoint(x + 90, y + 60)?.closest('.react-flow__pane')) {
        return { testId: element.dataset.testid!, name: element.textContent! };
      }
    }
    return null;
  });
  expect(found).not.toBeNull();
  const box = app.testId(found!.testId);
  const nodesVisibility = () => app.page.locator('.react-flow__nodes').evaluate((e) => getComputedStyle(e).contentVisibility);
  const pane = (await app.page.locator('.react-flow__pane').boundingBox())!;
  const from = { x: pane.x + 12, y: pane.y + 12 };
  // A point of a dependency line that a press reaches (no box over it), and which line is there.
  const lineSpot = await app.page.evaluate(() => {
    for (const path of document.querySelectorAll<SVGPathElement>('.far-edge__line')) {
      const middle = path.getPointAtLength(path.getTotalLength() / 2).matrixTransform(path.getScreenCTM()!);
      const hit = document.elementFromPoint(middle.x, middle.y)?.closest('.far-edge');
      if (hit && hit === path.closest('.far-edge') && middle.y > 200) return { x: middle.x, y: middle.y, testId: (hit as SVGElement).dataset.testid! };
    }
    return null;
  });
  expect(lineSpot).not.toBeNull();
  /** The line under a point of the screen, if any. */
  const lineAt = (p: { x: number; y: number }) =>
    app.page.evaluate(({ x, y }) => (document.elementFromPoint(x, y)?.closest('.far-edge') as SVGElement | null)?.dataset.testid ?? null, p);

  /** Pans by 30×20 px and checks that where the box now is, the picture has the colour the box has. */
  const panAndLook = async () => {
    const at = (await box.boundingBox())!;
    const background = await backgroundOf(box);
    await app.page.mouse.move(from.x, from.y);
    await app.page.mouse.down();
    // A press that does not move (a click on the empty canvas) keeps the boxes.
    await expect(app.page.locator('.react-flow__pane.dragging')).toHaveCount(1);
    await expect(app.testId('canvas')).not.toHaveClass(/is-snapshot/);
    await app.page.mouse.move(from.x + 30, from.y + 20, { steps: 5 });
    await expect(app.testId('canvas')).toHaveClass(/is-snapshot/);
    await expect(app.testId('far-snapshot')).toBeVisible();
    expect(await nodesVisibility()).toBe('hidden');
    const pixel = await canvasPixel(app.testId('far-snapshot'), { x: at.x + at.width / 2 + 30, y: at.y + at.height / 2 + 20 });
    expect(pixel[3]).toBe(255);
    expect(sameColour(pixel, background), `picture ${pixel.join(',')} vs box ${background.join(',')}`).toBe(true);
  };

  await panAndLook();
  await app.screenshot('canvas-far-panning');
  // The lines are skipped while the picture stands in for them: none takes the pointer.
  const carried = { x: lineSpot!.x + 30, y: lineSpot!.y + 20 };
  expect(await lineAt(carried)).toBeNull();
  await app.page.mouse.up();
  await expect(app.testId('canvas')).not.toHaveClass(/is-snapshot/);
  await expect(app.testId('far-snapshot')).toBeHidden();
  expect(await nodesVisibility()).toBe('visible');
  // Let go, the lines are back, moved with the view.
  expect(await lineAt(carried)).toBe(lineSpot!.testId);
  await box.click();
  await expect(app.testId('inspector-title')).toHaveText(new RegExp(`^Service · ${found!.name}`));

  // Pan after pan reuses the picture while nothing changed; a new theme paints a new one.
  await panAndLook();
  await app.page.mouse.up();
  await app.testId('menu-view').click();
  await app.testId('menu-item-view.themeDark').click();
  await expect(app.page.locator('.app')).toHaveAttribute('data-theme', 'dark');
  await panAndLook();
  await app.page.mouse.up();
});

test('dragging a box of a large map far out: the picture stands in for the others, the box and its lines follow the pointer, let go it stays there', async ({ app, workDir }) => {
  test.setTimeout(180_000);
  await openLargeMapJustFar(app, workDir);
  const found = await app.page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('.svc-far')) {
      const r = element.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      if (r.y > 200 && document.elementFromPoint(x, y) === element) return { testId: element.dataset.testid!, x, y };
    }
    return null;
  });
  expect(found).not.toBeNull();
  const box = app.testId(found!.testId);
  const before = (await box.boundingBox())!;
  const id = found!.testId.replace(/^service-/, '');
  const line = app.page.locator(`.far-edge[data-testid^="edge-${id}-"] .far-edge__line, .far-edge[data-testid$="-${id}"] .far-edge__line`).first();
  const lineBefore = await line.getAttribute('d');

  await app.page.mouse.move(found!.x, found!.y);
  await app.page.mouse.down();
  await expect(app.testId('canvas')).not.toHaveClass(/is-snapshot/);
  await app.page.mouse.move(found!.x + 8, found!.y + 12, { steps: 4 });
  await expect(app.testId('canvas')).toHaveClass(/is-snapshot/);
  await expect(app.testId('far-snapshot-live')).toBeVisible();
  const background = await backgroundOf(box);
  // The box is where the pointer took it (on the live layer), no longer where it was (on the picture).
  expect(sameColour(await canvasPixel(app.testId('far-snapshot-live'), { x: found!.x + 8, y: found!.y + 12 }), background)).toBe(true);
  expect(sameColour(await canvasPixel(app.testId('far-snapshot'), { x: found!.x, y: found!.y }), background)).toBe(false);
  await app.screenshot('canvas-far-dragging');
  await app.page.mouse.up();

  await expect(app.testId('canvas')).not.toHaveClass(/is-snapshot/);
  const after = (await box.boundingBox())!;
  expect(after.x).toBeGreaterThan(before.x + 2);
  expect(after.y).toBeGreaterThan(before.y + 2);
  // Its lines, left alone during the drag, follow it at the drop.
  await expect(line).not.toHaveAttribute('d', lineBefore!);
  await expect(app.testId('undo-button')).toBeEnabled();

  // Once the map is still, the next pan's picture is painted ahead; it shows the box where it was dropped.
  await expect.poll(() => app.testId('far-snapshot').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);
  await expect(app.testId('canvas')).not.toHaveClass(/is-snapshot/);
  const pane = (await app.page.locator('.react-flow__pane').boundingBox())!;
  await app.page.mouse.move(pane.x + 12, pane.y + 12);
  await app.page.mouse.down();
  await app.page.mouse.move(pane.x + 42, pane.y + 32, { steps: 5 });
  await expect(app.testId('canvas')).toHaveClass(/is-snapshot/);
  const centre = { x: after.x + after.width / 2 + 30, y: after.y + after.height / 2 + 20 };
  expect(sameColour(await canvasPixel(app.testId('far-snapshot'), centre), background)).toBe(true);
  await app.page.mouse.up();
  await expect(app.testId('canvas')).not.toHaveClass(/is-snapshot/);
});
