/**
 * The packaged shell, live: runs under Playwright's `_electron.launch` where the Electron
 * binary exists (a developer machine, a CI image with it installed). It is skipped on
 * machines without it — such as the one this project is developed on, where the binary
 * cannot be downloaded (see ../shared TESTBED.md) and the renderer is tested through the
 * WebSocket bridge instead. Build first: `npx electron-vite build`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..');

/** The Electron binary's path, or why there is none. */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' ? { path } : { missing: 'the electron package did not name a binary' };
  } catch (error) {
    return { missing: `the Electron binary is not installed here (${(error as Error).message.split('\n')[0]})` };
  }
}

const binary = electronBinary();

test.describe('the desktop app (Electron)', () => {
  test.skip('missing' in binary, `Skipped: ${'missing' in binary ? binary.missing : ''}. These checks run where the binary exists.`);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'stackdraft-electron-'));
    app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : undefined,
      args: [join(ROOT, 'out/main/index.js')],
      env: { ...process.env, STACKDRAFT_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: '' },
    });
    page = await app.firstWindow();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  });

  test.afterEach(async () => {
    await app?.close();
    await rm(userData, { recursive: true, force: true });
  });

  test('the window is sandboxed, isolated, without Node, served from app://', async () => {
    // getLastWebPreferences() is what Electron's own tests read; it is not in the typings.
    const preferences = await app.evaluate(({ BrowserWindow }) => (BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): unknown }).getLastWebPreferences());
    expect(preferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(page.url()).toMatch(/^app:\/\/stackdraft\//);
    expect(await page.evaluate(() => [typeof (globalThis as Record<string, unknown>).require, typeof (globalThis as Record<string, unknown>).process])).toEqual(['undefined', 'undefined']);
    expect(await page.evaluate(() => Object.keys((window as unknown as { stackdraft: object }).stackdraft).length)).toBeGreaterThan(5);
  });

  test('new windows, navigation away, permissions and inline scripts are all refused', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await expect.poll(() => page.url()).toMatch(/^app:\/\/stackdraft\//);
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.body.append(script);
      return (window as unknown as { __inline?: boolean }).__inline === true;
    });
    expect(inlineRan).toBe(false);
  });

  test('the native menu has the six menus, and the title follows the document', async () => {
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.map((item) => item.label.replace('&', '')));
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Tier', 'Deploy', 'Help']));
    await page.getByTestId('example-breakpilot').click();
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle())).toMatch(/Breakpilot.* — Stackdraft$/);
  });
});
