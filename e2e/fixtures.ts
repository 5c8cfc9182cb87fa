import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startBridgeApp, type BridgeApp } from '../src/main/bridge/app';

/** What every spec gets: its own bridge, its own user data, its own scratch folder. */
interface AppFixtures {
  bridge: BridgeApp;
  workDir: string;
  app: AppPage;
}

export const test = base.extend<AppFixtures>({
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'stackdraft-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  bridge: async ({ baseURL }, use) => {
    const bridge = await startBridgeApp({ allowedOrigins: [new URL(baseURL!).origin] });
    await use(bridge);
    await bridge.close();
  },
  app: async ({ page, bridge }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const app = new AppPage(page, bridge);
    await app.goto();
    await use(app);
    const unexpected = errors.filter((error) => !app.expectedErrors.some((pattern) => pattern.test(error)));
    expect(unexpected, 'the page logged no errors').toEqual([]);
  },
});

export { expect };

/** Page helpers: what a user does, named as a user would say it. */
export class AppPage {
  /** Console errors a spec provokes on purpose. */
  readonly expectedErrors: RegExp[] = [];

  constructor(
    readonly page: Page,
    readonly bridge: BridgeApp,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`/#bridge=${this.bridge.port}&token=${this.bridge.token}`);
    await expect(this.page.locator('[data-app-state="ready"]')).toBeVisible();
  }

  testId(id: string) {
    return this.page.getByTestId(id);
  }

  async openExample(id: string): Promise<void> {
    await this.testId(`example-${id}`).click();
    // Opening goes through the bridge (read, parse, validate, lay out): on a busy CI
    // machine that alone has taken over the default 10 s.
    await expect(this.testId('canvas')).toBeVisible({ timeout: 30_000 });
  }

  async openPath(path: string): Promise<void> {
    await this.testId('open-button').click();
    await this.testId('open-path-input').fill(path);
    await this.testId('open-path-submit').click();
  }

  async saveAs(path: string): Promise<void> {
    await this.testId('save-as-button').click();
    await this.testId('save-as-input').fill(path);
    await this.testId('save-as-submit').click();
  }

  async switchTier(tierId: string): Promise<void> {
    await this.testId(`tier-tab-${tierId}`).click();
    await expect(this.testId('canvas')).toHaveAttribute('data-tier', tierId);
  }

  /** Host nodes on the canvas (React Flow wraps each node type in its own class). */
  hostNodes() {
    return this.page.locator('.react-flow__node-host');
  }

  /**
   * Waits until the canvas view has stopped moving: fitting and zooming are animated, and a
   * drop aimed at a box while the view still moves lands somewhere else.
   */
  async viewSettled(): Promise<void> {
    const viewport = this.page.locator('.react-flow__viewport');
    const transform = () => viewport.evaluate((el) => getComputedStyle(el).transform);
    let last = await transform();
    await expect(async () => {
      await this.page.waitForTimeout(150);
      const now = await transform();
      const still = now === last;
      last = now;
      expect(still, 'the canvas view is still moving').toBe(true);
    }).toPass({ timeout: 10_000 });
  }

  /** Clicks the canvas's zoom button until the canvas is (or is no longer) zoomed far out, where boxes show only their names. */
  /** The view's zoom: the scale of React Flow's viewport. */
  zoom(): Promise<number> {
    return this.page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  }

  async zoomUntilFar(far: boolean): Promise<void> {
    const canvas = this.testId('canvas');
    const button = this.page.locator(far ? '.react-flow__controls-zoomout' : '.react-flow__controls-zoomin');
    const isFar = () => canvas.evaluate((el) => el.classList.contains('is-far'));
    await expect(async () => {
      if ((await isFar()) !== far) await button.click();
      expect(await isFar()).toBe(far);
    }).toPass({ timeout: 60_000 });
  }

  toast(kind?: string) {
    return kind ? this.page.locator(`[data-testid="toast"][data-kind="${kind}"]`) : this.testId('toast');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join('e2e-screenshots', `${name}.png`) });
  }
}
