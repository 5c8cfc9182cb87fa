import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrustStore } from './trust-store';

const KEY_A = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl', 'base64');
const KEY_B = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIBbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'base64');

describe('TrustStore', () => {
  it('trusts keys from known_hosts, calls others unknown, and a different key changed, naming the source line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sd-trust-'));
    const knownHosts = join(dir, 'known_hosts');
    await writeFile(knownHosts, `# mine\n[h.example]:2222 ssh-ed25519 ${KEY_A.toString('base64')}\n`);
    const store = await TrustStore.open(join(dir, 'trust.json'), [knownHosts, join(dir, 'missing')]);
    expect(store.verify('h.example', 2222, KEY_A)).toEqual({ status: 'trusted' });
    expect(store.verify('h.example', 22, KEY_A)).toMatchObject({ status: 'unknown', keyType: 'ssh-ed25519' });
    const changed = store.verify('h.example', 2222, KEY_B);
    expect(changed).toMatchObject({ status: 'changed', source: `${knownHosts}:2` });
  });

  it('remembers a confirmed key in its own file, never in known_hosts, and reloads it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sd-trust-'));
    const knownHosts = join(dir, 'known_hosts');
    await writeFile(knownHosts, '');
    const path = join(dir, 'trust.json');
    const store = await TrustStore.open(path, [knownHosts]);
    await store.trust('n.example', 22, KEY_A);
    expect(await readFile(knownHosts, 'utf8')).toBe('');
    const reopened = await TrustStore.open(path, [knownHosts]);
    expect(reopened.verify('n.example', 22, KEY_A)).toEqual({ status: 'trusted' });
    expect(reopened.verify('n.example', 22, KEY_B).status).toBe('changed');
  });

  it('refuses to open a damaged store instead of forgetting what was trusted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sd-trust-'));
    const path = join(dir, 'trust.json');
    await writeFile(path, '{"keys": "nope"}');
    await expect(TrustStore.open(path)).rejects.toThrow(/not a Stackdraft host-key store/);
    expect(await readFile(path, 'utf8')).toBe('{"keys": "nope"}');
  });

  it('lists its own keys and the known_hosts ones with their source, and removes only its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sd-trust-'));
    const knownHosts = join(dir, 'known_hosts');
    await writeFile(knownHosts, `[h.example]:2222 ssh-ed25519 ${KEY_A.toString('base64')}\n|1|c2FsdA==|aGFzaA== ssh-ed25519 ${KEY_B.toString('base64')}\n`);
    const path = join(dir, 'trust.json');
    const store = await TrustStore.open(path, [knownHosts]);
    const own = await store.trust('n.example', 22, KEY_B);
    expect(store.list()).toEqual([
      { host: 'n.example', port: 22, keyType: 'ssh-ed25519', fingerprint: own.fingerprint, source: 'stackdraft', removable: true, addedAt: own.addedAt },
      { host: 'h.example', port: 2222, keyType: 'ssh-ed25519', fingerprint: expect.stringMatching(/^SHA256:/), source: `${knownHosts}:1`, removable: false },
      { host: '(hashed)', port: null, keyType: 'ssh-ed25519', fingerprint: own.fingerprint, source: `${knownHosts}:2`, removable: false },
    ]);
    expect(await store.remove('n.example', 22, 'SHA256:not-this-one')).toBe(false);
    expect(await store.remove('n.example', 22, own.fingerprint)).toBe(true);
    // Gone from the file too: the next start asks about it again.
    const reopened = await TrustStore.open(path, []);
    expect(reopened.verify('n.example', 22, KEY_B).status).toBe('unknown');
    expect(await readFile(knownHosts, 'utf8')).toContain('h.example');
  });
});
