import { execFile } from 'node:child_process';
import { chmod, copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startBridgeApp, type BridgeApp } from '../src/main/bridge/app';
import { fourServiceTopology } from '../src/main/deploy/test-topology';
import { directDocker, engineFor, projectContainers, removeProject, topologyOn } from '../src/main/deploy/testbed-helpers';
import { serializeTopology } from '../src/shared/format';
import { ensureTestbed, type Testbed } from '../testbed/harness';
import { expect, test as base, type AppPage } from './fixtures';

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

/** Clicks Menu ▸ Item in the in-app menu bar (the browser build's application menu). */
async function menu(app: AppPage, menuId: string, commandId: string): Promise<void> {
  await app.testId(`menu-${menuId}`).click();
  await app.testId(`menu-item-${commandId}`).click();
}

test('an encrypted key: Deploy ▸ Plan asks for its passphrase, refuses a wrong one, then plans; Known Hosts lists and forgets a key', async ({ app, testbed, workDir }) => {
  test.setTimeout(180_000);
  const keyFile = join(workDir, 'id_encrypted');
  await copyFile(testbed.identityFile, keyFile);
  await chmod(keyFile, 0o600);
  await promisify(execFile)('ssh-keygen', ['-q', '-p', '-P', '', '-N', 'open sesame', '-f', keyFile]);
  const file = join(workDir, 'encrypted.stackdraft.yaml');
  await writeFile(file, serializeTopology(fourServiceTopology({ project: PROJECT, hosts: testbed.hosts, identityFile: keyFile, image: testbed.image, webPort: 18096 })));
  await app.openPath(file);
  await expect(app.testId('canvas')).toBeVisible();

  await menu(app, 'deploy', 'deploy.plan');
  await expect(app.testId('passphrase-dialog')).toBeVisible({ timeout: 60_000 });
  await expect(app.testId('passphrase-key-file')).toHaveText(keyFile);
  await expect(app.testId('passphrase-input')).toHaveAttribute('type', 'password');
  // The browser build has no keychain: remembering is refused, and the dialog says why.
  await expect(app.testId('passphrase-remember')).toBeDisabled();
  await expect(app.testId('passphrase-remember-reason')).toContainText('cannot reach the system keychain');

  await app.testId('passphrase-input').fill('wrong guess');
  await app.testId('passphrase-submit').click();
  await expect(app.testId('passphrase-error')).toContainText('does not open');
  await app.screenshot('passphrase-dialog');
  await expect(app.testId('passphrase-input')).toHaveValue('');
  await app.testId('passphrase-input').fill('open sesame');
  await app.testId('passphrase-submit').click();
  await expect(app.testId('passphrase-dialog')).toBeHidden();

  // h3 is not in known_hosts: its key is asked about next, then the plan appears.
  await expect(app.testId('host-key-dialog')).toBeVisible({ timeout: 60_000 });
  await app.testId('host-key-trust').click();
  await expect(app.testId('deploy-plan-summary')).toHaveText(/4 to create/, { timeout: 60_000 });

  await menu(app, 'deploy', 'deploy.knownHosts');
  await expect(app.testId('known-hosts-dialog')).toBeVisible();
  const own = app.page.locator('[data-testid="known-host-row"][data-source="stackdraft"]');
  await expect(own).toHaveCount(1);
  await expect(own).toHaveAttribute('data-host', testbed.hosts[2]!.address);
  await expect(own.getByTestId('known-host-fingerprint')).toHaveText(testbed.hosts[2]!.hostKeyFingerprint);
  const fromFile = app.page.locator(`[data-testid="known-host-row"][data-source="known_hosts"][data-host="${testbed.hosts[0]!.address}"]`);
  await expect(fromFile).toContainText('known_hosts:');
  await expect(fromFile.getByTestId('known-host-remove')).toBeDisabled();
  await app.screenshot('known-hosts');
  await own.getByTestId('known-host-remove').click();
  await expect(own).toHaveCount(0);
  await app.testId('known-hosts-close').click();

  // Forgotten: the next plan asks about h3's key again; the passphrase is still known this session.
  await menu(app, 'deploy', 'deploy.plan');
  await expect(app.testId('host-key-dialog')).toBeVisible({ timeout: 60_000 });
  await expect(app.testId('passphrase-dialog')).toBeHidden();
});

