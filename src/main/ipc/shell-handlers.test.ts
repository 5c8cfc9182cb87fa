import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_LINKS } from '../../shared/settings';
import { WindowDocument } from '../services/document-state';
import { Secrets, type SecretCipher } from '../services/secrets';
import { Settings } from '../services/settings';
import { MemoryStore } from '../services/settings-store';
import { dispatch } from './dispatch';
import { createShellHandlers, type ShellDeps } from './shell-handlers';
import type { Handlers } from './handlers';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-shell-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const reversing: SecretCipher = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'kwallet5',
  encryptString: (text) => Buffer.from([...text].reverse().join('')),
  decryptString: (data) => [...data.toString()].reverse().join(''),
};

function setup(overrides: Partial<ShellDeps> = {}) {
  const deps: ShellDeps = { settings: new Settings(new MemoryStore()), document: new WindowDocument(), secrets: null, openExternal: null, ...overrides };
  return { deps, handlers: createShellHandlers(deps) as unknown as Handlers };
}

describe('shell handlers', () => {
  it('settings.update validates in main and settings.get answers the result', async () => {
    const { handlers } = setup();
    expect(await dispatch(handlers, 'settings.update', { theme: 'dark' }, true)).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(await dispatch(handlers, 'settings.update', { theme: 'hotpink' }, true)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('theme') } });
    expect(await dispatch(handlers, 'settings.update', { knownHosts: [] }, true)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch(handlers, 'settings.get', {}, true)).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });

  it('window.setDocumentState drives the window document and remembers the file to reopen', async () => {
    const { handlers, deps } = setup();
    await dispatch(handlers, 'window.setDocumentState', { name: 'shop.stackdraft.yaml', path: '/w/shop.stackdraft.yaml', dirty: true }, true);
    expect(deps.document.state).toEqual({ name: 'shop.stackdraft.yaml', path: '/w/shop.stackdraft.yaml', dirty: true });
    expect(deps.settings.fileToReopen()).toBe('/w/shop.stackdraft.yaml');
    // An example has no path: the last real file stays the one to reopen.
    await dispatch(handlers, 'window.setDocumentState', { name: 'Breakpilot', path: null, dirty: false }, true);
    expect(deps.settings.fileToReopen()).toBe('/w/shop.stackdraft.yaml');
    await dispatch(handlers, 'window.setDocumentState', { name: null, path: null, dirty: false }, true);
    expect(deps.document.state).toBeNull();
    expect(deps.settings.fileToReopen()).toBeNull();
  });

  it('window.setMenuState reaches the native menu, and only command ids get through', async () => {
    const onMenuState = vi.fn();
    const { handlers } = setup({ onMenuState });
    await dispatch(handlers, 'window.setMenuState', { enabled: ['file.open'], checked: ['view.themeDark'] }, true);
    expect(onMenuState).toHaveBeenCalledWith({ enabled: new Set(['file.open']), checked: new Set(['view.themeDark']) });
    expect(await dispatch(handlers, 'window.setMenuState', { enabled: ['rm -rf /'], checked: [] }, true)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(onMenuState).toHaveBeenCalledOnce();
  });

  it('app.openLink opens only the app\'s own https addresses', async () => {
    const openExternal = vi.fn(async () => undefined);
    const { handlers } = setup({ openExternal });
    expect(await dispatch(handlers, 'app.openLink', { link: 'docs' }, true)).toEqual({ ok: true, value: { opened: true, url: APP_LINKS.docs } });
    expect(await dispatch(handlers, 'app.openLink', { link: 'https://evil.example/' }, true)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch(handlers, 'app.openLink', { link: 'docs', url: 'https://evil.example/' }, true)).toMatchObject({ ok: false });
    expect(openExternal.mock.calls).toEqual([[APP_LINKS.docs]]);
    for (const url of Object.values(APP_LINKS)) expect(url).toMatch(/^https:\/\//);
  });

  it('secrets: stored through the keychain, never answered back, refused without one', async () => {
    const secrets = new Secrets(reversing, join(dir, 'secrets.json'));
    const { handlers } = setup({ secrets });
    const stored = await dispatch(handlers, 'secrets.set', { key: 'ssh/h1.example/passphrase', value: 'hunter2' }, true);
    expect(stored).toEqual({ ok: true, value: null });
    expect(await secrets.get('ssh/h1.example/passphrase')).toBe('hunter2');
    const none = setup();
    expect(await dispatch(none.handlers, 'secrets.status', {}, true)).toMatchObject({ ok: true, value: { available: false } });
    expect(await dispatch(none.handlers, 'secrets.set', { key: 'token/x', value: 'v' }, true)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const plain = setup({ secrets: new Secrets({ ...reversing, getSelectedStorageBackend: () => 'basic_text' }, join(dir, 'plain.json')) });
    expect(await dispatch(plain.handlers, 'secrets.set', { key: 'token/x', value: 'v' }, true)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/plain text/) } });
  });

  it('secrets.list answers stored names only: no value in the serialized payload, with or without a keychain', async () => {
    const secrets = new Secrets(reversing, join(dir, 'secrets.json'));
    const { handlers } = setup({ secrets });
    await dispatch(handlers, 'secrets.set', { key: 'token/postgres/password', value: 'pg-VALUE-1' }, true);
    await dispatch(handlers, 'secrets.set', { key: 'token/registry', value: 'reg-VALUE-2' }, true);
    await dispatch(handlers, 'secrets.set', { key: 'ssh/key/home/me/.ssh/id_ed25519/passphrase', value: 'key-VALUE-3' }, true);
    await dispatch(handlers, 'secrets.set', { key: 'ssh/h1.example/passphrase', value: 'host-VALUE-4' }, true);
    const listed = await dispatch(handlers, 'secrets.list', {}, true);
    expect(listed).toEqual({ ok: true, value: { tokens: ['postgres/password', 'registry'], passphraseKeyFiles: ['/home/me/.ssh/id_ed25519'] } });
    const wire = JSON.stringify(listed);
    for (const value of ['pg-VALUE-1', 'reg-VALUE-2', 'key-VALUE-3', 'host-VALUE-4', 'VALUE']) expect(wire).not.toContain(value);
    // Nor the ciphertext main keeps for it.
    for (const value of ['pg-VALUE-1', 'key-VALUE-3']) expect(wire).not.toContain(reversing.encryptString(value).toString('base64'));

    await dispatch(handlers, 'secrets.delete', { key: 'token/registry' }, true);
    expect(await dispatch(handlers, 'secrets.list', {}, true)).toMatchObject({ value: { tokens: ['postgres/password'] } });
    expect(await dispatch(handlers, 'secrets.list', { key: 'token/registry' }, true)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch(setup().handlers, 'secrets.list', {}, true)).toEqual({ ok: true, value: { tokens: [], passphraseKeyFiles: [] } });
  });
});
