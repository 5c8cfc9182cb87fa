import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeTopology } from '../src/shared/format';
import { EXPORT_HOSTILE_STRINGS } from '../src/shared/testing/hostile-strings';
import { hostileTopology } from '../src/shared/testing/hostile-topology';
import { expect, test, type AppPage } from './fixtures';

/** Whatever a preview let through: a flag set by injected code, event attributes, new scripts or frames. */
async function injected(app: AppPage) {
  return app.page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    eventAttributes: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
    scripts: document.scripts.length,
    frames: document.querySelectorAll('iframe, object, embed').length,
  }));
}

test('hostile names, labels and env values render inert in the export preview (Mermaid flowchart and gantt, SVG)', async ({ app, workDir }) => {
  test.setTimeout(300_000);
  const before = await injected(app);
  for (const [i, text] of EXPORT_HOSTILE_STRINGS.entries()) {
    const file = join(workDir, `hostile-${i}.stackdraft.yaml`);
    await writeFile(file, serializeTopology(hostileTopology(text)));
    await app.openPath(file);
    await expect(app.testId('canvas')).toBeVisible();
    await app.testId('menu-file').click();
    await app.testId('menu-item-file.export').click();
    await app.testId('export-tier').selectOption('large');
    for (const format of ['mermaid', 'gantt'] as const) {
      await app.testId(`export-format-${format}`).check();
      await expect(app.testId('mermaid-preview'), `${format} of ${JSON.stringify(text.slice(0, 40))}`).toBeVisible({ timeout: 30_000 });
      await expect(app.testId('mermaid-error')).toHaveCount(0);
      for (const image of await app.testId('mermaid-image').all()) {
        expect(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(50);
      }
    }
    await app.testId('export-format-svg').check();
    await expect(app.testId('image-preview').locator('img')).toBeVisible();
    expect(await app.testId('image-preview').locator('img').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(50);
    expect(await injected(app), JSON.stringify(text.slice(0, 40))).toEqual(before);
    await app.testId('export-close').click();
    await expect(app.testId('export-dialog')).toHaveCount(0);
  }
  expect(before).toMatchObject({ pwned: null, eventAttributes: [], frames: 0 });
});
