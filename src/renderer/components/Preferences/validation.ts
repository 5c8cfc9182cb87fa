import { channels, secretKey, type SecretNames } from '../../../shared/ipc';
import { secretRefSchema, type Topology } from '../../../shared/model';
import { editableSettingsSchema, type EditableSettings } from '../../../shared/settings';

/** What a field holds as typed: either a value main will accept, or why not. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

type NumberSetting = 'autosaveIntervalSeconds' | 'defaultHealthCheckTimeoutSeconds';

function firstIssue(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? 'is not valid';
}

/** Checks a number field as typed, with the very schema main validates `settings.update` with. */
export function checkNumberSetting(key: NumberSetting, text: string): Checked<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'Enter a number of seconds.' };
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return { ok: false, reason: `"${trimmed}" is not a number.` };
  const parsed = editableSettingsSchema.shape[key].safeParse(Number(trimmed));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: readable(firstIssue(parsed.error)) };
}

/** zod says "Too big: expected number to be <=3600"; the field says it in words. */
function readable(message: string): string {
  const max = /<=\s*(\d+)/.exec(message)?.[1];
  const min = />=\s*(\d+)/.exec(message)?.[1];
  if (max !== undefined) return `At most ${max} seconds.`;
  if (min !== undefined) return `At least ${min} second${min === '1' ? '' : 's'}.`;
  if (/int/i.test(message)) return 'Whole seconds only.';
  return message;
}

/** The partial update a field sends; the schema main uses has the last word. */
export function settingsPatch<K extends keyof EditableSettings>(key: K, value: EditableSettings[K]): Checked<Partial<EditableSettings>> {
  const parsed = editableSettingsSchema.partial().safeParse({ [key]: value });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: firstIssue(parsed.error) };
}

/** A deploy secret to store as `token/<name>`: both checked with `secrets.set`'s own schema. */
export function checkDeploySecret(name: string, value: string): Checked<{ key: string; value: string }> {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, reason: 'Enter the secret name a service uses, e.g. postgres/password.' };
  // A name services can reference (topology schema) that is also a valid keychain key.
  if (!secretRefSchema.shape.name.safeParse(trimmed).success || !secretKey.safeParse(`token/${trimmed}`).success) {
    return { ok: false, reason: `"${trimmed}" is not a secret name: use letters, digits, ".", "_", "-" and "/" between parts.` };
  }
  if (value === '') return { ok: false, reason: 'Enter the value to store.' };
  const parsed = channels['secrets.set'].request.safeParse({ key: `token/${trimmed}`, value });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `The value ${firstIssue(parsed.error)}.` };
}

export interface SecretUse {
  name: string;
  /** Names of the services that reference it. */
  services: string[];
  stored: boolean;
}

/** Every secret the topology's services reference, and whether the keychain holds it. */
export function secretUses(topology: Topology | null, names: SecretNames | null): SecretUse[] {
  if (topology === null) return [];
  const stored = new Set(names?.tokens ?? []);
  const byName = new Map<string, string[]>();
  for (const service of topology.services) {
    for (const ref of service.secrets) byName.set(ref.name, [...(byName.get(ref.name) ?? []), service.name]);
  }
  return [...byName.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, services]) => ({ name, services, stored: stored.has(name) }));
}
