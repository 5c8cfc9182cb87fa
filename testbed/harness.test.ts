import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repairTestbed, type TestbedChoice } from './harness';

const run = promisify(execFile);
// A host of its own, so tearing it down disturbs no other test file.
const CHOICE: TestbedChoice = { hosts: [6], stateDir: '/tmp/sd-parallel' };
const down = () => run('bash', [join(import.meta.dirname, 'down.sh'), CHOICE.stateDir!], { env: { ...process.env, TB_HOSTS: '6' } });

describe('the testbed harness', () => {
  afterAll(down, 60_000);

  // Playwright and vitest workers each call ensureTestbed; from a fresh machine they race
  // to create the same namespace, veth and files (CI once failed on exactly this).
  it('brings a fresh testbed up for three workers at once, and every one of them can use it', async () => {
    await down();
    const results = await Promise.all([repairTestbed(CHOICE), repairTestbed(CHOICE), repairTestbed(CHOICE)]);
    for (const testbed of results) expect(testbed.hosts.map((h) => h.address)).toEqual(['10.77.0.16']);
    const { hosts, identityFile, knownHostsFile } = results[0]!;
    const { stdout } = await run('ssh', ['-F', '/dev/null', '-i', identityFile, '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes',
      '-o', `UserKnownHostsFile=${knownHostsFile}`, '-o', 'StrictHostKeyChecking=yes', `${hosts[0]!.user}@${hosts[0]!.address}`, 'echo', 'reached']);
    expect(stdout.trim()).toBe('reached');
  }, 240_000);
});
