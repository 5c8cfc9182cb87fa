import { describe, expect, it } from 'vitest';
import { editableSettingsSchema } from '../../../shared/settings';
import { checkDeploySecret, checkNumberSetting, secretUses, settingsPatch } from './validation';
import type { Topology } from '../../../shared/model';

describe('Preferences validation', () => {
  it('accepts what main accepts for the autosave interval, and says why for the rest', () => {
    expect(checkNumberSetting('autosaveIntervalSeconds', ' 30 ')).toEqual({ ok: true, value: 30 });
    expect(checkNumberSetting('autosaveIntervalSeconds', '0')).toEqual({ ok: true, value: 0 });
    expect(checkNumberSetting('autosaveIntervalSeconds', '3601')).toEqual({ ok: false, reason: 'At most 3600 seconds.' });
    expect(checkNumberSetting('autosaveIntervalSeconds', '-1')).toEqual({ ok: false, reason: 'At least 0 seconds.' });
    expect(checkNumberSetting('autosaveIntervalSeconds', '2.5')).toEqual({ ok: false, reason: 'Whole seconds only.' });
    expect(checkNumberSetting('autosaveIntervalSeconds', '')).toEqual({ ok: false, reason: 'Enter a number of seconds.' });
    expect(checkNumberSetting('autosaveIntervalSeconds', '1e3')).toEqual({ ok: false, reason: '"1e3" is not a number.' });
    expect(checkNumberSetting('defaultHealthCheckTimeoutSeconds', '0')).toEqual({ ok: false, reason: 'At least 1 second.' });
    expect(checkNumberSetting('defaultHealthCheckTimeoutSeconds', '601')).toEqual({ ok: false, reason: 'At most 600 seconds.' });
  });

  it('agrees with main\'s schema on every value from -5 to 4000', () => {
    for (const key of ['autosaveIntervalSeconds', 'defaultHealthCheckTimeoutSeconds'] as const) {
      for (let n = -5; n <= 4000; n++) {
        expect(checkNumberSetting(key, String(n)).ok, `${key}=${n}`).toBe(editableSettingsSchema.shape[key].safeParse(n).success);
      }
    }
  });

  it('builds only patches main accepts', () => {
    expect(settingsPatch('theme', 'dark')).toEqual({ ok: true, value: { theme: 'dark' } });
    expect(settingsPatch('theme', 'hotpink' as never)).toMatchObject({ ok: false });
  });

  it('checks a deploy secret name against the keychain key schema, and needs a value', () => {
    expect(checkDeploySecret(' postgres/password ', 's3cret')).toEqual({ ok: true, value: { key: 'token/postgres/password', value: 's3cret' } });
    expect(checkDeploySecret('', 'x')).toMatchObject({ ok: false, reason: expect.stringContaining('Enter the secret name') });
    for (const bad of ['a b', 'x//y', 'na\nme', '$(rm -rf)', 'user@host', '/lead']) {
      const checked = checkDeploySecret(bad, 'x');
      expect(checked, bad).toMatchObject({ ok: false, reason: expect.stringContaining('is not a secret name') });
    }
    expect(checkDeploySecret('registry', '')).toEqual({ ok: false, reason: 'Enter the value to store.' });
    expect(checkDeploySecret('registry', 'x'.repeat(8193))).toMatchObject({ ok: false, reason: expect.stringMatching(/^The value /) });
  });

  it('marks the secrets the topology references that the keychain does not hold', () => {
    const service = (name: string, secrets: string[]) => ({ name, secrets: secrets.map((s) => ({ name: s, env: 'X' })) });
    const topology = { services: [service('db', ['postgres/password']), service('api', ['postgres/password', 'registry']), service('web', [])] } as unknown as Topology;
    expect(secretUses(topology, { tokens: ['registry'], passphraseKeyFiles: [] })).toEqual([
      { name: 'postgres/password', services: ['db', 'api'], stored: false },
      { name: 'registry', services: ['api'], stored: true },
    ]);
    expect(secretUses(null, null)).toEqual([]);
  });
});
