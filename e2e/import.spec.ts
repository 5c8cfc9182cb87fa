import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startBridgeApp } from '../src/main/bridge/app';
import { expect, test as base, type AppPage } from './fixtures';

async function menu(app: AppPage, menuId: string, commandId: string): Promise<void> {
  await app.testId(`menu-${menuId}`).click();
  await app.testId(`menu-item-${commandId}`).click();
}

/** A small compose file with one key Stackdraft cannot represent (cap_add). */
const COMPOSE = `services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    depends_on: [api]
    networks: [edge]
  api:
    image: registry.example/api:3
    cap_add: [NET_ADMIN]
    networks: [edge, data]
  db:
    image: postgres:17
    networks: [data]
networks:
  edge: {}
  data: {}
`;

const SSH_CONFIG = `Host edge-1
  HostName 192.0.2.10
  User ops
  Port 2222
Host *.internal
  User root
`;

// The bridge reads a test ssh config instead of the real ~/.ssh/config.
const test = base.extend({
  bridge: async ({ baseURL, workDir }, use) => {
    const sshConfigPath = join(workDir, 'ssh_config');
    await writeFile(sshConfigPath, SSH_CONFIG);
    const bridge = await startBridgeApp({ allowedOrigins: [new URL(baseURL!).origin], sshConfigPath });
    await use(bridge);
    await bridge.close();
  },
});

test.describe('File ▸ Import…', () => {
  test('a compose file becomes a new topology with its services on the canvas, after showing what it cannot represent', async ({ app, workDir }) => {
    const file = join(workDir, 'docker-compose.yml');
    await writeFile(file, COMPOSE);
    await menu(app, 'file', 'file.import');
    await app.testId('import-compose-file').setInputFiles(file);
    await expect(app.testId('import-summary')).toHaveText('3 services, 1 dependency, 2 planes.');
    await expect(app.testId('import-note')).toContainText(['services.api.cap_add']);
    await app.screenshot('import-dialog');
    await app.testId('import-submit').click();
    await expect(app.testId('file-name')).toContainText('docker-compose.yml (imported)');
    for (const id of ['web', 'api', 'db']) await expect(app.testId(`service-${id}`)).toBeVisible();
    await expect(app.toast('success')).toContainText('Imported 3 services');
  });

  test('a compose file dropped on the window imports into a tier of the open example', async ({ app }) => {
    await app.openExample('breakpilot');
    const before = await app.page.locator('.react-flow__node-service').count();
    const dataTransfer = await app.page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'docker-compose.yml', { type: 'application/yaml' }));
      return transfer;
    }, COMPOSE);
    await app.page.dispatchEvent('.react-flow', 'drop', { dataTransfer });
    await expect(app.testId('import-dialog')).toBeVisible();
    await expect(app.testId('import-file-name')).toHaveText('Dropped: docker-compose.yml');
    await expect(app.testId('import-note')).toContainText(['services.api.cap_add']);
    await app.testId('import-target-current').check();
    await app.testId('import-submit').click();
    await expect(app.testId('import-dialog')).toHaveCount(0);
    await expect(app.page.locator('.react-flow__node-service')).toHaveCount(before + 3);
    await expect(app.testId('service-api')).toBeVisible();
  });

  test('hosts from the ssh config join the chosen tier; wildcard patterns are reported', async ({ app }) => {
    await app.openExample('breakpilot');
    const hostsBefore = await app.hostNodes().count();
    await menu(app, 'file', 'file.import');
    await app.testId('import-tab-ssh').click();
    await expect(app.testId('ssh-host-edge-1')).toBeChecked();
    await expect(app.testId('import-note')).toContainText([/\*\.internal/]);
    await app.testId('ssh-import-submit').click();
    await expect(app.hostNodes()).toHaveCount(hostsBefore + 1);
    await expect(app.hostNodes().filter({ hasText: 'edge-1' })).toBeVisible();
  });
});
