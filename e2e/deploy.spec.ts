import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startBridgeApp, type BridgeApp } from '../src/main/bridge/app';
import { removeProject, topologyOn } from '../src/main/deploy/testbed-helpers';
import { serializeTopology } from '../src/shared/format';
import { ensureTestbed, type Testbed } from '../testbed/harness';
import { expect, test as base } from './fixtures';

const PROJECT = `sdtest-e2e-${process.pid.toString(36)}`;

/** The app's bridge trusting the testbed's h1 and h2 from a known_hosts file; h3 must be asked about. */
const test = base.extend<{ testbed: Testbed; bridge: BridgeApp }>({
  // eslint-disable-next-line no-empty-pattern
  testbed: async ({}, use) => {
    const testbed = await ensureTestbed();
    await use(testbed);
    await removeProject(testbed, PROJECT);
  },
  bridge: async ({ baseURL, testbed, workDir }, use) => {
    const knownHosts = join(workDir, 'known_hosts');
    const lines = (await readFile(testbed.knownHostsFile, 'utf8')).split('\n').filter((l) => l && !l.includes(testbed.hosts[2]!.address));
    await writeFile(knownHosts, `${lines.join('\n')}\n`);
    const bridge = await startBridgeApp({ allowedOrigins: [new URL(baseURL!).origin], knownHostsFiles: [knownHosts], trustStorePath: join(workDir, 'trust.json') });
    await use(bridge);
    await bridge.close();
  },
});

test('Plan and Deploy from the UI: host-key question, plan table, live progress, status dots, then nothing left to change', async ({ app, testbed, workDir }) => {
  test.setTimeout(240_000);
  const file = join(workDir, 'deploy.stackdraft.yaml');
  await writeFile(file, serializeTopology(topologyOn(testbed, { project: PROJECT, webPort: 18095 })));
  await app.openPath(file);
  await expect(app.testId('canvas')).toBeVisible();

  await app.testId('deploy-button').click();
  await app.testId('deploy-plan').click();
  await expect(app.testId('host-key-dialog')).toBeVisible({ timeout: 60_000 });
  await expect(app.testId('host-key-fingerprint')).toHaveText(testbed.hosts[2]!.hostKeyFingerprint);
  await app.testId('host-key-trust').click();

  await expect(app.testId('deploy-plan-table')).toBeVisible({ timeout: 60_000 });
  await expect(app.testId('deploy-plan-summary')).toHaveText(/4 to create, 0 to replace, 0 to remove, 0 unchanged — 3 phase\(s\)/);
  await expect(app.page.locator('[data-testid="deploy-plan-row"][data-kind="create"]')).toHaveCount(4);

  await app.testId('deploy-apply').click();
  await expect(app.testId('deploy-progress')).toBeVisible();
  await expect(app.testId('deploy-report')).toHaveAttribute('data-outcome', 'succeeded', { timeout: 180_000 });
  await expect(app.page.locator('[data-testid="deploy-service"][data-step="healthy"]')).toHaveCount(4);
  await expect(app.testId('deploy-log')).toContainText('phase 3/3');
  expect(await (await fetch('http://10.77.0.13:18095/')).text()).toContain('stackdraft testbed OK');
  // Live status: dots on the canvas for the deployed services and their hosts.
  await expect(app.testId('service-web-status')).toHaveAttribute('data-status', 'healthy', { timeout: 30_000 });
  await expect(app.testId('host-h3-status')).toHaveAttribute('data-status', 'reachable');

  await app.testId('deploy-plan').click();
  await expect(app.testId('deploy-plan-summary')).toHaveText('No changes: every host already runs this tier as planned.', { timeout: 60_000 });
  await expect(app.testId('deploy-apply')).toBeDisabled();
});
