import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { loadTopology } from '../src/shared/format';
import { AppPage, expect, test } from './fixtures';

/** The centre of a box on screen. */
async function centre(locator: Locator) {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** Whether a service box is drawn inside a host box. */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
}

/** A mouse drag in steps: React Flow starts a drag only after the first move. */
async function drag(app: AppPage, from: { x: number; y: number }, to: { x: number; y: number }) {
  const mouse = app.page.mouse;
  await mouse.move(from.x, from.y);
  await mouse.down();
  await mouse.move(from.x + 5, from.y + 5, { steps: 2 });
  await mouse.move(to.x, to.y, { steps: 12 });
  await mouse.up();
}

test.describe('drawing with the editor', () => {
  test('drag from the palette, drop into a host, move between hosts, edit, undo, duplicate a tier, save and reopen', async ({ app, workDir }) => {
    await app.openExample('codespartan');
    // A new, empty tier: every service starts in the unplaced tray.
    await app.testId('tier-add').click();
    await expect(app.testId('canvas')).toHaveAttribute('data-tier', 'tier-2');
    await expect(app.testId('service-traefik')).toBeVisible();
    await expect(app.hostNodes()).toHaveCount(0);

    // Hosts from flavor presets.
    await app.testId('palette-host-hetzner-cax11').click();
    await app.testId('palette-host-syseleven-m2.small').click();
    const first = app.testId('host-vm-cax11');
    const second = app.testId('host-vm-m2-small');
    await expect(first).toBeVisible();
    await expect(second).toContainText('m2.small · 2 vCPU · 8 GiB');
    await expect(app.testId('tier-stats-tier-2')).toContainText('2 hosts · 4 vCPU · 12 GiB');
    await app.page.keyboard.press('Shift+!');
    await app.viewSettled();

    // Drag a PostgreSQL template from the palette into the first host.
    await app.testId('palette-service-postgres').dragTo(first, { force: true });
    const postgres = app.testId('service-postgres');
    await expect(postgres).toBeVisible();
    expect(await inside(postgres, first)).toBe(true);
    await expect(app.testId('host-vm-cax11-memory')).toBeVisible();
    await app.screenshot('editor-dropped-into-host');

    // Move it to the other host by dragging.
    const to = await centre(second);
    await drag(app, await centre(postgres), { x: to.x, y: to.box.y + to.box.height - 20 });
    await expect.poll(() => inside(postgres, second)).toBe(true);
    await expect(app.testId('dirty-marker')).toBeVisible();

    // Add an app into the same host and connect it to the database by its handle.
    await app.testId('palette-service-app').dragTo(second, { force: true });
    const service = app.testId('service-app');
    await expect(service).toBeVisible();
    // Connecting by dragging a handle: e2e/editor-connect.spec.ts.

    // Edit in the inspector, validated as you type.
    await postgres.click();
    await expect(app.testId('inspector-title')).toHaveText('Service · postgres');
    const limit = app.testId('inspect-memory-limit');
    await limit.fill('lots');
    await expect(app.testId('inspect-memory-limit-error')).toHaveText('must be a size like 512 MiB or 2 GiB');
    await limit.fill('3 GiB');
    await expect(app.testId('inspect-memory-limit-error')).toHaveCount(0);
    await limit.press('Enter');
    await expect(postgres).toContainText('3 GiB');

    // Undo and redo the edit (buttons and shortcuts).
    await app.testId('undo-button').click();
    await expect(postgres).toContainText('2 GiB');
    await expect(postgres).not.toContainText('3 GiB');
    await app.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('Control+Shift+Z');
    await expect(postgres).toContainText('3 GiB');

    // Duplicate the tier: same hosts and placements, switched to the copy.
    await app.testId('tier-duplicate').click();
    await expect(app.testId('canvas')).toHaveAttribute('data-tier', 'tier-2-copy');
    await expect(app.testId('tier-stats-tier-2-copy')).toContainText('2 hosts · 4 vCPU · 12 GiB');
    await expect(app.testId('service-postgres')).toBeVisible();
    await app.screenshot('editor-tier-duplicated');

    // Save, reopen: what was drawn is what comes back.
    const path = join(workDir, 'drawn.stackdraft.yaml');
    await app.saveAs(path);
    await expect(app.testId('dirty-marker')).toHaveCount(0);
    const saved = loadTopology(await readFile(path, 'utf8'));
    if (!saved.ok) throw new Error('the saved file does not load');
    const tier = saved.topology.tiers.find((t) => t.id === 'tier-2')!;
    expect(tier.hosts.map((h) => h.id)).toEqual(['vm-cax11', 'vm-m2-small']);
    expect(tier.placements).toEqual([
      { service: 'postgres', host: 'vm-m2-small' },
      { service: 'app', host: 'vm-m2-small' },
    ]);
    expect(saved.topology.services.find((s) => s.id === 'postgres')!.resources.memoryMiB).toEqual({ request: 1024, limit: 3072 });

    await app.testId('close-button').click();
    await app.openPath(path);
    await app.switchTier('tier-2');
    await expect(app.hostNodes()).toHaveCount(2);
    expect(await inside(app.testId('service-postgres'), app.testId('host-vm-m2-small'))).toBe(true);
    await expect(app.testId('dirty-marker')).toHaveCount(0);
  });

  test('deleting a service others depend on says so first', async ({ app }) => {
    await app.openExample('codespartan');
    await app.testId('service-victoriametrics').click();
    await app.page.keyboard.press('Delete');
    await expect(app.testId('delete-impact')).toContainText('vmagent');
    await app.screenshot('editor-delete-confirm');
    await app.testId('delete-confirm-button').click();
    await expect(app.testId('service-victoriametrics')).toHaveCount(0);
    await app.page.keyboard.press('Control+Z');
    await expect(app.testId('service-victoriametrics')).toHaveCount(1);
  });
});

test.describe('never losing work', () => {
  test('work of a killed page is offered back in a new one', async ({ app, bridge, context }) => {
    await app.openExample('codespartan');
    await app.testId('palette-service-redis').click();
    await expect(app.testId('service-redis')).toBeVisible();
    await expect(app.testId('dirty-marker')).toBeVisible();
    // Autosave lands in the user-data folder within a second or so.
    await expect.poll(() => stat(join(bridge.userDataDir, 'recovery.json')).then(() => true, () => false)).toBe(true);
    await app.page.close({ runBeforeUnload: false });

    const page = await context.newPage();
    const again = new AppPage(page, bridge);
    await again.goto();
    await expect(again.testId('recovery-offer')).toContainText('CodeSpartan');
    await again.screenshot('editor-recovery-offer');
    await again.testId('recovery-restore').click();
    await expect(again.testId('service-redis')).toBeVisible();
    await expect(again.testId('dirty-marker')).toBeVisible();
    await expect(again.testId('file-name')).toContainText('(recovered)');
  });
});
