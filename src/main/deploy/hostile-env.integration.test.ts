import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestbed, type Testbed } from '../../../testbed/harness';
import type { SshPool } from '../ssh/pool';
import type { DeployEngine } from './engine';
import { directDocker, engineFor, removeProject, topologyOn, uniqueProject } from './testbed-helpers';

let testbed: Testbed;
let engine: DeployEngine;
let pool: SshPool;
const project = uniqueProject('hostile');
/** A file that exists only if some shell ran a string of ours as a command. */
const canary = (what: string) => `/tmp/sd-canary-${process.pid}-${what}`;

const HOSTILE: Record<string, string> = {
  QUOTES: `it's "quoted" \\ back\\slash '' ""`,
  SUBSHELL: `$(touch ${canary('subshell')})`,
  BACKTICKS: `\`touch ${canary('backticks')}\``,
  SEMICOLON: `x; touch ${canary('semicolon')} #`,
  PIPE: `x | touch ${canary('pipe')} && touch ${canary('and')}`,
  NEWLINES: `line 1\nline 2\n$(touch ${canary('newline')})\n\r\n`,
  DOTDOT: '../../../../etc/passwd',
  DOLLARS: '${HOME} $PATH $$ $0',
  EQUALS: 'a=b=c==',
  UNICODE: 'ünïcødé ✓ 日本語 🚀 \u202Eevil\u202C \u0000'.replace('\u0000', 'no-nul'),
  LONG: 'x'.repeat(64 * 1024),
};

beforeAll(async () => {
  testbed = await ensureTestbed();
  ({ engine, pool } = await engineFor(testbed));
}, 60_000);

afterAll(async () => {
  await pool?.closeAll();
  await removeProject(testbed, project);
}, 60_000);

describe('hostile strings reaching a host', () => {
  it('env values with quotes, $(), backticks, newlines, ../, unicode and 64 KiB arrive byte-identical and never run', { timeout: 120_000 }, async () => {
    const topology = topologyOn(testbed, { project, webPort: 18190, override: { api: { env: HOSTILE } } });
    const report = await engine.apply(topology, 'test');
    expect(report.outcome, report.error).toBe('succeeded');

    // api is on h2 (index 1): read it back through the host's own Docker socket.
    const container = directDocker(testbed, 1).getContainer(`${project}-api`);
    const env = (await container.inspect()).Config.Env;
    for (const [key, value] of Object.entries(HOSTILE)) expect(env).toContain(`${key}=${value}`);

    for (const what of ['subshell', 'backticks', 'semicolon', 'pipe', 'and', 'newline']) {
      // The host namespaces share this file system, so this is the hosts' /tmp too.
      expect(existsSync(canary(what)), `canary ${what} on the host`).toBe(false);
      await expect(container.infoArchive({ path: canary(what) }), `canary ${what} in the container`).rejects.toMatchObject({ statusCode: 404 });
    }
    // A second deploy sees the same configuration: nothing was mangled on the way.
    expect((await engine.apply(topology, 'test')).outcome).toBe('nothing-to-do');
  });
});
