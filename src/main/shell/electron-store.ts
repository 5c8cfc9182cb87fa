import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import { moveAside, type KeyValueStore } from '../services/settings-store';

const NAME = 'settings';

/**
 * electron-store behind our KeyValueStore. A settings file that is not valid JSON is
 * moved aside and replaced by defaults, so a damaged file never stops the app starting.
 */
export function openElectronStore(warn: (message: string) => void = console.warn): KeyValueStore {
  const options = { name: NAME, accessPropertiesByDotNotation: false, clearInvalidConfig: false } as const;
  let store: Store;
  try {
    store = new Store(options);
  } catch (error) {
    const file = join(app.getPath('userData'), `${NAME}.json`);
    const aside = moveAside(file);
    warn(`Settings file ${file} could not be read (${(error as Error).message}); it was kept as ${aside} and defaults are used.`);
    store = new Store(options);
  }
  return {
    get: (key) => store.get(key),
    async set(key, value) {
      store.set(key, value);
    },
  };
}
