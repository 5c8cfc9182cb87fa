import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestbed, type Testbed } from '../../../testbed/harness';
import { serializeTopology } from '../../shared/format';
import { removeProject, topologyOn, uniqueProject } from '../../main/deploy/testbed-helpers';
import { runCli } from '../main';

let testbed: Testbed;
let file: string;
let trustStore: string;
const project = uniqueProject('cli');

beforeAll(async () => {
  testbed = await ensureTestbed();
  const dir = await mkdtemp(join(tmpdir(), 'sd-cli-deploy-'));
  file = join(dir, 'test.stackdraft.yaml');
  trustStore = join(dir, 'trust.json');
  await writeFile(file, serializeTopology(topologyOn(testbed, { project, webPort: 18090 })));
}, 60_000);

afterAll(() => removeProject(testbed, project), 60_000);

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('stackdraft plan / deploy against the testbed', () => {
  it('plans, deploys with readable progress, then plans no changes', { timeout: 120_000 }, async () => {
    const common = ['--tier', 'test', '--known-hosts', testbed.knownHostsFile, '--trust-store', trustStore];
    const plan = await cli('plan', file, ...common);
    expect(plan.err).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.out).toMatch(new RegExp(`\\+ create +${project}-api +phase 2 +not running on this host yet`));
    expect(plan.out).toContain('4 to create, 0 to replace, 0 to remove, 0 unchanged');

    const refused = await cli('deploy', file, ...common);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('pass --yes');

    const deploy = await cli('deploy', file, ...common, '--yes');
    expect(deploy.code).toBe(0);
    expect(deploy.out).toMatch(/phase 3\/3: 1 to start/);
    expect(deploy.out).toMatch(new RegExp(`h3 +${project}-web +healthy`));
    expect(deploy.out).toMatch(/SUCCEEDED in \d+\.\d s/);

    const again = await cli('plan', file, ...common);
    expect(again.out).toContain('No changes: every host already runs this tier as planned.');
  });

  it('rolls back: nothing kept after the first deploy; after a second deploy it previews, asks, swaps back with progress', { timeout: 120_000 }, async () => {
    const common = ['--tier', 'test', '--known-hosts', testbed.knownHostsFile, '--trust-store', trustStore];
    const nothing = await cli('rollback', file, ...common, '--yes');
    expect(nothing.code).toBe(1);
    expect(nothing.err).toContain('nothing to roll back: no previous version of tier "test" is kept');

    await writeFile(file, serializeTopology(topologyOn(testbed, { project, webPort: 18090, override: { api: { env: { MODE: 'v2' } } } })));
    expect((await cli('deploy', file, ...common, '--yes')).code).toBe(0);
    const refused = await cli('rollback', file, ...common);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(new RegExp(`~ swap +${project}-api +phase 2  [0-9a-f]{16} of \\d{4}-.* → [0-9a-f]{16} of `));
    expect(refused.out).toContain('1 to swap back, 0 to remove, 3 unchanged');
    expect(refused.err).toContain('pass --yes');

    const rollback = await cli('rollback', file, ...common, '--yes');
    expect(rollback.code).toBe(0);
    expect(rollback.out).toMatch(new RegExp(`h2 +${project}-api +healthy`));
    expect(rollback.out).toMatch(/SUCCEEDED in \d+\.\d s/);
    const api = await new Docker({ socketPath: testbed.hosts[1]!.dockerSocket }).getContainer(`${project}-api`).inspect();
    expect(api.Config.Env).toContain('MODE=test');
  });

  it('names an unknown tier and refuses an unknown host key when not on a terminal', async () => {
    const wrongTier = await cli('plan', file, '--tier', 'nope', '--known-hosts', testbed.knownHostsFile, '--trust-store', trustStore);
    expect(wrongTier.code).toBe(2);
    expect(wrongTier.err).toContain('there is no tier "nope" (tiers: test)');
    const emptyKnownHosts = join(tmpdir(), 'sd-empty-known-hosts');
    await writeFile(emptyKnownHosts, '');
    const unknown = await cli('plan', file, '--tier', 'test', '--known-hosts', emptyKnownHosts, '--trust-store', join(tmpdir(), `sd-none-${process.pid}.json`));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/this host is not known yet\. Its ssh-ed25519 key has the fingerprint SHA256:/);
  });
});
