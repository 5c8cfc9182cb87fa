import { describe, expect, it } from 'vitest';
import { channels, IpcError, type ChannelName, type RequestOf, type ResponseOf, type SecretNames } from '../../../shared/ipc';
import { DEFAULT_SETTINGS, editableSettingsSchema, type EditableSettings } from '../../../shared/settings';
import { createPreferencesStore } from './store';

/** Main as the dialog sees it: requests checked with the contract's schemas, a keychain that keeps values. */
function fakeMain(available = true) {
  const sent: { channel: ChannelName; request: unknown }[] = [];
  const keychain = new Map<string, string>();
  let settings: EditableSettings = { ...DEFAULT_SETTINGS };
  async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const parsed = channels[channel].request.safeParse(request);
    if (!parsed.success) throw new IpcError({ code: 'BAD_REQUEST', message: `${channel}: ${parsed.error.issues[0]?.message}` });
    sent.push({ channel, request });
    const answer = (value: unknown) => value as ResponseOf<C>;
    const req = request as Record<string, string>;
    switch (channel) {
      case 'settings.get':
        return answer(settings);
      case 'settings.update':
        settings = editableSettingsSchema.parse({ ...settings, ...request });
        return answer(settings);
      case 'secrets.status':
        return answer(available ? { available } : { available, reason: 'No keychain.' });
      case 'secrets.list': {
        const keys = [...keychain.keys()];
        const names: SecretNames = {
          tokens: keys.flatMap((k) => (k.startsWith('token/') ? [k.slice(6)] : [])),
          passphraseKeyFiles: keys.flatMap((k) => /^ssh\/key(\/.+)\/passphrase$/.exec(k)?.[1] ?? []),
        };
        return answer(names);
      }
      case 'secrets.set':
        if (!available) throw new IpcError({ code: 'UNAVAILABLE', message: 'No keychain.' });
        keychain.set(req.key!, req.value!);
        return answer(null);
      case 'secrets.delete':
        keychain.delete(req.key!);
        return answer(null);
      default:
        throw new Error(`unexpected ${channel}`);
    }
  }
  return { call, sent, keychain, settings: () => settings };
}

describe('Preferences store', () => {
  it('stores a deploy secret write-only: main gets the value once, the dialog only ever holds names', async () => {
    const main = fakeMain();
    const store = createPreferencesStore(main.call);
    await store.getState().show();
    expect(await store.getState().storeSecret('token/postgres/password', 'pg-secret-value')).toBe(true);
    expect(main.keychain.get('token/postgres/password')).toBe('pg-secret-value');
    expect(store.getState().names).toEqual({ tokens: ['postgres/password'], passphraseKeyFiles: [] });
    expect(JSON.stringify(store.getState())).not.toContain('pg-secret-value');
    expect(main.sent.filter((s) => JSON.stringify(s.request).includes('pg-secret-value')).map((s) => s.channel)).toEqual(['secrets.set']);

    await store.getState().deleteSecret('postgres/password');
    expect(main.keychain.size).toBe(0);
    expect(store.getState().names?.tokens).toEqual([]);
  });

  it('forgets a remembered key passphrase under the key main stores it as', async () => {
    const main = fakeMain();
    main.keychain.set('ssh/key/home/me/.ssh/id_ed25519/passphrase', 'kept');
    const store = createPreferencesStore(main.call);
    await store.getState().show();
    expect(store.getState().names?.passphraseKeyFiles).toEqual(['/home/me/.ssh/id_ed25519']);
    await store.getState().forgetPassphrase('/home/me/.ssh/id_ed25519');
    expect(main.keychain.size).toBe(0);
    expect(store.getState().names?.passphraseKeyFiles).toEqual([]);
  });

  it('shows why storing failed, and keeps the old value when main refuses a setting', async () => {
    const main = fakeMain(false);
    const store = createPreferencesStore(main.call);
    await store.getState().show();
    expect(store.getState().secrets).toEqual({ available: false, reason: 'No keychain.' });
    expect(await store.getState().storeSecret('token/registry', 'x')).toBe(false);
    expect(store.getState().error).toBe('No keychain.');

    expect(await store.getState().save({ autosaveIntervalSeconds: 99999 })).toBeNull();
    expect(store.getState().error).toMatch(/settings.update/);
    expect(store.getState().settings?.autosaveIntervalSeconds).toBe(DEFAULT_SETTINGS.autosaveIntervalSeconds);
    expect(main.settings().autosaveIntervalSeconds).toBe(DEFAULT_SETTINGS.autosaveIntervalSeconds);

    expect((await store.getState().save({ autosaveIntervalSeconds: 30 }))?.autosaveIntervalSeconds).toBe(30);
    expect(store.getState().error).toBeNull();
  });
});
