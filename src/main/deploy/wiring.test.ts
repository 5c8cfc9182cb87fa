import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HandlerError } from '../../shared/ipc';
import { Secrets, type SecretCipher } from '../services/secrets';
import { DeployEngine } from './engine';
import { deploySecrets, wireDeploy, type WiredDeploy } from './wiring';
import { fourServiceTopology } from './test-topology';

/** Stands in for Electron's safeStorage: a real reversible transformation (see secrets.test.ts). */
function cipher(backend = 'gnome_libsecret'): SecretCipher {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`v10${Buffer.from(text, 'utf8').toString('hex').split('').reverse().join('')}`),
    decryptString: (data) => Buffer.from(data.toString().slice(3).split('').reverse().join(''), 'hex').toString('utf8'),
  };
}

const KEY_A = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
const hosts = ['h1', 'h2', 'h3'].map((name, i) => ({ name, address: `192.0.2.${i + 1}`, port: 22, user: 'deploy', dockerSocket: '/var/run/docker.sock' }));

let dir: string;
const wired: WiredDeploy[] = [];
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-wiring-'));
});
afterEach(async () => {
  await Promise.all(wired.splice(0).map((w) => w.close()));
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

async function wire(options: Partial<Parameters<typeof wireDeploy>[0]> = {}): Promise<WiredDeploy> {
  const knownHosts = join(dir, 'known_hosts');
  await fs.writeFile(knownHosts, `[h.example]:2222 ssh-ed25519 ${KEY_A}\n`);
  const w = await wireDeploy({ userDataDir: dir, knownHostsFiles: [knownHosts], secrets: null, agentSocket: '', emit: () => undefined, ...options });
  wired.push(w);
  return w;
}

describe('wireDeploy', () => {
  it('keeps trusted keys in <userData>/trusted-host-keys.json, seeded from known_hosts, and lists both', async () => {
    const w = await wire();
    await w.trust.trust('n.example', 22, Buffer.from(KEY_A, 'base64'));
    const stored = JSON.parse(await fs.readFile(join(dir, 'trusted-host-keys.json'), 'utf8')) as { keys: { host: string }[] };
    expect(stored.keys.map((k) => k.host)).toEqual(['n.example']);
    const listed = await w.handlers['hostKey.list']({});
    expect(listed.map((k) => [k.host, k.port, k.source])).toEqual([
      ['n.example', 22, 'stackdraft'],
      ['h.example', 2222, `${join(dir, 'known_hosts')}:1`],
    ]);
    const { fingerprint } = listed[0]!;
    expect(await w.handlers['hostKey.remove']({ host: 'n.example', port: 22, fingerprint })).toEqual({ removed: true });
    expect((await w.handlers['hostKey.list']({})).map((k) => k.source)).toEqual([`${join(dir, 'known_hosts')}:1`]);
  });

  it('refuses a passphrase for a key file nobody asked about', async () => {
    const w = await wire({ secrets: new Secrets(cipher(), join(dir, 'secrets.json')) });
    const refused = await w.handlers['ssh.passphrase']({ keyFile: '/root/.ssh/id_ed25519', passphrase: 'x', remember: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HandlerError);
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    await expect(fs.stat(join(dir, 'secrets.json'))).rejects.toThrow(/ENOENT/);
  });

  it('reads a key passphrase from the keychain under ssh/key<path>/passphrase', async () => {
    const secrets = new Secrets(cipher(), join(dir, 'secrets.json'));
    await secrets.set('ssh/key/home/me/.ssh/id_ed25519/passphrase', 'from the keychain');
    const w = await wire({ secrets });
    expect(await w.passphrases.passphraseFor('/home/me/.ssh/id_ed25519', 1)).toBe('from the keychain');
    // A second attempt means it did not open the key: the window is asked instead.
    expect(await w.passphrases.passphraseFor('/home/me/.ssh/id_ed25519', 2)).toBeNull();
  });

  it('passes the settings default health-check timeout to every plan and apply that gives none', async () => {
    let setting = 45;
    const plan = vi.spyOn(DeployEngine.prototype, 'plan').mockRejectedValue(new HandlerError('DEPLOY_REFUSED', 'stop here'));
    const w = await wire({ defaultHealthTimeoutSeconds: () => setting });
    const topology = fourServiceTopology({ project: 'shop', hosts });
    await w.handlers['deploy.plan']({ topology, tier: 'test' }).catch(() => undefined);
    expect(plan).toHaveBeenLastCalledWith(topology, 'test', { healthTimeoutSeconds: undefined, defaultHealthTimeoutSeconds: 45 });
    setting = 120;
    await w.handlers['deploy.apply']({ topology, tier: 'test' }).catch(() => undefined);
    expect(plan).toHaveBeenLastCalledWith(topology, 'test', { healthTimeoutSeconds: undefined, defaultHealthTimeoutSeconds: 120 });
    await w.handlers['deploy.apply']({ topology, tier: 'test', healthTimeoutSeconds: 7 }).catch(() => undefined);
    expect(plan).toHaveBeenLastCalledWith(topology, 'test', { healthTimeoutSeconds: 7, defaultHealthTimeoutSeconds: 120 });
  });
});

describe('deploySecrets', () => {
  it('takes token/<name> from the keychain first, then STACKDRAFT_SECRET_<NAME>', async () => {
    const secrets = new Secrets(cipher(), join(dir, 'secrets.json'));
    await secrets.set('token/db-password', 'kept in the keychain');
    const source = deploySecrets(secrets, { STACKDRAFT_SECRET_DB_PASSWORD: 'from env', STACKDRAFT_SECRET_API_KEY: 'env only' });
    expect(await source.valueOf('db-password')).toBe('kept in the keychain');
    expect(await source.valueOf('api-key')).toBe('env only');
    expect(await source.valueOf('missing')).toBeUndefined();
  });

  it('falls back to the environment where the keychain would be plain text or is absent', async () => {
    const file = join(dir, 'secrets.json');
    await new Secrets(cipher(), file).set('token/db-password', 'stored earlier');
    const env = { STACKDRAFT_SECRET_DB_PASSWORD: 'from env' };
    expect(await deploySecrets(new Secrets(cipher('basic_text'), file), env).valueOf('db-password')).toBe('from env');
    expect(await deploySecrets(null, env).valueOf('db-password')).toBe('from env');
  });
});
