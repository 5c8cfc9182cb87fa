import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestbed, type Testbed } from '../../../testbed/harness';
import { HandlerError } from '../../shared/ipc';
import { Secrets, type SecretCipher } from '../services/secrets';
import { fourServiceTopology } from './test-topology';
import { uniqueProject } from './testbed-helpers';
import { wireDeploy, type WiredDeploy } from './wiring';

/** Stands in for Electron's safeStorage (see secrets.test.ts); `basic_text` = plain-text fallback. */
function cipher(backend = 'gnome_libsecret'): SecretCipher {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`v10${Buffer.from(text, 'utf8').toString('hex').split('').reverse().join('')}`),
    decryptString: (data) => Buffer.from(data.toString().slice(3).split('').reverse().join(''), 'hex').toString('utf8'),
  };
}

const PASSPHRASE = 'tr0ub4dor & 3';
let testbed: Testbed;
let dir: string;
let keyFile: string;
const wired: WiredDeploy[] = [];

beforeAll(async () => {
  testbed = await ensureTestbed();
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-passphrase-'));
  keyFile = join(dir, 'id_encrypted');
  await fs.copyFile(testbed.identityFile, keyFile);
  await fs.chmod(keyFile, 0o600);
  await promisify(execFile)('ssh-keygen', ['-q', '-p', '-P', '', '-N', PASSPHRASE, '-f', keyFile]);
}, 60_000);
afterAll(async () => {
  await Promise.all(wired.map((w) => w.close()));
  await fs.rm(dir, { recursive: true, force: true });
});

async function wire(secrets: Secrets | null): Promise<WiredDeploy> {
  const w = await wireDeploy({ userDataDir: dir, knownHostsFiles: [testbed.knownHostsFile], secrets, agentSocket: '', emit: () => undefined });
  wired.push(w);
  return w;
}

const target = () => ({ topology: fourServiceTopology({ project: uniqueProject('pass'), hosts: testbed.hosts, identityFile: keyFile, image: testbed.image }), tier: 'test' });
const failureOf = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('the call should have failed'), (e: unknown) => e as HandlerError);

describe('an encrypted identity file, against the testbed', () => {
  it('asks for the passphrase by key path, refuses a wrong one, then plans; remembered in the keychain for the next session', async () => {
    const secretsFile = join(dir, 'secrets.json');
    const w = await wire(new Secrets(cipher(), secretsFile));

    const asked = await failureOf(w.handlers['deploy.plan'](target()));
    expect(asked).toBeInstanceOf(HandlerError);
    expect(asked).toMatchObject({ code: 'KEY_PASSPHRASE_NEEDED', details: { keyFile, incorrect: false, remember: { available: true } } });
    expect(asked.message).toContain(keyFile);

    const wrong = await failureOf(w.handlers['ssh.passphrase']({ keyFile, passphrase: 'not it', remember: true }));
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/does not open/) });
    expect(await w.handlers['ssh.passphrase']({ keyFile, passphrase: PASSPHRASE, remember: true })).toEqual({ remembered: true });

    const plan = await w.handlers['deploy.plan'](target());
    expect(plan.hosts.flatMap((h) => h.actions.map((a) => a.kind))).toEqual(['create', 'create', 'create', 'create']);

    // On disk only as ciphertext, under the documented name.
    const onDisk = await fs.readFile(secretsFile, 'utf8');
    expect(onDisk).not.toContain(PASSPHRASE);
    expect(Object.keys(JSON.parse(onDisk) as object)).toEqual([`ssh/key${keyFile}/passphrase`]);

    // The next session (a restart) finds it in the keychain and asks nothing.
    const next = await wire(new Secrets(cipher(), secretsFile));
    expect((await next.handlers['deploy.plan'](target())).hosts).toHaveLength(3);
  }, 60_000);

  it('keeps the passphrase for the session only where the keychain would store plain text, and says why', async () => {
    const secretsFile = join(dir, 'plain-secrets.json');
    const w = await wire(new Secrets(cipher('basic_text'), secretsFile));
    const asked = await failureOf(w.handlers['deploy.plan'](target()));
    expect(asked).toMatchObject({ code: 'KEY_PASSPHRASE_NEEDED', details: { remember: { available: false, reason: expect.stringMatching(/plain text/) } } });
    expect(await w.handlers['ssh.passphrase']({ keyFile, passphrase: PASSPHRASE, remember: true })).toEqual({ remembered: false, reason: expect.stringMatching(/plain text/) });
    expect((await w.handlers['deploy.plan'](target())).hosts).toHaveLength(3);
    await expect(fs.stat(secretsFile)).rejects.toThrow(/ENOENT/);
  }, 60_000);
});
