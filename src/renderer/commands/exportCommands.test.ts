import { beforeEach, describe, expect, it } from 'vitest';
import type { AppStore } from '../store';
import { exportCommands, useTransferDialogs } from './exportCommands';
import { CommandRegistry } from './registry';

/** Only what the commands read: is a document open, is the app busy. */
function storeWith(state: { topology: object | null; busy: string | null }): AppStore {
  return { getState: () => state } as unknown as AppStore;
}

function registryFor(state: { topology: object | null; busy: string | null }) {
  const registry = new CommandRegistry();
  registry.register(...exportCommands(storeWith(state)));
  return registry;
}

beforeEach(() => useTransferDialogs.getState().close());

describe('File ▸ Export… and Import…', () => {
  it('exports only with a document open and nothing else running', () => {
    expect(registryFor({ topology: null, busy: null }).state('file.export').enabled).toBe(false);
    expect(registryFor({ topology: {}, busy: 'saving' }).state('file.export').enabled).toBe(false);
    expect(registryFor({ topology: {}, busy: null }).state('file.export').enabled).toBe(true);
  });

  it('imports with or without a document, and opens the matching dialog', async () => {
    const registry = registryFor({ topology: null, busy: null });
    expect(registry.run('file.import')).toBe(true);
    await Promise.resolve();
    expect(useTransferDialogs.getState().open).toBe('import');
  });

  it('starts the import dialog with a dropped file, and forgets it on close', () => {
    useTransferDialogs.getState().importDropped({ name: 'docker-compose.yml', text: 'services: {}' });
    expect(useTransferDialogs.getState()).toMatchObject({ open: 'import', dropped: { name: 'docker-compose.yml' } });
    useTransferDialogs.getState().close();
    expect(useTransferDialogs.getState()).toMatchObject({ open: null, dropped: null });
  });
});
