import type { Locator } from '@playwright/test';
import { expect, test, type AppPage } from './fixtures';

/** Runs a command from the in-app menu bar, as a user of the browser build does. */
async function menu(app: AppPage, menuId: string, commandId: string): Promise<void> {
  await app.testId(`menu-${menuId}`).click();
  await app.testId(`menu-item-${commandId}`).click();
}

async function box(locator: Locator) {
  return (await locator.boundingBox())!;
}

const services = (app: AppPage) => app.page.locator('.react-flow__node-service');

test.describe('editor comfort', () => {
  test('copy, paste and duplicate from the Edit menu and the keyboard; undo from the menu', async ({ app }) => {
    await app.openExample('codespartan');
    const before = await services(app).count();
    await app.testId('service-grafana').click();
    await menu(app, 'edit', 'edit.copy');
    await menu(app, 'edit', 'edit.paste');
    await expect(services(app)).toHaveCount(before + 1);
    // The pasted copy is the selection, and is placed on the same host.
    await expect(app.testId('inspector-title')).toHaveText(/^Service · grafana-/);
    await app.page.keyboard.press('Control+D');
    await expect(services(app)).toHaveCount(before + 2);
    await menu(app, 'edit', 'edit.undo');
    await expect(services(app)).toHaveCount(before + 1);
    await menu(app, 'edit', 'edit.redo');
    await expect(services(app)).toHaveCount(before + 2);
  });

  test('multi-select with Shift and align left', async ({ app }) => {
    await app.openExample('codespartan');
    const left = app.testId('service-traefik');
    const right = app.testId('service-node-exporter');
    expect((await box(left)).x).not.toBeCloseTo((await box(right)).x, 0);
    await left.click();
    await right.click({ modifiers: ['Shift'] });
    await app.testId('align-left').click();
    await expect.poll(async () => Math.abs((await box(left)).x - (await box(right)).x)).toBeLessThan(1);
    await expect(app.testId('dirty-marker')).toBeVisible();
  });

  test('search finds a node, selects it and brings it into view', async ({ app }) => {
    await app.openExample('breakpilot');
    await app.testId('find-button').click();
    await app.testId('search-input').fill('postgres');
    const result = app.page.locator('[data-testid^="search-result-service:"]').first();
    const id = (await result.getAttribute('data-testid'))!.replace('search-result-service:', '');
    await result.click();
    const node = app.testId(`service-${id}`);
    await expect(app.testId('inspector-title')).toHaveText(new RegExp(`^Service · `));
    await expect(node).toHaveClass(/is-selected/);
    await expect(node).toBeInViewport();
  });

  test('one drag is one undo step, and redo puts it back', async ({ app }) => {
    await app.openExample('codespartan');
    const node = app.testId('service-dental-io');
    const start = await box(node);
    const mouse = app.page.mouse;
    await mouse.move(start.x + 30, start.y + 10);
    await mouse.down();
    await mouse.move(start.x + 40, start.y + 20, { steps: 3 });
    await mouse.move(start.x + 150, start.y + 30, { steps: 12 });
    await mouse.up();
    await expect.poll(async () => (await box(node)).x).toBeGreaterThan(start.x + 60);
    const moved = await box(node);
    await app.page.keyboard.press('Control+Z');
    await expect.poll(async () => (await box(node)).x).toBeCloseTo(start.x, 0);
    await expect(app.testId('dirty-marker')).toHaveCount(0);
    await app.page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await box(node)).x).toBeCloseTo(moved.x, 0);
  });

  test('dragging one host leaves the other hosts of the tier where they were; undo puts it back', async ({ app }) => {
    // Tier D of breakpilot: nine hosts, none placed by hand, laid out in rows by the app.
    await app.openExample('breakpilot');
    await app.switchTier('tier-d');
    await app.viewSettled();
    const hosts = app.hostNodes();
    await expect(hosts).toHaveCount(9);
    const boxes = async () => Promise.all((await hosts.all()).map(async (h) => ({ id: await h.getAttribute('data-id'), ...(await box(h)) })));
    const before = await boxes();
    const dragged = before[4]!;
    const mouse = app.page.mouse;
    await mouse.move(dragged.x + dragged.width / 2, dragged.y + 8);
    await mouse.down();
    await mouse.move(dragged.x + dragged.width / 2 + 10, dragged.y + 12, { steps: 3 });
    await mouse.move(dragged.x + dragged.width / 2 + 40, dragged.y + 30, { steps: 8 });
    await mouse.up();
    await expect(app.testId('dirty-marker')).toBeVisible();
    const after = await boxes();
    const moved = after.find((b) => b.id === dragged.id)!;
    expect(moved.x - dragged.x).toBeGreaterThan(20);
    for (const b of before.filter((b) => b.id !== dragged.id)) {
      const now = after.find((a) => a.id === b.id)!;
      expect([b.id, Math.round(now.x), Math.round(now.y)]).toEqual([b.id, Math.round(b.x), Math.round(b.y)]);
    }
    await app.page.keyboard.press('Control+Z');
    await expect(app.testId('dirty-marker')).toHaveCount(0);
    await expect.poll(async () => (await box(hosts.nth(4))).x).toBeCloseTo(dragged.x, 0);
  });

  test('auto-layout rearranges the canvas as one undo step', async ({ app }) => {
    await app.openExample('codespartan');
    const host = app.testId('host-codespartan-vps');
    const node = app.testId('service-vmagent');
    // Where the service sits in its host, in host widths: independent of zoom and pan.
    const place = async () => {
      const [h, n] = [await box(host), await box(node)];
      return { x: (n.x - h.x) / h.width, y: (n.y - h.y) / h.width };
    };
    const before = await place();
    await app.testId('layout-button').click();
    // elkjs runs in a worker; on a busy machine that takes a while.
    await expect(app.testId('dirty-marker')).toBeVisible({ timeout: 30_000 });
    await expect(app.testId('layout-cancel')).toHaveCount(0);
    await expect.poll(async () => JSON.stringify(await place())).not.toBe(JSON.stringify(before));
    await app.testId('undo-button').click();
    // Back to the document as saved, in one step.
    await expect(app.testId('dirty-marker')).toHaveCount(0);
    await expect.poll(async () => Math.abs((await place()).x - before.x) + Math.abs((await place()).y - before.y)).toBeLessThan(0.01);
  });

  test('a running auto-layout can be cancelled and changes nothing', async ({ app }) => {
    await app.openExample('breakpilot');
    await app.testId('layout-button').click();
    await app.testId('layout-cancel').click();
    await expect(app.testId('layout-cancel')).toHaveCount(0);
    await expect(app.testId('layout-button')).toBeEnabled();
    // Long enough for the worker's answer to have come back: a cancelled layout never lands.
    await app.page.waitForTimeout(3_000);
    await expect(app.testId('dirty-marker')).toHaveCount(0);
    await expect(app.testId('undo-button')).toBeDisabled();
  });

  test('the plane view groups services by plane, labelled with their host', async ({ app }) => {
    await app.openExample('codespartan');
    await app.testId('view-plane').click();
    await expect(app.testId('canvas')).toHaveAttribute('data-view', 'plane');
    await expect(app.testId('plane-group-web')).toBeVisible();
    await expect(app.testId('plane-group-monitoring')).toBeVisible();
    // Zoomed far out, a box shows only its name: the host is in its hover title until zoomed in.
    await expect(app.testId('service-grafana')).toHaveAttribute('title', /· on codespartan-vps$/);
    await app.zoomUntilFar(false);
    await expect(app.testId('service-grafana')).toContainText('codespartan-vps');
    await app.screenshot('editor-plane-view');
  });

  test('capacity bars: red over 100 % with the numbers on hover', async ({ app }) => {
    await app.openExample('codespartan');
    const cpu = app.testId('host-codespartan-vps-cpu');
    await expect(cpu).toBeVisible();
    // Σ CPU limits are 188 % of the host: the limit part of the bar is red.
    await expect(cpu.locator('.cap__limit')).toHaveClass(/cap--error/);
    await expect(cpu).toHaveAttribute('title', /^CPU: requests .* of 2 vCPU \(\d+ ?%\), limits 3\.75 \(188 ?%\)/);
  });

  test('capacity bars: amber from 80 %, red over 100 %, as the host memory is edited in the inspector', async ({ app }) => {
    await app.openExample('codespartan');
    const memory = app.testId('host-codespartan-vps-memory');
    const limitPart = memory.locator('.cap__limit');
    // As shipped: Σ memory limits 3,232 MiB of 4 GiB = 79 %, still green.
    await expect(limitPart).toHaveClass(/cap--ok/);
    await expect(memory).toHaveAttribute('data-level', 'ok');

    await app.page.locator('[data-testid="host-codespartan-vps"] .host__name').click();
    await expect(app.testId('inspector-host')).toBeVisible();
    const field = app.testId('inspect-host-memory');
    await expect(field).toHaveValue('4 GiB');

    // 3.5 GiB: the same limits are 90 % of the host — amber, the numbers on hover.
    await field.fill('3.5 GiB');
    await field.press('Enter');
    await expect(limitPart).toHaveClass(/cap--warning/);
    await expect(memory).toHaveAttribute('data-level', 'warning');
    await expect(memory).toHaveAttribute('title', /^Mem: requests 1\.48 GiB of 3\.5 GiB \(42 ?%\), limits 3\.16 GiB \(90 ?%\)/);
    await memory.hover();
    await expect(memory.locator('.cap__lim')).toHaveText(/lim 90 ?%/);
    await expect(memory.locator('.cap__lim')).toHaveClass(/cap-text--warning/);
    // The requests (42 %) stay green.
    await expect(memory.locator('.cap__request')).toHaveClass(/cap--ok/);
    await app.screenshot('editor-capacity-amber');

    // 3 GiB: 105 % — red.
    await field.fill('3 GiB');
    await field.press('Enter');
    await expect(limitPart).toHaveClass(/cap--error/);
    await expect(memory).toHaveAttribute('data-level', 'error');
    await expect(memory).toHaveAttribute('title', /limits 3\.16 GiB \(105 ?%\)/);

    // Undo walks back through amber to green.
    await app.testId('undo-button').click();
    await expect(limitPart).toHaveClass(/cap--warning/);
    await app.testId('undo-button').click();
    await expect(limitPart).toHaveClass(/cap--ok/);
  });
});

