import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateTopology } from '../bench/generate-topology';
import { toMermaidFlowchart } from '../src/shared/export/mermaid';
import { serializeTopology } from '../src/shared/format';
import { expect, test } from './fixtures';

test('a map beyond Mermaid’s limits: the export dialog says why it was split, and every part renders', async ({ app, workDir }) => {
  // Six diagrams of up to 250 edges, each a few seconds of mermaid layout on a busy machine.
  test.setTimeout(300_000);
  // 250 services on 5 hosts: 566 dependencies, over mermaid's 500-edge limit.
  const topology = generateTopology(25, 5);
  const expected = toMermaidFlowchart(topology, topology.tiers[0]!.id, { groupBy: 'host' });
  expect(expected.mode).toBe('split');
  const file = join(workDir, 'large.stackdraft.yaml');
  await writeFile(file, serializeTopology(topology));
  await app.openPath(file);
  // 250 services take a while to lay out on a busy machine.
  await expect(app.testId('canvas')).toBeVisible({ timeout: 60_000 });

  await app.testId('menu-file').click();
  await app.testId('menu-item-file.export').click();
  await app.testId('export-format-mermaid').check();
  await app.testId('export-group-by').selectOption('host');
  const notes = app.testId('export-notes');
  await expect(notes).toContainText('566 dependencies');
  await expect(notes).toContainText("beyond Mermaid's limits (500 edges, 50,000 characters)");
  await expect(notes).toContainText('an overview with one box per host, then one diagram per host');

  // The overview plus one diagram per host, each drawn by mermaid, none refused.
  await expect(app.testId('mermaid-preview')).toBeVisible({ timeout: 240_000 });
  await expect(app.testId('mermaid-error')).toHaveCount(0);
  await expect(app.testId('mermaid-preview')).toHaveAttribute('data-diagrams', String(expected.diagrams.length));
  const captions = app.testId('mermaid-preview').locator('figcaption');
  await expect(captions).toHaveText(expected.diagrams.map((d) => d.title));
  for (const image of await app.testId('mermaid-image').all()) {
    expect(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(50);
  }
  await expect(app.page.locator('.error-icon, .error-text, [id^="dstackdraft-mermaid"]')).toHaveCount(0);
});
