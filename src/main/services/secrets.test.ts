import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Secrets, SecretsUnavailableError, type SecretCipher } from './secrets';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-secrets-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/**
 * Stands in for Electron's safeStorage (which needs the Electron binary): a real
 * reversible transformation, so that a plain value in the file would be noticed.
 */
function cipher(backend = 'gnome_libsecret', available = true): SecretCipher {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`v10${Buffer.from(text, 'utf8').toString('hex').split('').reverse().join('')}`),
    decryptString: (data) => Buffer.from(data.toString().slice(3).split('').reverse().join(''), 'hex').toString('utf8'),
  };
}

const KEY = 'ssh/h1.example/passphrase';

describe('Secrets', () => {
  it('stores, reads back and deletes a secret, never in plain text on disk', async () => {
    const file = join(dir, 'secrets.json');
    const secrets = new Secrets(cipher(), file);
    expect(await secrets.get(KEY)).toBeNull();
    await secrets.set(KEY, 'correct horse battery staple');
    expect(await secrets.get(KEY)).toBe('correct horse battery staple');
    expect(await new Secrets(cipher(), file).get(KEY)).toBe('correct horse battery staple');
    const onDisk = await fs.readFile(file, 'utf8');
    expect(onDisk).not.toContain('correct horse');
    expect(onDisk).not.toContain(Buffer.from('correct horse').toString('hex'));
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    await secrets.delete(KEY);
    expect(await secrets.has(KEY)).toBe(false);
  });

  it('refuses to store when safeStorage would fall back to plain text, and says why', async () => {
    const file = join(dir, 'secrets.json');
    const secrets = new Secrets(cipher('basic_text'), file);
    expect(secrets.status()).toEqual({ available: false, reason: expect.stringMatching(/plain text.*refuses/) });
    await expect(secrets.set(KEY, 'hunter2')).rejects.toBeInstanceOf(SecretsUnavailableError);
    await expect(fs.stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('refuses when encryption is not available at all', async () => {
    const secrets = new Secrets(cipher('unknown', false), join(dir, 's.json'));
    expect(secrets.status().available).toBe(false);
    await expect(secrets.set(KEY, 'x')).rejects.toThrow(/cannot encrypt/);
  });

  it('refuses keys that are not of the documented shape', async () => {
    const secrets = new Secrets(cipher(), join(dir, 's.json'));
    for (const key of ['', '../etc/passwd', 'ssh', '__proto__', 'ssh/a b/c']) await expect(secrets.set(key, 'x'), key).rejects.toThrow();
  });

  it('leaves a damaged secrets file alone and says so', async () => {
    const file = join(dir, 'secrets.json');
    await fs.writeFile(file, '{oops');
    const secrets = new Secrets(cipher(), file);
    await expect(secrets.get(KEY)).rejects.toThrow(/damaged.*left as it is/);
    await expect(secrets.set(KEY, 'x')).rejects.toThrow(/damaged/);
    expect(await fs.readFile(file, 'utf8')).toBe('{oops');
  });

  it('keeps every key through concurrent writes', async () => {
    const secrets = new Secrets(cipher(), join(dir, 's.json'));
    await Promise.all(Array.from({ length: 10 }, (_, i) => secrets.set(`token/t${i}`, `v${i}`)));
    for (let i = 0; i < 10; i++) expect(await secrets.get(`token/t${i}`)).toBe(`v${i}`);
  });
});