test('Cancel during a running deploy rolls back: nothing of the deploy is left on any host', async ({ app, testbed, workDir }) => {
  test.setTimeout(240_000);
  // api never gets healthy (nothing listens on port 9), so the deploy waits in phase 2 until cancelled.
  const neverHealthy = { healthCheck: { command: ['wget', '-q', '-O', '-', 'http://127.0.0.1:9/'], intervalSeconds: 0.5, timeoutSeconds: 1, retries: 200, startPeriodSeconds: 0 } };
  const file = join(workDir, 'cancel.stackdraft.yaml');
  await writeFile(file, serializeTopology(topologyOn(testbed, { project: PROJECT, webPort: 18097, override: { api: neverHealthy } })));
  await app.openPath(file);
  await expect(app.testId('canvas')).toBeVisible();

  await app.testId('deploy-button').click();
  await app.testId('deploy-plan').click();
  await expect(app.testId('host-key-dialog')).toBeVisible({ timeout: 60_000 });
  await app.testId('host-key-trust').click();
  await expect(app.testId('deploy-plan-summary')).toHaveText(/4 to create/, { timeout: 60_000 });

  await app.testId('deploy-apply').click();
  await expect(app.page.locator('[data-testid="deploy-service"][data-service="api"]')).toHaveAttribute('data-step', 'health-check', { timeout: 120_000 });
  await expect(app.page.locator('[data-testid="deploy-service"][data-step="healthy"]')).toHaveCount(2);
  await app.testId('deploy-cancel').click();

  await expect(app.testId('deploy-report')).toHaveAttribute('data-outcome', 'cancelled', { timeout: 120_000 });
  await expect(app.page.locator('[data-testid="deploy-service"][data-step="rolled-back"]')).toHaveCount(3);
  // web (phase 3) was never started.
  await expect(app.page.locator('[data-testid="deploy-service"][data-service="web"]')).toHaveCount(0);
  await expect(app.testId('deploy-cancel')).toHaveCount(0);
  expect(await projectContainers(testbed, PROJECT)).toEqual([]);
});

test('Roll back to previous after two deploys: preview from → to, confirm, progress, v1 serving again', async ({ app, testbed, workDir }) => {
  test.setTimeout(240_000);
  const project = `${PROJECT}-rb`;
  const version = (mode: string) => topologyOn(testbed, { project, webPort: 18098, override: { api: { env: { MODE: mode } } } });
  // The two deploys themselves are not what this spec is about: the engine does them directly.
  const { engine, pool } = await engineFor(testbed);
  try {
    expect(await engine.apply(version('v1'), 'test')).toMatchObject({ outcome: 'succeeded' });
    expect(await engine.apply(version('v2'), 'test')).toMatchObject({ outcome: 'succeeded' });
    const file = join(workDir, 'rollback.stackdraft.yaml');
    await writeFile(file, serializeTopology(version('v2')));
    await app.openPath(file);
    await expect(app.testId('canvas')).toBeVisible();

    await app.testId('deploy-button').click();
    await app.testId('deploy-rollback').click();
    await expect(app.testId('host-key-dialog')).toBeVisible({ timeout: 60_000 });
    await app.testId('host-key-trust').click();
    await expect(app.testId('rollback-summary')).toHaveText(/Back to the versions the last deploy replaced — 1 to swap back, 0 to remove, 3 unchanged/, { timeout: 60_000 });
    const swap = app.page.locator('[data-testid="rollback-row"][data-kind="swap"]');
    await expect(swap).toHaveAttribute('data-service', 'api');
    await expect(swap).toContainText(/[0-9a-f]{8} \(.+\) → [0-9a-f]{8} \(.+\)/);
    await app.screenshot('rollback-preview');

    await app.testId('rollback-confirm').click();
    await expect(app.testId('deploy-report')).toHaveAttribute('data-outcome', 'succeeded', { timeout: 180_000 });
    await expect(app.page.locator('[data-testid="deploy-service"][data-service="api"]')).toHaveAttribute('data-step', 'healthy');
    const api = await directDocker(testbed, 1).getContainer(`${project}-api`).inspect();
    expect(api.Config.Env).toContain('MODE=v1');
    expect(api.State.Health?.Status).toBe('healthy');
    expect(await (await fetch('http://10.77.0.13:18098/')).text()).toContain('stackdraft testbed OK');

    // Pressed again, it offers to roll forward.
    await app.testId('deploy-rollback').click();
    await expect(app.testId('rollback-preview')).toHaveAttribute('data-direction', 'forward', { timeout: 60_000 });
    await expect(app.testId('rollback-confirm')).toHaveText('Roll forward');
  } finally {
    await pool.closeAll();
    await removeProject(testbed, project);
  }
});
