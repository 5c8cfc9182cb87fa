import { expect, test } from './fixtures';

test('the dark theme applies to the canvas, its boxes and the panels', async ({ app }) => {
  await app.openExample('codespartan');
  await app.testId('service-grafana').click();
  await app.screenshot('editor-theme-light');
  const lightCanvas = await app.page.locator('.react-flow').evaluate((el) => getComputedStyle(el).backgroundColor);
  await app.testId('menu-view').click();
  await app.testId('menu-item-view.themeDark').click();
  await expect(app.page.locator('.app')).toHaveAttribute('data-theme', 'dark');
  await expect(app.page.locator('.react-flow')).toHaveClass(/\bdark\b/);
  // Dark surfaces: the canvas background and a service box are dark, their text light.
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.map(Number);
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  await expect.poll(async () => luminance(await app.page.locator('.react-flow').evaluate((el) => getComputedStyle(el).backgroundColor))).toBeLessThan(80);
  expect(luminance(lightCanvas)).toBeGreaterThan(180);
  const name = app.testId('service-grafana').locator('.svc__name');
  expect(luminance(await name.evaluate((el) => getComputedStyle(el).color))).toBeGreaterThan(150);
  await app.screenshot('editor-theme-dark');
});
