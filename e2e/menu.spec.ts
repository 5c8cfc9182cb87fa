import { copyFile, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test, type AppPage } from './fixtures';

const BREAKPILOT = resolve(import.meta.dirname, '../resources/examples/breakpilot.stackdraft.yaml');

/** Clicks Menu ▸ Item in the in-app menu bar (the browser build's application menu). */
async function menu(app: AppPage, menuId: string, commandId: string): Promise<void> {
  await app.testId(`menu-${menuId}`).click();
  await app.testId(`menu-item-${commandId}`).click();
}

test.describe('the menu bar of the browser build', () => {
  test('File: open a file, Save As, then reopen it from Open Recent', async ({ app, workDir }) => {
    const source = join(workDir, 'breakpilot.stackdraft.yaml');
    const copy = join(workDir, 'copy.stackdraft.yaml');
    await copyFile(BREAKPILOT, source);

    await menu(app, 'file', 'file.open');
    await app.testId('open-path-input').fill(source);
    await app.testId('open-path-submit').click();
    await expect(app.testId('canvas')).toBeVisible();
    await expect(app.testId('file-name')).toHaveText('breakpilot.stackdraft.yaml');

    await menu(app, 'file', 'file.saveAs');
    await app.testId('save-as-input').fill(copy);
    await app.testId('save-as-submit').click();
    await expect(app.testId('file-name')).toHaveText('copy.stackdraft.yaml');
    expect(await readFile(copy, 'utf8')).toBe(await readFile(source, 'utf8'));

    await menu(app, 'file', 'file.close');
    await expect(app.testId('start-screen')).toBeVisible();
    // Nothing open: Save is disabled, Open is not.
    await app.testId('menu-file').click();
    await expect(app.testId('menu-item-file.save')).toBeDisabled();
    await expect(app.testId('menu-item-file.open')).toBeEnabled();
    await app.testId('menu-item-file.openRecent').hover();
    const recent = app.testId('menu-recent-file');
    await expect(recent).toHaveCount(2);
    await expect(recent.first()).toHaveAttribute('data-path', copy);
    await app.page.locator(`[data-testid="menu-recent-file"][data-path="${source}"]`).click();
    await expect(app.testId('file-name')).toHaveText('breakpilot.stackdraft.yaml');
    await expect(app.testId('menu-file-items')).toHaveCount(0);
  });

  test('View: the theme switches from the menu and is kept in the settings across a reload', async ({ app, bridge }) => {
    await app.openExample('breakpilot');
    await menu(app, 'view', 'view.themeDark');
    await expect(app.page.locator('.app')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(async () => JSON.parse(await readFile(join(bridge.userDataDir, 'settings.json'), 'utf8')).theme).toBe('dark');
    await app.testId('menu-view').click();
    await expect(app.testId('menu-item-view.themeDark')).toHaveAttribute('aria-checked', 'true');
    await expect(app.testId('menu-item-view.themeLight')).toHaveAttribute('aria-checked', 'false');
    await app.page.keyboard.press('Escape');

    await app.page.evaluate(() => localStorage.clear());
    await app.page.reload();
    await expect(app.page.locator('[data-app-state="ready"]')).toHaveAttribute('data-theme', 'dark');

    await menu(app, 'view', 'view.themeLight');
    await expect(app.page.locator('.app')).toHaveAttribute('data-theme', 'light');
    await expect.poll(async () => JSON.parse(await readFile(join(bridge.userDataDir, 'settings.json'), 'utf8')).theme).toBe('light');
  });

  test('View: grouping and zoom act on the canvas', async ({ app }) => {
    await app.openExample('breakpilot');
    await menu(app, 'view', 'view.byPlane');
    await expect(app.testId('view-plane')).toHaveAttribute('aria-pressed', 'true');
    const zoom = () => app.zoom();
    const before = await zoom();
    await menu(app, 'view', 'view.zoomIn');
    await expect.poll(zoom).toBeGreaterThan(before * 1.05);
    await menu(app, 'view', 'view.actualSize');
    await expect.poll(zoom).toBeCloseTo(1, 2);
  });

  test('Tier: next and previous step through the tiers', async ({ app }) => {
    await app.openExample('breakpilot');
    const first = await app.testId('canvas').getAttribute('data-tier');
    await menu(app, 'tier', 'tier.next');
    await expect(app.testId('canvas')).not.toHaveAttribute('data-tier', first!);
    await menu(app, 'tier', 'tier.previous');
    await expect(app.testId('canvas')).toHaveAttribute('data-tier', first!);
  });

  test('a command that cannot run now is shown disabled, and enabled once it can', async ({ app }) => {
    await app.openExample('codespartan');
    await app.testId('menu-edit').click();
    await expect(app.testId('menu-item-edit.undo')).toBeDisabled();
    await app.page.keyboard.press('Escape');
    await expect(app.testId('menu-edit-items')).toHaveCount(0);

    const first = (await app.testId('canvas').getAttribute('data-tier'))!;
    await app.testId('menu-tier').click();
    await app.testId('menu-item-tier.duplicate').click();
    await expect(app.testId('canvas')).toHaveAttribute('data-tier', `${first}-copy`);
    await app.testId('menu-edit').click();
    await expect(app.testId('menu-item-edit.undo')).toBeEnabled();
    await app.testId('menu-item-edit.undo').click();
    await expect(app.testId(`tier-tab-${first}-copy`)).toHaveCount(0);
  });

  test('keyboard: the menu shortcuts work in the browser, and Help lists them', async ({ app }) => {
    await app.openExample('breakpilot');
    await app.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('Control+Shift+S');
    await expect(app.testId('save-as-dialog')).toBeVisible();
    await app.page.keyboard.press('Escape');
    await expect(app.testId('save-as-dialog')).toHaveCount(0);

    await menu(app, 'help', 'help.shortcuts');
    await expect(app.testId('shortcuts-dialog')).toBeVisible();
    await expect(app.testId('shortcut-table')).toContainText('File ▸ Save As…');
    await expect(app.testId('shortcut-table')).toContainText('Ctrl+Shift+S');
    await app.page.keyboard.press('Escape');
    await menu(app, 'help', 'help.about');
    await expect(app.testId('about-version')).toContainText('Version');
  });

  test('dropping a .stackdraft.yaml on the window opens it', async ({ app, workDir }) => {
    const path = join(workDir, 'dropped.stackdraft.yaml');
    await copyFile(BREAKPILOT, path);
    expect((await stat(path)).isFile()).toBe(true);
    await app.page.evaluate((uri) => {
      const data = new DataTransfer();
      data.setData('text/uri-list', uri);
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    }, `file://${path}`);
    await expect(app.testId('file-name')).toHaveText('dropped.stackdraft.yaml');
  });

  test('screenshot: the menu bar open over an example', async ({ app }) => {
    await app.openExample('breakpilot');
    await app.testId('menu-view').click();
    await expect(app.testId('menu-view-items')).toBeVisible();
    await app.screenshot('menu-view-open');
    await app.testId('menu-file').hover();
    await app.testId('menu-item-file.openRecent').hover();
    await app.screenshot('menu-file-open');
  });
});
