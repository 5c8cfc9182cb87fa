import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startBridgeApp } from '../src/main/bridge/app';
import { expect, test } from './fixtures';
import { loadExamples } from './helpers/examples';

const examples = loadExamples();

test.describe('opening the examples', () => {
  for (const example of examples) {
    test(`${example.id}: every tier shows its hosts and placed services`, async ({ app }) => {
      await app.openExample(example.id);
      await expect(app.testId('file-name')).toContainText(example.topology.name);
      for (const tier of example.topology.tiers) {
        await app.switchTier(tier.id);
        const activeHosts = tier.hosts;
        await expect(app.hostNodes()).toHaveCount(activeHosts.length);
        for (const host of activeHosts) await expect(app.testId(`host-${host.id}`)).toBeVisible();
        // Every placed service is drawn (inside the viewport or not: fitView shows all).
        for (const placement of tier.placements) {
          await expect(app.testId(`service-${placement.service}`)).toHaveCount(1);
        }
        await app.screenshot(`example-${example.id}-${tier.id}`);
      }
      await expect(app.testId('dirty-marker')).toHaveCount(0);
    });
  }

  test('hard and soft dependencies are drawn differently', async ({ app }) => {
    const breakpilot = examples.find((e) => e.id === 'breakpilot')!;
    const hard = breakpilot.topology.dependencies.find((d) => d.kind === 'hard')!;
    const soft = breakpilot.topology.dependencies.find((d) => d.kind === 'soft')!;
    await app.openExample('breakpilot');
    await expect(app.testId(`edge-${hard.from}-${hard.to}`)).toHaveAttribute('data-kind', 'hard');
    await expect(app.testId(`edge-${soft.from}-${soft.to}`)).toHaveAttribute('data-kind', 'soft');
    const dash = (id: string) => app.testId(id).evaluate((el) => getComputedStyle(el).strokeDasharray);
    expect(await dash(`edge-${hard.from}-${hard.to}`)).toBe('none');
    expect(await dash(`edge-${soft.from}-${soft.to}`)).not.toBe('none');
  });
});

test('the file named at start opens without a click', async ({ page, baseURL, workDir }) => {
  const path = join(workDir, 'shop.stackdraft.yaml');
  await writeFile(path, examples.find((e) => e.id === 'codespartan')!.text);
  const bridge = await startBridgeApp({ allowedOrigins: [new URL(baseURL!).origin], openAtStart: { path } });
  try {
    await page.goto(`/#bridge=${bridge.port}&token=${bridge.token}`);
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect(page.getByTestId('file-name')).toContainText('shop.stackdraft.yaml');
    // Handed out once: a reload shows the start screen, with the file in Recent Files.
    await page.reload();
    await expect(page.getByTestId('start-screen')).toBeVisible();
    await expect(page.locator(`[data-testid="recent-file"][data-path="${path}"]`)).toBeVisible();
  } finally {
    await bridge.close();
  }
});

test.describe('saving and reopening', () => {
  test('Save As writes the example byte for byte, and reopening shows the same system', async ({ app, workDir }) => {
    const example = examples.find((e) => e.id === 'breakpilot')!;
    const path = join(workDir, 'breakpilot.stackdraft.yaml');
    await app.openExample(example.id);
    await app.switchTier('tier-c');
    await app.saveAs(path);
    await expect(app.toast('success')).toBeVisible();
    expect(await readFile(path, 'utf8')).toBe(example.text);
    await expect(app.testId('file-name')).toContainText('breakpilot.stackdraft.yaml');

    // A save with nothing changed leaves the file alone.
    const before = await stat(path);
    await app.testId('save-button').click();
    await expect(app.page.getByText(/no changes/i)).toBeVisible();
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);

    // Reopen from disk through the path prompt: same tiers, same hosts.
    await app.testId('close-button').click();
    await expect(app.testId('start-screen')).toBeVisible();
    await expect(app.page.locator(`[data-testid="recent-file"][data-path="${path}"]`)).toBeVisible();
    await app.openPath(path);
    await expect(app.testId('canvas')).toBeVisible();
    for (const tier of example.topology.tiers) {
      await app.switchTier(tier.id);
      await expect(app.hostNodes()).toHaveCount(tier.hosts.length);
    }
  });
});

test.describe('bad input', () => {
  test('a broken file opens nothing, names line and field, and stays untouched', async ({ app, workDir }) => {
    const path = join(workDir, 'broken.stackdraft.yaml');
    const text = 'schemaVersion: 2\nproject: demo\nname: Demo\nservices:\n  - id: web\n    name: web\n    kind: app\n    image: nginx\n    replicas: many\n';
    await writeFile(path, text);
    await app.openPath(path);
    await expect(app.testId('load-errors')).toBeVisible();
    const item = app.testId('load-error-item').first();
    await expect(item).toContainText('9');
    await expect(item).toContainText('services[0] (web).replicas');
    await expect(app.testId('canvas')).toHaveCount(0);
    await app.screenshot('load-errors');
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  test('a file from a newer Stackdraft opens read-only and cannot be saved over', async ({ app, workDir }) => {
    const path = join(workDir, 'future.stackdraft.yaml');
    const text = 'schemaVersion: 99\nproject: demo\nname: From the future\n';
    await writeFile(path, text);
    await app.openPath(path);
    await expect(app.testId('readonly-banner')).toBeVisible();
    await expect(app.testId('save-button')).toBeDisabled();
    await app.screenshot('read-only');
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  test('a malformed call over the bridge is refused with a readable error and the app keeps working', async ({ app }) => {
    const reply = await app.page.evaluate(
      ({ port, token }) =>
        new Promise<unknown>((resolve) => {
          const socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`);
          socket.onopen = () => socket.send(JSON.stringify({ type: 'call', id: 7, channel: 'file.save', payload: { path: 42 } }));
          socket.onmessage = (event) => {
            resolve(JSON.parse(String(event.data)));
            socket.close();
          };
        }),
      { port: app.bridge.port, token: app.bridge.token },
    );
    expect(reply).toMatchObject({ type: 'result', id: 7, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
    expect(JSON.stringify(reply)).toContain('path');
    await app.openExample('codespartan');
    await expect(app.hostNodes()).toHaveCount(1);
  });

  test('the bridge refuses a connection without the token', async ({ app }) => {
    app.expectedErrors.push(/WebSocket connection to .* failed/);
    const outcome = await app.page.evaluate(
      (port) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`ws://127.0.0.1:${port}/?token=wrong`);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        }),
      app.bridge.port,
    );
    expect(outcome).toBe('refused');
  });
});
