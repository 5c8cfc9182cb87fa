import { describe, expect, it } from 'vitest';
import { IpcError, type ChannelName, type OpenedFile, type RequestOf, type ResponseOf } from '../../shared/ipc';
import { sampleTopology } from '../../shared/view/testing';
import { useAnalysisUi } from '../analysis/analysisStore';
import { createAppStore } from '../store/createAppStore';
import { editorCommands } from './editorCommands';
import { CommandRegistry } from './registry';
import { useTierRename } from './tierRename';

type Handlers = { [C in ChannelName]?: (request: RequestOf<C>) => ResponseOf<C> };

async function setup(opened: Partial<OpenedFile> = {}) {
  const handlers: Handlers = {
    'app.info': () => ({ version: '0.1.0', transport: 'bridge', nativeDialogs: false }),
    'example.list': () => [],
    'file.listRecent': () => [],
    'app.takeStartupOpen': () => null,
    'recovery.take': () => null,
    'recovery.save': () => undefined,
    'example.open': () => ({ path: null, name: 'shop (example)', topology: sampleTopology(), readOnly: false, fromVersion: 2, ...opened }),
  };
  const store = createAppStore({
    async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      const handler = handlers[channel] as ((r: RequestOf<C>) => ResponseOf<C>) | undefined;
      if (!handler) throw new IpcError({ code: 'UNKNOWN_CHANNEL', message: `no ${channel}` });
      return handler(request);
    },
    connect: async () => {},
  });
  await store.getState().boot();
  const registry = new CommandRegistry();
  registry.register(...editorCommands(store));
  /** Runs a command as the menu does, and waits for it (the registry runs it in a microtask). */
  const run = async (id: string) => {
    const ran = registry.run(id);
    await Promise.resolve();
    await Promise.resolve();
    return ran;
  };
  const open = () => store.getState().openExample('shop');
  return { store, registry, run, open, s: () => store.getState() };
}

const serviceIds = (topology: { services: { id: string }[] } | null) => topology?.services.map((s) => s.id) ?? [];

describe('Edit menu commands', () => {
  it('are disabled without a document, and undo/redo only when there is something to undo or redo', async () => {
    const { registry, open, run, s } = await setup();
    for (const id of ['edit.undo', 'edit.copy', 'edit.paste', 'edit.selectAll', 'tier.new', 'tier.compare']) expect(registry.state(id).enabled, id).toBe(false);
    await open();
    expect(registry.state('edit.undo').enabled).toBe(false);
    s().updateService('db', { name: 'database' });
    expect(await run('edit.undo')).toBe(true);
    expect(s().topology!.services.find((x) => x.id === 'db')!.name).toBe('db');
    expect(registry.state('edit.undo').enabled).toBe(false);
    expect(await run('edit.redo')).toBe(true);
    expect(s().topology!.services.find((x) => x.id === 'db')!.name).toBe('database');
  });

  it('copy, paste, duplicate, cut and delete act on the selection', async () => {
    const { registry, open, run, s } = await setup();
    await open();
    expect(registry.state('edit.copy').enabled).toBe(false);
    s().revealNode('service:db');
    expect(registry.state('edit.paste').enabled).toBe(false);
    await run('edit.copy');
    expect(registry.state('edit.paste').enabled).toBe(true);
    await run('edit.paste');
    expect(serviceIds(s().topology).filter((id) => id.startsWith('db'))).toHaveLength(2);
    await run('edit.duplicate');
    expect(serviceIds(s().topology).filter((id) => id.startsWith('db'))).toHaveLength(3);

    s().revealNode('service:nightly');
    await run('edit.cut');
    expect(serviceIds(s().topology)).not.toContain('nightly');
    await run('edit.paste');
    expect(serviceIds(s().topology)).toContain('nightly');

    s().revealNode('service:nightly');
    await run('edit.delete');
    expect(serviceIds(s().topology)).not.toContain('nightly');
  });

  it('select all selects every selectable node', async () => {
    const { open, run, s } = await setup();
    await open();
    await run('edit.selectAll');
    const selectable = s().nodes.filter((n) => n.selectable !== false).map((n) => n.id);
    expect(selectable.length).toBeGreaterThan(3);
    expect([...s().selectedNodeIds].sort()).toEqual([...selectable].sort());
  });

  it('change nothing in a read-only file', async () => {
    const { registry, open, s } = await setup({ readOnly: true });
    await open();
    s().revealNode('service:db');
    for (const id of ['edit.cut', 'edit.paste', 'edit.duplicate', 'edit.delete', 'tier.new', 'tier.duplicate', 'tier.rename', 'tier.delete']) {
      expect(registry.state(id).enabled, id).toBe(false);
    }
    expect(registry.state('edit.copy').enabled).toBe(true);
  });
});

describe('Tier menu commands', () => {
  it('step through tiers, add, duplicate, rename and delete them', async () => {
    const { open, run, s } = await setup();
    await open();
    expect(s().tierId).toBe('small');
    await run('tier.next');
    expect(s().tierId).toBe('large');
    await run('tier.next');
    expect(s().tierId).toBe('small');
    await run('tier.previous');
    expect(s().tierId).toBe('large');

    await run('tier.new');
    const added = s().tierId!;
    expect(s().topology!.tiers.map((t) => t.id)).toEqual(['small', 'large', added]);
    // "New Tier…" opens the new tab's name field.
    expect(useTierRename.getState().tierId).toBe(added);
    useTierRename.getState().stop();

    await run('tier.previous');
    await run('tier.duplicate');
    expect(s().topology!.tiers).toHaveLength(4);
    const copy = s().topology!.tiers.find((t) => t.id === s().tierId)!;
    expect(copy.hosts.map((h) => h.id)).toEqual(['web', 'data']);

    await run('tier.rename');
    expect(useTierRename.getState().tierId).toBe(copy.id);
    useTierRename.getState().stop();

    await run('tier.delete');
    expect(s().topology!.tiers.map((t) => t.id)).not.toContain(copy.id);
  });

  it('compare opens and closes the tier comparison', async () => {
    const { registry, open, run } = await setup();
    await open();
    await run('tier.compare');
    expect(useAnalysisUi.getState().comparisonOpen).toBe(true);
    expect(registry.state('tier.compare').checked).toBe(true);
    await run('tier.compare');
    expect(useAnalysisUi.getState().comparisonOpen).toBe(false);
  });
});
