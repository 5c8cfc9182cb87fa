import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeTopology } from '../src/shared/format';
import { sampleTopology } from '../src/shared/view/testing';
import { expect, test, type AppPage } from './fixtures';

/** Centres of the named services' boxes in the previewed diagram, as laid out by mermaid. */
async function serviceCentres(app: AppPage, ids: string[]): Promise<Record<string, { x: number; y: number }>> {
  return app.testId('mermaid-image').evaluate((img: HTMLImageElement, ids) => {
    // Laid out again in a hidden copy: nested subgraphs carry their own offsets, the browser adds them up.
    const svg = new DOMParser().parseFromString(decodeURIComponent(img.src.replace(/^data:[^,]*,/, '')), 'image/svg+xml').documentElement;
    const holder = document.createElement('div');
    holder.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden';
    holder.append(document.importNode(svg, true));
    document.body.append(holder);
    try {
      return Object.fromEntries(
        ids.map((id) => {
          const box = holder.querySelector(`g.node[id*="-svc_${id}-"]`)!.getBoundingClientRect();
          return [id, { x: box.x + box.width / 2, y: box.y + box.height / 2 }];
        }),
      );
    } finally {
      holder.remove();
    }
  }, ids);
}

/**
 * Mermaid lays a subgraph that no edge leaves out the other way round (TB↔LR) unless the
 * subgraph states its direction. In the sample shop, with external services left out, no
 * edge leaves the Production environment; its chain proxy → shop (host web) → db (host
 * data) must still run along the chosen direction.
 */
test('the Mermaid preview follows the chosen direction inside nested subgraphs (environment > host > services)', async ({ app, workDir }) => {
  test.setTimeout(120_000);
  const file = join(workDir, 'shop.stackdraft.yaml');
  await writeFile(file, serializeTopology(sampleTopology()));
  await app.openPath(file);
  await expect(app.testId('canvas')).toBeVisible();
  await app.testId('menu-file').click();
  await app.testId('menu-item-file.export').click();
  await app.testId('export-tier').selectOption('large');
  await app.testId('export-format-mermaid').check();
  await app.testId('export-group-by').selectOption('host');
  await app.testId('export-externals').uncheck();

  for (const direction of ['LR', 'TB'] as const) {
    await app.testId('export-direction').selectOption(direction);
    await expect(app.testId('mermaid-preview')).toBeVisible({ timeout: 30_000 });
    await expect(app.testId('mermaid-error')).toHaveCount(0);
    await expect(app.testId('mermaid-image')).toHaveCount(1);
    await app.testId('export-preview').screenshot({ path: `e2e-screenshots/export-direction-${direction}.png` });
    const at = await serviceCentres(app, ['proxy', 'shop', 'db']);
    // Each hop of the chain moves along the chosen axis, not across it.
    const [along, across] = direction === 'LR' ? (['x', 'y'] as const) : (['y', 'x'] as const);
    for (const [from, to] of [['proxy', 'shop'], ['shop', 'db']] as const) {
      const step = { along: at[to]![along] - at[from]![along], across: Math.abs(at[to]![across] - at[from]![across]) };
      expect(step.along, `${direction}: ${to} after ${from}`).toBeGreaterThan(20);
      expect(step.along, `${direction}: ${from} → ${to} runs along ${along}`).toBeGreaterThan(step.across);
    }
  }
});
