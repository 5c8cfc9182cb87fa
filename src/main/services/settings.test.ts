import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, Settings } from './settings';
import { JsonFileStore, MemoryStore } from './settings-store';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-settings-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const FINGERPRINT = 'SHA256:' + 'A'.repeat(43);

describe('Settings', () => {
  it('starts from the defaults and keeps what is updated across a restart', async () => {
    const file = join(dir, 'settings.json');
    const settings = new Settings(await JsonFileStore.open(file));
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(await settings.update({ theme: 'dark', autosaveIntervalSeconds: 0 })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', autosaveIntervalSeconds: 0 });
    const reopened = new Settings(await JsonFileStore.open(file));
    expect(reopened.get().theme).toBe('dark');
    expect(reopened.get().autosaveIntervalSeconds).toBe(0);
  });

  it('refuses an invalid update and changes nothing', async () => {
    const settings = new Settings(new MemoryStore());
    await expect(settings.update({ theme: 'purple' } as never)).rejects.toThrow(/theme/);
    await expect(settings.update({ autosaveIntervalSeconds: -5 })).rejects.toThrow();
    await expect(settings.update({ secret: 'x' } as never)).rejects.toThrow(/secret/);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to the default for a value edited by hand into nonsense, and says which', async () => {
    const file = join(dir, 'settings.json');
    await fs.writeFile(file, JSON.stringify({ theme: 'neon', defaultHealthCheckTimeoutSeconds: 30, reopenLastFile: 'yes' }));
    const warn = vi.fn();
    const settings = new Settings(await JsonFileStore.open(file), warn);
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, defaultHealthCheckTimeoutSeconds: 30 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"theme"'));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"reopenLastFile"'));
  });

  it('survives a corrupt settings file: kept aside, defaults used', async () => {
    const file = join(dir, 'settings.json');
    await fs.writeFile(file, '{"theme": "dark",');
    const settings = new Settings(await JsonFileStore.open(file, {}, () => undefined));
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect((await fs.readdir(dir)).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('trusts one key per host and port, replacing an older one', async () => {
    const settings = new Settings(new MemoryStore());
    await settings.trustHost({ host: 'h1.example', port: 22, fingerprint: FINGERPRINT });
    await settings.trustHost({ host: 'h1.example', port: 2222, fingerprint: FINGERPRINT });
    const replaced = 'SHA256:' + 'B'.repeat(43);
    await settings.trustHost({ host: 'h1.example', port: 22, fingerprint: replaced }, new Date('2026-01-02T00:00:00Z'));
    expect(settings.knownHosts()).toEqual([
      { host: 'h1.example', port: 2222, fingerprint: FINGERPRINT, addedAt: expect.any(String) },
      { host: 'h1.example', port: 22, fingerprint: replaced, addedAt: '2026-01-02T00:00:00.000Z' },
    ]);
    await expect(settings.trustHost({ host: 'h2.example', port: 22, fingerprint: 'md5:ab' })).rejects.toThrow(/fingerprint/);
  });

  it('reopens the last file only while the setting is on, and not after the user closed it', async () => {
    const settings = new Settings(new MemoryStore());
    expect(settings.fileToReopen()).toBeNull();
    await settings.setLastOpenFile('/home/me/shop.stackdraft.yaml');
    expect(settings.fileToReopen()).toBe('/home/me/shop.stackdraft.yaml');
    await settings.update({ reopenLastFile: false });
    expect(settings.fileToReopen()).toBeNull();
    await settings.update({ reopenLastFile: true });
    await settings.setLastOpenFile(null);
    expect(settings.fileToReopen()).toBeNull();
  });
});
