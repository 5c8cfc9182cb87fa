import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { composeProject } from './compose-up';
import { ensureTestbed } from './harness';

const run = promisify(execFile);
const PROJECT = `sdchk-${process.pid.toString(36)}`;

describe('the compose-up test rig', () => {
  let cleanup = async () => {};
  afterAll(() => cleanup(), 60_000);

  // CI once failed in teardown: a busy dockerd still listed an endpoint on the project's network.
  it('takes a project down even when something still holds an endpoint on its network', async () => {
    const testbed = await ensureTestbed();
    const host = testbed.hosts[0]!;
    const docker = (...args: string[]) => run('docker', ['-H', `unix://${host.dockerSocket}`, ...args]);
    const dir = await mkdtemp(join(tmpdir(), 'sdchk-'));
    cleanup = async () => {
      await docker('rm', '-f', `${PROJECT}-holder`).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    };
    const text = `services:\n  web:\n    image: ${testbed.image}\n    command: ["sleep", "300"]\n    networks: [frontend]\nnetworks:\n  frontend: {}\n`;
    const file = { fileName: 'docker-compose.yml', text, secretEnvFiles: [] };
    const project = await composeProject(host, file, PROJECT, dir);
    await project.up();
    await docker('run', '-d', '--name', `${PROJECT}-holder`, '--network', `${PROJECT}_frontend`, testbed.image, 'sleep', '300');
    await project.down();
    const { stdout } = await docker('network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${PROJECT}`);
    expect(stdout.trim()).toBe('');
  }, 120_000);
});
