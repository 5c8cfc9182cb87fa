import { expect, test } from './fixtures';

test('a selected host keeps its services visible and clickable', async ({ app }) => {
  await app.openExample('codespartan');
  await app.page.locator('[data-testid="host-codespartan-vps"] .host__name').click();
  await expect(app.testId('inspector-host')).toBeVisible();
  // What the user sees at a service's centre is that service, not the selected host's box.
  const grafana = app.testId('service-grafana');
  const box = (await grafana.boundingBox())!;
  const topmost = await app.page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.closest('.react-flow__node')?.getAttribute('data-id'),
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(topmost).toBe('service:grafana');
  await grafana.click();
  await expect(app.testId('inspector-title')).toHaveText(/^Service · grafana/);
});
