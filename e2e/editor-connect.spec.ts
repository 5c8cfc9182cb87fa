import { expect, test } from './fixtures';

const edge = (from: string, to: string) => `.react-flow__edge[data-id="dependency:${from}->${to}"]`;

test.describe('connecting services', () => {
  test('drag from a service handle to another service adds a hard dependency; toggle it soft, delete it, undo', async ({ app }) => {
    await app.openExample('codespartan');
    const from = app.testId('service-backoffice');
    const to = app.testId('service-victoriametrics');
    await expect(app.page.locator(edge('backoffice', 'victoriametrics'))).toHaveCount(0);

    // The handle shows on hover; press it and drag with the mouse, in steps, onto the other service.
    await from.hover();
    const handle = app.testId('handle-backoffice');
    await expect(handle).toBeVisible();
    const start = (await handle.boundingBox())!;
    const target = (await to.boundingBox())!;
    const mouse = app.page.mouse;
    await mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await mouse.down();
    await mouse.move(start.x + 20, start.y + 30, { steps: 3 });
    await mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 });
    await mouse.up();

    const added = app.page.locator(edge('backoffice', 'victoriametrics'));
    await expect(added).toHaveCount(1);
    await expect(app.testId('edge-backoffice-victoriametrics')).toHaveAttribute('data-kind', 'hard');
    await expect(app.testId('dirty-marker')).toBeVisible();

    // Select it and make it soft in the inspector: drawn dashed.
    await added.locator('.react-flow__edge-interaction').click({ force: true });
    await expect(app.testId('inspector-dependency')).toContainText('backoffice needs victoriametrics');
    await app.testId('inspect-dependency-kind').selectOption('soft');
    await expect(app.testId('edge-backoffice-victoriametrics')).toHaveAttribute('data-kind', 'soft');
    await app.screenshot('editor-connected-soft');

    // Delete it with the keyboard; undo brings it back as it was.
    await app.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await added.locator('.react-flow__edge-interaction').click({ force: true });
    await app.page.keyboard.press('Delete');
    await expect(added).toHaveCount(0);
    await app.page.keyboard.press('Control+Z');
    await expect(added).toHaveCount(1);
    await expect(app.testId('edge-backoffice-victoriametrics')).toHaveAttribute('data-kind', 'soft');
  });

  test('a drag from a handle dropped on empty canvas adds nothing', async ({ app }) => {
    await app.openExample('codespartan');
    const edges = await app.page.locator('.react-flow__edge').count();
    await app.testId('service-backoffice').hover();
    const start = (await app.testId('handle-backoffice').boundingBox())!;
    const pane = (await app.testId('canvas').boundingBox())!;
    await app.page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(pane.x + 8, pane.y + pane.height - 8, { steps: 12 });
    await app.page.mouse.up();
    await expect(app.page.locator('.react-flow__edge')).toHaveCount(edges);
    await expect(app.testId('dirty-marker')).toHaveCount(0);
  });

  test('while the canvas is panned no edge takes the pointer; after the pan a click on one selects it', async ({ app }) => {
    await app.openExample('codespartan');
    const path = app.page.locator('.react-flow__edge-interaction').first();
    await expect(path).toHaveCount(1);
    // The middle of an edge's hit path, on screen, and what the pointer would find there.
    const middle = () =>
      path.evaluate((p: SVGPathElement) => {
        const at = p.getPointAtLength(p.getTotalLength() / 2).matrixTransform(p.getScreenCTM()!);
        return { x: at.x, y: at.y, takesPointer: document.elementFromPoint(at.x, at.y)?.closest('.react-flow__edge') !== null };
      });
    expect((await middle()).takesPointer).toBe(true);

    const pane = (await app.page.locator('.react-flow__pane').boundingBox())!;
    // From the pane's top left corner, empty in this example (the controls sit bottom left).
    await app.page.mouse.move(pane.x + 12, pane.y + 12);
    await app.page.mouse.down();
    await app.page.mouse.move(pane.x + 40, pane.y + 30, { steps: 4 });
    await expect(app.page.locator('.react-flow__pane.dragging')).toHaveCount(1);
    expect((await middle()).takesPointer).toBe(false);
    await app.page.mouse.up();

    const after = await middle();
    expect(after.takesPointer).toBe(true);
    await app.page.mouse.click(after.x, after.y);
    await expect(app.testId('inspector-title')).toHaveText(/^Dependency/);
  });
});
