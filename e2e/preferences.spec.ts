import { copyFile, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test, type AppPage } from './fixtures';

const BREAKPILOT = resolve(import.meta.dirname, '../resources/examples/breakpilot.stackdraft.yaml');

async function openPreferences(app: AppPage): Promise<void> {
  await app.testId('menu-file').click();
  await app.testId('menu-item-file.preferences').click();
  await expect(app.testId('preferences-dialog')).toBeVisible();
}

test.describe('File ▸ Preferences…', () => {
  test('theme and autosave interval are kept; an invalid interval says why and is not saved', async ({ app, bridge }) => {
    await app.openExample('breakpilot');
    await openPreferences(app);
    const settingsFile = join(bridge.userDataDir, 'settings.json');
    const stored = async () => JSON.parse(await readFile(settingsFile, 'utf8')) as Record<string, unknown>;

    await app.testId('pref-theme-dark').check();
    await expect(app.page.locator('.app')).toHaveAttribute('data-theme', 'dark');

    const interval = app.testId('pref-autosaveIntervalSeconds');
    await interval.fill('45');
    await expect.poll(async () => (await stored()).autosaveIntervalSeconds).toBe(45);
    await interval.fill('9999');
    await expect(interval).toHaveAttribute('aria-invalid', 'true');
    await expect(app.testId('pref-autosaveIntervalSeconds-reason')).toHaveText('At most 3600 seconds.');
    await interval.fill('4o');
    await expect(app.testId('pref-autosaveIntervalSeconds-reason')).toHaveText('"4o" is not a number.');
    expect((await stored()).autosaveIntervalSeconds).toBe(45);
    await interval.fill('120');
    await expect(interval).toHaveAttribute('aria-invalid', 'false');
    await expect.poll(async () => (await stored()).autosaveIntervalSeconds).toBe(120);
    await app.page.screenshot({ path: 'test-results/preferences.png' });

    await app.testId('preferences-close').click();
    await expect(app.testId('preferences-dialog')).toHaveCount(0);
    // Reloading starts a new page: what shows next comes from main's settings.
    await app.page.reload();
    await expect(app.page.locator('[data-app-state="ready"]')).toBeVisible();
    // Ctrl+, as in the menu.
    await app.page.keyboard.press('Control+Comma');
    await expect(app.testId('preferences-dialog')).toBeVisible();
    await expect(app.testId('pref-theme-dark')).toBeChecked();
    await expect(app.testId('pref-autosaveIntervalSeconds')).toHaveValue('120');
    await expect(app.page.locator('.app')).toHaveAttribute('data-theme', 'dark');
  });

  test('the bridge has no keychain: the secrets section says so, storing is off, missing secrets are listed', async ({ app }) => {
    await app.openExample('breakpilot');
    await openPreferences(app);
    await expect(app.testId('pref-secrets-unavailable')).toContainText('cannot reach the system keychain');
    await expect(app.testId('pref-secret-name')).toBeDisabled();
    await expect(app.testId('pref-secret-value')).toBeDisabled();
    await expect(app.testId('pref-secret-value')).toHaveAttribute('type', 'password');
    await expect(app.testId('pref-secret-store')).toBeDisabled();
    // breakpilot's services reference secrets; none can be stored here, so each is missing.
    const missing = app.testId('pref-secret-missing');
    expect(await missing.count()).toBeGreaterThan(0);
    await expect(missing.first()).toContainText('missing');
    await expect(missing.first()).toContainText('used by');
    await app.testId('pref-secrets').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: 'test-results/preferences-secrets.png' });
  });

  test('Clear recent files empties the recent list; Known hosts… opens that dialog', async ({ app, workDir }) => {
    const file = join(workDir, 'shop.stackdraft.yaml');
    await copyFile(BREAKPILOT, file);
    await app.openPath(file);
    await expect(app.testId('canvas')).toBeVisible();
    await app.testId('menu-file').click();
    await app.testId('menu-item-file.close').click();
    await expect(app.testId('recent-file')).toHaveCount(1);

    await openPreferences(app);
    await app.testId('pref-clear-recent').click();
    await expect(app.testId('preferences-notice')).toHaveText('Recent files cleared.');
    await expect(app.testId('recent-file')).toHaveCount(0);
    await app.page.reload();
    await expect(app.page.locator('[data-app-state="ready"]')).toBeVisible();
    await expect(app.testId('recent-file')).toHaveCount(0);

    await openPreferences(app);
    await app.testId('pref-known-hosts').click();
    await expect(app.testId('preferences-dialog')).toHaveCount(0);
    await expect(app.testId('known-hosts-dialog')).toBeVisible();
  });
});
