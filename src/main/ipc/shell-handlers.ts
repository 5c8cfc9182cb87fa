import { HandlerError, type ChannelName, type SecretNames } from '../../shared/ipc';
import { APP_LINKS } from '../../shared/settings';
import { WindowDocument } from '../services/document-state';
import type { SecretStore } from '../services/secrets';
import { Settings } from '../services/settings';
import { MemoryStore } from '../services/settings-store';
import type { Handlers } from './handlers';

type ShellChannel = Extract<ChannelName, `settings.${string}` | `secrets.${string}` | `window.${string}` | 'app.openLink'>;
export type ShellHandlers = Pick<Handlers, ShellChannel>;

export interface ShellDeps {
  settings: Settings;
  /** The window's document; the shell derives the title and close confirmation from it. */
  document: WindowDocument;
  /** null where no OS keychain can be reached (the bridge). */
  secrets: SecretStore | null;
  /** Opens an https address in the browser; null where main cannot (the bridge). */
  openExternal: ((url: string) => Promise<void>) | null;
  /** The native menu follows what the window can do; absent where there is none. */
  onMenuState?: (state: MenuState) => void;
}

export interface MenuState {
  enabled: ReadonlySet<string>;
  checked: ReadonlySet<string>;
}

/** Settings in memory, no secrets, no browser: for tests and callers that do not care. */
export function defaultShellDeps(): ShellDeps {
  return { settings: new Settings(new MemoryStore()), document: new WindowDocument(), secrets: null, openExternal: null };
}

const NO_KEYCHAIN = 'This window cannot reach the system keychain, so Stackdraft will not store secrets here.';

export function createShellHandlers(deps: ShellDeps): ShellHandlers {
  const secrets = (): SecretStore => {
    if (deps.secrets === null) throw new HandlerError('UNAVAILABLE', NO_KEYCHAIN);
    const { available, reason } = deps.secrets.status();
    if (!available) throw new HandlerError('UNAVAILABLE', reason ?? NO_KEYCHAIN);
    return deps.secrets;
  };
  return {
    'settings.get': async () => deps.settings.get(),
    'settings.update': async (patch) => deps.settings.update(patch),

    'window.setDocumentState': async ({ name, path, dirty }) => {
      deps.document.set(name === null ? null : { name, path, dirty });
      // Only a file on disk can be reopened; closing the document forgets it.
      if (name === null) await deps.settings.setLastOpenFile(null);
      else if (path !== null) await deps.settings.setLastOpenFile(path);
      return null;
    },

    'window.setMenuState': async ({ enabled, checked }) => {
      deps.onMenuState?.({ enabled: new Set(enabled), checked: new Set(checked) });
      return null;
    },

    'app.openLink': async ({ link }) => {
      // The address comes from our own table, never from the page.
      const url = APP_LINKS[link];
      if (deps.openExternal === null) return { opened: false, url };
      await deps.openExternal(url);
      return { opened: true, url };
    },

    'secrets.status': async () => (deps.secrets === null ? { available: false, reason: NO_KEYCHAIN } : deps.secrets.status()),
    'secrets.set': async ({ key, value }) => {
      await secrets().set(key, value);
      return null;
    },
    'secrets.delete': async ({ key }) => {
      await secrets().delete(key);
      return null;
    },
    'secrets.list': async () => secretNames(deps.secrets === null ? [] : await deps.secrets.keys()),
  };
}

const TOKEN = /^token\/(.+)$/;
const KEY_PASSPHRASE = /^ssh\/key(\/.+)\/passphrase$/;

/** Sorts stored keys into deploy secret names and key files; anything else is not listed. */
export function secretNames(keys: readonly string[]): SecretNames {
  const names: SecretNames = { tokens: [], passphraseKeyFiles: [] };
  for (const key of keys) {
    const token = TOKEN.exec(key)?.[1];
    const keyFile = KEY_PASSPHRASE.exec(key)?.[1];
    if (token !== undefined) names.tokens.push(token);
    else if (keyFile !== undefined) names.passphraseKeyFiles.push(keyFile);
  }
  return names;
}
