import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The React Flow wrapper of a canvas node, which carries the `selected` class. */
const flowNode = (app: { page: Page }, id: string) => app.page.locator(`.react-flow__node[data-id="${id}"]`);

test.describe('problems and analysis', () => {
  test('lists the seed 002 risks; clicking one selects and reveals the element', async ({ app }) => {
    await app.openExample('breakpilot');
    await app.switchTier('tier-a');
    const panel = app.testId('problems-panel');
    await expect(panel).toBeVisible();
    const risk1 = panel.locator('[data-rule="critical-stateful"]');
    await expect(risk1).toContainText('postgres-app on vm-data is a single instance');
    await expect(panel.locator('[data-rule="root-dependency-host"]')).toContainText('vm-edge owns 2 root dependencies (keycloak, infisical)');
    await expect(panel.locator('[data-rule="capacity"]', { hasText: 'vm-control: memory limits' })).toBeVisible();
    // Errors come first.
    await expect(app.testId('problem-0')).toHaveAttribute('data-severity', 'error');

    await risk1.locator('.problem__main').click();
    await expect(flowNode(app, 'service:postgres-app')).toHaveClass(/selected/);
    await expect(app.testId('service-postgres-app')).toBeInViewport();
  });

  test('badges sit on the nodes the findings point at, coloured by the worst', async ({ app }) => {
    await app.openExample('breakpilot');
    await app.switchTier('tier-a');
    // vm-edge: CPU limits over the host (error) and the root-dependency warning.
    await expect(app.testId('finding-badge-host:vm-edge')).toHaveAttribute('data-severity', 'error');
    await expect(app.testId('finding-badge-host:vm-edge')).toHaveText('2');
    await expect(app.testId('finding-badge-service:postgres-app')).toHaveAttribute('data-severity', 'warning');
    // The host colour comes from the same capacity numbers as the findings.
    await expect(app.testId('host-vm-edge')).toHaveAttribute('data-level', 'error');
  });

  test('a quick fix is one edit: the finding and its badge go, the document is dirty', async ({ app }) => {
    await app.openExample('rejourney');
    const panel = app.testId('problems-panel');
    const backup = panel.locator('[data-rule="backup-policy"]');
    await expect(backup).toHaveCount(1);
    await expect(app.testId('finding-badge-service:postgres')).toBeVisible();
    const before = Number(await panel.getAttribute('data-count'));
    await backup.getByTestId('problem-fix').click();
    await expect(backup).toHaveCount(0);
    await expect(panel).toHaveAttribute('data-count', String(before - 1));
    await expect(app.testId('dirty-marker')).toBeVisible();
  });

  test('the cold-start overlay numbers services by phase (seed 002 §10 F)', async ({ app }) => {
    await app.openExample('breakpilot');
    await app.switchTier('tier-a');
    await expect(app.testId('phase-badge-orca-proxy')).toHaveCount(0);
    await app.testId('overlay-cold-start').click();
    await expect(app.testId('phase-badge-postgres-app')).toHaveText('0');
    await expect(app.testId('phase-badge-infisical')).toHaveText('1');
    await expect(app.testId('phase-badge-customer-portal')).toHaveText('3');
    await expect(app.testId('phase-badge-orca-proxy')).toHaveText('4');
    await app.testId('overlay-cold-start').click();
    await expect(app.testId('phase-badge-orca-proxy')).toHaveCount(0);
  });

  test('"what if it fails" greys out the blast radius of the selected host', async ({ app }) => {
    await app.openExample('breakpilot');
    await app.switchTier('tier-a');
    await app.testId('overlay-what-if').click();
    await expect(app.page.locator('[data-testid^="whatif-down-"]')).toHaveCount(0);
    await app.testId('problems-panel').locator('[data-rule="root-dependency-host"] .problem__main').click();
    await expect(flowNode(app, 'host:vm-edge')).toHaveClass(/selected/);
    await expect(app.testId('whatif-summary')).toContainText('If vm-edge fails: 24 down, 2 degraded');
    await expect(app.testId('whatif-down-service:keycloak')).toBeVisible();
    await expect(app.testId('whatif-down-service:tenant-registry')).toBeAttached();
    await expect(app.testId('whatif-down-service:postgres-app')).toHaveCount(0);
    await app.screenshot('problems-what-if-vm-edge');
  });

  test('the tier comparison lines up the growth tiers of seed 002 §13', async ({ app }) => {
    await app.openExample('breakpilot');
    await app.testId('compare-tiers').click();
    const table = app.testId('tier-comparison');
    await expect(table).toBeVisible();
    await expect(app.testId('tier-cost-tier-a')).toContainText('192');
    await expect(app.testId('tier-cost-tier-d')).toContainText('608');
    await expect(app.testId('tier-row-tier-b')).toContainText('1 standby');
    await app.screenshot('problems-tier-comparison');
  });
});
