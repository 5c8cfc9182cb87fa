import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportCommand } from '../src/cli/commands/export';
import { expect, test, type AppPage } from './fixtures';
import { EXAMPLES_DIR, loadExamples } from './helpers/examples';

async function menu(app: AppPage, menuId: string, commandId: string): Promise<void> {
  await app.testId(`menu-${menuId}`).click();
  await app.testId(`menu-item-${commandId}`).click();
}

/** The preview of the chosen tier rendered by mermaid: images that loaded, and no error. */
async function expectMermaidRendered(app: AppPage): Promise<void> {
  await expect(app.testId('mermaid-preview')).toBeVisible({ timeout: 30_000 });
  await expect(app.testId('mermaid-error')).toHaveCount(0);
  const images = app.testId('mermaid-image');
  expect(await images.count()).toBeGreaterThan(0);
  for (const image of await images.all()) {
    expect(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(50);
  }
  // mermaid's own error drawing ("Syntax error in text") never reaches the page.
  await expect(app.page.locator('.error-icon, .error-text, [id^="dstackdraft-mermaid"]')).toHaveCount(0);
}

/** Runs `stackdraft export` with the same options, writing to `out`. */
async function runCli(file: string, args: string[], out: string): Promise<void> {
  const errors: string[] = [];
  const code = await exportCommand([file, ...args, '-o', out], { out: () => undefined, err: (line) => errors.push(line) });
  expect(code, errors.join('\n')).toBe(0);
}

/** What `stackdraft export` writes to one file for the same options. */
async function cliExport(file: string, args: string[], out: string): Promise<string> {
  await runCli(file, args, out);
  return readFile(out, 'utf8');
}

test.describe('File ▸ Export…', () => {
  for (const example of loadExamples()) {
    test(`${example.id}: the Mermaid previews of every tier (by host, by plane, cold-start gantt) render in Chromium with no error`, async ({ app }) => {
      // Up to 3 maps per tier, each a second or two of mermaid layout on a busy machine.
      test.setTimeout(300_000);
      const mermaidRequests: string[] = [];
      app.page.on('request', (request) => /mermaid\.core/.test(request.url()) && mermaidRequests.push(request.url()));
      await app.openExample(example.id);
      expect(mermaidRequests, 'mermaid is not loaded before the dialog opens').toEqual([]);
      await menu(app, 'file', 'file.export');
      await expect(app.testId('export-dialog')).toBeVisible();
      for (const tier of example.topology.tiers) {
        await app.testId('export-tier').selectOption(tier.id);
        for (const groupBy of ['host', 'plane']) {
          await app.testId('export-format-mermaid').check();
          await app.testId('export-group-by').selectOption(groupBy);
          await expectMermaidRendered(app);
        }
        await app.testId('export-format-gantt').check();
        await expectMermaidRendered(app);
      }
      expect(mermaidRequests.length, 'mermaid was loaded when the dialog opened').toBeGreaterThan(0);
    });
  }

  test('copies and saves exactly what the CLI exports: Mermaid, compose per host, report; PNG saved and copied as an image', async ({ app, workDir }) => {
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const file = join(EXAMPLES_DIR, 'breakpilot.stackdraft.yaml');
    const tierId = loadExamples().find((e) => e.id === 'breakpilot')!.topology.tiers[0]!.id;
    await app.openExample('breakpilot');
    await menu(app, 'file', 'file.export');
    await app.testId('export-tier').selectOption(tierId);
    await app.testId('export-direction').selectOption('LR');
    await expectMermaidRendered(app);
    await app.page.screenshot({ path: 'docs/export.png' });

    const expected = await cliExport(file, ['--tier', tierId, '--format', 'mermaid', '--direction', 'LR'], join(workDir, 'cli.mmd'));
    await app.testId('export-copy').click();
    await expect(app.toast('success')).toContainText('Copied');
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    const saved = join(workDir, 'map.mmd');
    await app.testId('export-path').fill(saved);
    await app.testId('export-save').click();
    await expect(app.toast('success').filter({ hasText: saved })).toBeVisible();
    expect(await readFile(saved, 'utf8')).toBe(expected);

    await app.testId('export-format-report').check();
    await expect(app.testId('text-preview')).toContainText('Inventory per host');
    const report = join(workDir, 'report.md');
    await app.testId('export-path').fill(report);
    await app.testId('export-save').click();
    await expect(app.toast('success').filter({ hasText: report })).toBeVisible();
    expect(await readFile(report, 'utf8')).toBe(await cliExport(file, ['--tier', tierId, '--format', 'report'], join(workDir, 'cli-report.md')));

    await app.testId('export-format-compose').check();
    await app.testId('export-host').selectOption({ index: 1 });
    const hostName = await app.testId('export-host').locator('option:checked').textContent();
    const compose = join(workDir, 'compose.yml');
    await app.testId('export-path').fill(compose);
    await app.testId('export-save').click();
    await expect(app.toast('success').filter({ hasText: compose })).toBeVisible();
    const cliDir = join(workDir, 'cli-compose');
    await runCli(file, ['--tier', tierId, '--format', 'compose'], cliDir);
    const cliFile = (await readdir(cliDir)).find((name) => name.includes(hostName!.trim()));
    expect(await readFile(compose, 'utf8')).toBe(await readFile(join(cliDir, cliFile!), 'utf8'));

    await app.testId('export-format-png').check();
    await expect(app.testId('image-preview')).toBeVisible();
    await app.testId('export-copy').click();
    await expect(app.toast('success').filter({ hasText: 'Copied the image' })).toBeVisible();
    const copied = await app.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item!.getType('image/png');
      const bitmap = await createImageBitmap(blob);
      return { types: item!.types, width: bitmap.width };
    });
    expect(copied.types).toContain('image/png');
    expect(copied.width).toBeGreaterThan(500);
    const png = join(workDir, 'map.png');
    await app.testId('export-path').fill(png);
    await app.testId('export-save').click();
    await expect(app.toast('success').filter({ hasText: png })).toBeVisible();
    expect((await readFile(png)).subarray(1, 4).toString()).toBe('PNG');
  });
});
