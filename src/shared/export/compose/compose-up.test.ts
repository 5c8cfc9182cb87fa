// `docker-compose up` of an exported example on a real testbed host (h3), with the
// testbed's busybox httpd standing in for every image: the services must come up healthy
// in dependency order. Our own project only; `down -v` always runs.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../../../testbed/examples';
import { ensureTestbed } from '../../../../testbed/harness';
import { toComposeFiles } from './index';

const run = promisify(execFile);
const PROJECT = 'sdexport-test';
let cleanup: (() => Promise<void>) | undefined;

afterAll(async () => {
  await cleanup?.();
}, 120_000);

describe('docker-compose up of an exported host', () => {
  it('brings every service of breakpilot tier A vm-edge up healthy on a testbed host', async () => {
    const testbed = await ensureTestbed();
    const h3 = testbed.hosts.find((h) => h.name === 'h3')!;
    const topology = loadExamples().find((e) => e.id === 'breakpilot')!.topology;
    const file = toComposeFiles(topology, 'tier-a', {
      init: true,
      standIn: {
        image: testbed.image,
        command: ['httpd', '-f', '-p', '8080', '-h', '/www'],
        healthCheck: { command: ['wget', '-q', '-O', '-', 'http://127.0.0.1:8080/'], intervalSeconds: 1, timeoutSeconds: 3, retries: 30, startPeriodSeconds: 0 },
        publishPorts: false,
      },
    }).find((f) => f.host.id === 'vm-edge')!;

    const dir = await mkdtemp(join(tmpdir(), 'sd-compose-up-'));
    await mkdir(join(dir, 'secrets'));
    for (const env of file.secretEnvFiles) await writeFile(join(dir, env.path), env.variables.map((v) => `${v.env}=test-only`).join('\n'));
    const path = join(dir, file.fileName);
    await writeFile(path, file.text);
    const compose = (...args: string[]) =>
      run('docker-compose', ['-p', PROJECT, '-f', path, ...args], { env: { ...process.env, DOCKER_HOST: `unix://${h3.dockerSocket}` }, timeout: 180_000 });
    cleanup = async () => {
      await compose('down', '-v', '--remove-orphans', '-t', '2').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    };

    // `up` waits for service_healthy before starting each dependent, so success means the chain came up.
    await compose('up', '-d');
    const { stdout } = await run('docker', ['-H', `unix://${h3.dockerSocket}`, 'ps', '--filter', `label=com.docker.compose.project=${PROJECT}`, '--format', '{{.Label "com.docker.compose.service"}} {{.Status}}']);
    const status = new Map(stdout.trim().split('\n').map((line) => [line.split(' ')[0]!, line]));
    expect([...status.keys()].sort()).toEqual(['gitea', 'infisical', 'keycloak', 'orca-proxy', 'postgres-infisical', 'postgres-keycloak', 'powerdns-auth', 'redis-infisical']);
    // orca-proxy waits for keycloak, which waits for its database: all must be running; the
    // ones depended on were healthy before their dependents started.
    for (const line of status.values()) expect(line).toMatch(/ Up /);
    const { stdout: inspect } = await run('docker', ['-H', `unix://${h3.dockerSocket}`, 'inspect', '--format', '{{.State.Health.Status}} {{.HostConfig.Memory}}', `${PROJECT}_keycloak_1`]);
    expect(inspect.trim()).toMatch(/^(healthy|starting) 2147483648$/);
  }, 240_000);
});
