import { z } from 'zod';
import { DEFAULT_SETTINGS, editableSettingsSchema, type EditableSettings } from '../../shared/settings';
import type { KeyValueStore } from './settings-store';

export { DEFAULT_SETTINGS, type EditableSettings };

/**
 * The app's settings: one zod schema with defaults, stored key by key in electron-store
 * (or a JSON file on the bridge). A value that does not match its schema — edited by hand,
 * written by another version — falls back to its default with a warning, so a bad value
 * costs that one setting and never the app. Secrets never live here (see secrets.ts).
 */

/** A host key the user trusted (trust on first use); a changed key is refused by deploy. */
export const knownHostSchema = z.strictObject({
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  /** `SHA256:` + base64 without padding, as `ssh-keygen -lf` prints it. */
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'must be a SHA256 fingerprint as ssh-keygen -lf prints it'),
  addedAt: z.string(),
});
export type KnownHost = z.output<typeof knownHostSchema>;

const KNOWN_HOSTS_KEY = 'knownHosts';
const LAST_FILE_KEY = 'lastOpenFile';
const EDITABLE_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof EditableSettings)[];

export class Settings {
  constructor(
    private readonly store: KeyValueStore,
    private readonly warn: (message: string) => void = console.warn,
  ) {}

  /** Every editable setting, each one its stored value when valid, else its default. */
  get(): EditableSettings {
    const settings = { ...DEFAULT_SETTINGS };
    for (const key of EDITABLE_KEYS) {
      const stored = this.store.get(key);
      if (stored === undefined) continue;
      const parsed = editableSettingsSchema.shape[key].safeParse(stored);
      if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data;
      else this.warn(`Setting "${key}" had an invalid value (${JSON.stringify(stored)?.slice(0, 80)}); using the default ${JSON.stringify(DEFAULT_SETTINGS[key])}.`);
    }
    return settings;
  }

  /** Applies a validated partial update and answers the settings that result. */
  async update(patch: Partial<EditableSettings>): Promise<EditableSettings> {
    const valid = editableSettingsSchema.partial().parse(patch);
    for (const key of EDITABLE_KEYS) {
      if (valid[key] !== undefined) await this.store.set(key, valid[key]);
    }
    return this.get();
  }

  knownHosts(): KnownHost[] {
    const stored = this.store.get(KNOWN_HOSTS_KEY);
    if (!Array.isArray(stored)) return [];
    return stored.flatMap((entry) => {
      const parsed = knownHostSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Records (or replaces) the trusted key of host:port. */
  async trustHost(host: Omit<KnownHost, 'addedAt'>, now = new Date()): Promise<KnownHost> {
    const entry = knownHostSchema.parse({ ...host, addedAt: now.toISOString() });
    const others = this.knownHosts().filter((h) => h.host !== entry.host || h.port !== entry.port);
    await this.store.set(KNOWN_HOSTS_KEY, [...others, entry]);
    return entry;
  }

  /** The file open when the window last changed document; null after the user closed it. */
  lastOpenFile(): string | null {
    const stored = this.store.get(LAST_FILE_KEY);
    return typeof stored === 'string' && stored.length > 0 ? stored : null;
  }

  async setLastOpenFile(path: string | null): Promise<void> {
    if (this.store.get(LAST_FILE_KEY) !== path) await this.store.set(LAST_FILE_KEY, path);
  }

  /** What to open at start when nothing was asked for: the last file, if the setting is on. */
  fileToReopen(): string | null {
    return this.get().reopenLastFile ? this.lastOpenFile() : null;
  }
}