test.describe('tiers from the Tier menu', () => {
  test('duplicate, rename, compare and delete a tier; the tab shows its stats', async ({ app }) => {
    await app.openExample('codespartan');
    const first = (await app.testId('canvas').getAttribute('data-tier'))!;
    await menu(app, 'tier', 'tier.duplicate');
    const copy = `${first}-copy`;
    await expect(app.testId('canvas')).toHaveAttribute('data-tier', copy);
    await expect(app.testId(`tier-stats-${copy}`)).toContainText('1 host · 2 vCPU · 4 GiB');

    await menu(app, 'tier', 'tier.rename');
    const name = app.testId(`tier-rename-${copy}`);
    await expect(name).toBeFocused();
    await name.fill('Two customers');
    await name.press('Enter');
    await expect(app.testId(`tier-tab-${copy}`)).toContainText('Two customers');

    await app.testId('tier-move-left').click();
    await expect(app.page.locator('[data-testid^="tier-tab-"]').first()).toHaveAttribute('data-testid', `tier-tab-${copy}`);

    await menu(app, 'tier', 'tier.compare');
    await expect(app.testId('tier-comparison')).toContainText('Two customers');
    await menu(app, 'tier', 'tier.compare');
    await expect(app.testId('tier-comparison')).toHaveCount(0);

    await menu(app, 'tier', 'tier.delete');
    await expect(app.testId(`tier-tab-${copy}`)).toHaveCount(0);
    await expect(app.testId('canvas')).toHaveAttribute('data-tier', first);
  });

  test('New Tier… opens the new tab as a name field', async ({ app }) => {
    await app.openExample('codespartan');
    await menu(app, 'tier', 'tier.new');
    const field = app.page.locator('[data-testid^="tier-rename-"]');
    await expect(field).toBeFocused();
    await field.fill('Empty');
    await field.press('Enter');
    await expect(app.page.locator('[data-testid^="tier-tab-"]', { hasText: 'Empty' })).toContainText('0 hosts');
  });
});
