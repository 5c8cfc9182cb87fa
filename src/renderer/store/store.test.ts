import { describe, expect, it, vi } from 'vitest';
import { IpcError, type ChannelName, type OpenedFile, type RequestOf, type ResponseOf } from '../../shared/ipc';
import { sampleTopology } from '../../shared/view/testing';
import { createAppStore } from './createAppStore';
import { historyOf } from './history';
import type { StoreDeps } from './types';

type Handlers = { [C in ChannelName]?: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

function setup(handlers: Handlers = {}, connect: StoreDeps['connect'] = async () => {}) {
  const calls: [ChannelName, unknown][] = [];
  const all: Handlers = {
    'app.info': () => ({ version: '0.1.0', transport: 'bridge', nativeDialogs: false }),
    'example.list': () => [{ id: 'shop', name: 'Shop', description: 'A shop' }],
    'file.listRecent': () => [],
    'example.open': ({ id }) => opened({ path: null, name: `${id} (example)` }),
    ...handlers,
  };
  const deps: StoreDeps = {
    async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      calls.push([channel, request]);
      const handler = all[channel] as ((r: RequestOf<C>) => ResponseOf<C>) | undefined;
      if (!handler) throw new IpcError({ code: 'UNKNOWN_CHANNEL', message: `no ${channel}` });
      return handler(request);
    },
    connect,
  };
  const store = createAppStore(deps);
  return { store, calls, history: historyOf(store) };
}

function opened(overrides: Partial<OpenedFile> = {}): OpenedFile {
  return { path: '/work/shop.stackdraft.yaml', name: 'shop.stackdraft.yaml', topology: sampleTopology(), readOnly: false, fromVersion: 2, ...overrides };
}

const renameProject = (name: string) => (t: ReturnType<typeof sampleTopology>) => ({ ...t, name });

describe('opening', () => {
  it('opens an example on its first tier with a clean history', async () => {
    const { store, history } = setup();
    await store.getState().openExample('shop');
    const s = store.getState();
    expect(s).toMatchObject({ name: 'shop (example)', path: null, tierId: 'small', dirty: false, readOnly: false, busy: null });
    expect(s.nodes.some((n) => n.id === 'host:one')).toBe(true);
    expect(s.edges).toHaveLength(3);
    expect(history.getState().pastStates).toHaveLength(0);
  });

  it('shows every problem of a file that fails to load and keeps the open document', async () => {
    const problems = [
      { code: 'SCHEMA', message: 'Required', line: 7, column: 3, field: 'services[1] (db).image' },
      { code: 'SCHEMA', message: 'must be a colour like #3b82f6', line: 12, column: 12, field: 'planes[0].color' },
    ];
    const { store } = setup({
      'file.open': () => {
        throw new IpcError({ code: 'LOAD_FAILED', message: 'bad.yaml cannot be opened', details: { path: '/x/bad.yaml', problems } });
      },
    });
    await store.getState().openExample('shop');
    const before = store.getState().topology;
    await store.getState().openFile('/x/bad.yaml');
    expect(store.getState().loadFailure).toEqual({ path: '/x/bad.yaml', message: 'bad.yaml cannot be opened', problems });
    expect(store.getState().topology).toBe(before);
    expect(store.getState().name).toBe('shop (example)');
  });

  it('reports other failures as a status and leaves a cancelled dialog without effect', async () => {
    const { store } = setup({
      'file.open': ({ path }) => {
        if (path === undefined) return null;
        throw new IpcError({ code: 'NOT_FOUND', message: 'There is no file at /nope.yaml.' });
      },
    });
    await store.getState().openFile();
    expect(store.getState().topology).toBeNull();
    await store.getState().openFile('/nope.yaml');
    expect(store.getState().loadFailure).toBeNull();
    expect(store.getState().statuses.map((s) => [s.kind, s.text])).toEqual([['error', 'There is no file at /nope.yaml.']]);
  });
});

describe('undo history', () => {
  it('undo restores a document edit, and dirty follows', async () => {
    const { store, history } = setup();
    await store.getState().openExample('shop');
    const original = store.getState().topology;
    store.getState().editTopology(renameProject('Renamed'));
    expect(store.getState()).toMatchObject({ dirty: true, topology: { name: 'Renamed' } });
    history.getState().undo();
    expect(store.getState().topology).toBe(original);
    expect(store.getState().dirty).toBe(false);
    history.getState().redo();
    expect(store.getState()).toMatchObject({ dirty: true, topology: { name: 'Renamed' } });
  });

  it('does not record tier switches, views, selection or canvas changes', async () => {
    const { store, history } = setup();
    await store.getState().openExample('shop');
    store.getState().setTier('large');
    store.getState().setView('plane');
    store.getState().setView('host');
    store.getState().setSelection(['service:shop'], []);
    store.getState().onNodesChange([{ type: 'select', id: 'service:db', selected: true }]);
    store.getState().notify('info', 'hello');
    expect(history.getState().pastStates).toHaveLength(0);
    store.getState().editTopology(renameProject('Renamed'));
    store.getState().setTier('small');
    expect(history.getState().pastStates).toHaveLength(1);
    history.getState().undo();
    // Undo restores the document, not the tier.
    expect(store.getState()).toMatchObject({ tierId: 'small', topology: { name: 'Shop' } });
  });

  it('moves to an existing tier when an undo removes the current one', async () => {
    const { store, history } = setup();
    await store.getState().openExample('shop');
    store.getState().editTopology((t) => ({ ...t, tiers: [...t.tiers, { ...t.tiers[0]!, id: 'copy', name: 'Copy' }] }));
    store.getState().setTier('copy');
    expect(store.getState().nodes.some((n) => n.id === 'host:one')).toBe(true);
    history.getState().undo();
    expect(store.getState().tierId).toBe('small');
  });

  it('ignores edits to a read-only document', async () => {
    const { store, history } = setup({ 'file.open': () => opened({ readOnly: true }) });
    await store.getState().openFile('/work/shop.stackdraft.yaml');
    store.getState().editTopology(renameProject('Renamed'));
    expect(store.getState().topology?.name).toBe('Shop');
    expect(history.getState().pastStates).toHaveLength(0);
  });
});

describe('tiers and selection', () => {
  it('redraws the canvas for the chosen tier and keeps the selection where it can', async () => {
    const { store } = setup();
    await store.getState().openExample('shop');
    store.getState().onNodesChange([
      { type: 'select', id: 'service:shop', selected: true },
      { type: 'select', id: 'host:one', selected: true },
    ]);
    expect(store.getState().selectedNodeIds).toEqual(['host:one', 'service:shop']);
    store.getState().setTier('large');
    const s = store.getState();
    expect(s.tierId).toBe('large');
    expect(s.nodes.find((n) => n.id === 'service:shop')).toMatchObject({ parentId: 'host:web', selected: true });
    expect(s.selectedNodeIds).toEqual(['service:shop']);
  });

  it('keeps what the canvas highlights to the selection it is given, and clears both', async () => {
    const { store } = setup();
    await store.getState().openExample('shop');
    const flagged = () => ({
      nodes: store.getState().nodes.filter((n) => n.selected).map((n) => n.id),
      edges: store.getState().edges.filter((e) => e.selected).map((e) => e.id),
    });
    store.getState().onNodesChange([{ type: 'select', id: 'service:shop', selected: true }]);
    const edgeId = store.getState().edges[0]!.id;
    store.getState().setSelection([], [edgeId]);
    expect(flagged()).toEqual({ nodes: [], edges: [edgeId] });
    expect(store.getState().selectedEdgeIds).toEqual([edgeId]);
    const untouched = store.getState().nodes;
    store.getState().setSelection([], [edgeId]);
    expect(store.getState().nodes).toBe(untouched);
    store.getState().clearSelection();
    expect(flagged()).toEqual({ nodes: [], edges: [] });
    expect(store.getState()).toMatchObject({ selectedNodeIds: [], selectedEdgeIds: [] });
  });

  it('ignores an unknown tier', async () => {
    const { store } = setup();
    await store.getState().openExample('shop');
    store.getState().setTier('nope');
    expect(store.getState().tierId).toBe('small');
  });

  it('keeps unchanged nodes as the same objects when the document changes', async () => {
    const { store } = setup();
    await store.getState().openExample('shop');
    const before = store.getState().nodes;
    store.getState().editTopology(renameProject('Renamed'));
    expect(store.getState().nodes).toBe(before);
    store.getState().editTopology((t) => ({ ...t, services: t.services.map((s) => (s.id === 'db' ? { ...s, image: 'postgres:18' } : s)) }));
    const after = store.getState().nodes;
    expect(after.find((n) => n.id === 'service:db')).not.toBe(before.find((n) => n.id === 'service:db'));
    expect(after.find((n) => n.id === 'service:shop')).toBe(before.find((n) => n.id === 'service:shop'));
  });
});

describe('saving', () => {
  it('saves to the current path and marks the document clean', async () => {
    const save = vi.fn((r: RequestOf<'file.save'>) => ({ path: r.path, name: 'shop.stackdraft.yaml', unchanged: false }));
    const { store } = setup({ 'file.open': () => opened(), 'file.save': save });
    await store.getState().openFile('/work/shop.stackdraft.yaml');
    store.getState().editTopology(renameProject('Renamed'));
    await store.getState().save();
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ path: '/work/shop.stackdraft.yaml', topology: expect.objectContaining({ name: 'Renamed' }) }));
    expect(store.getState()).toMatchObject({ dirty: false, busy: null });
    expect(store.getState().statuses.at(-1)).toMatchObject({ kind: 'success', text: 'Saved shop.stackdraft.yaml.' });
  });

  it('says when the file was left unchanged', async () => {
    const { store } = setup({ 'file.open': () => opened(), 'file.save': (r) => ({ path: r.path, name: 'shop.stackdraft.yaml', unchanged: true }) });
    await store.getState().openFile('/work/shop.stackdraft.yaml');
    await store.getState().save();
    expect(store.getState().statuses.at(-1)?.text).toMatch(/No changes/);
  });

  it('asks for a path with the native dialog when the document has none', async () => {
    const saveAs = vi.fn((r: RequestOf<'file.saveAs'>) => (r.path ? { path: r.path, name: 'mine.stackdraft.yaml', unchanged: false } : null));
    const { store, calls } = setup({ 'file.saveAs': saveAs, 'app.info': () => ({ version: '1', transport: 'electron', nativeDialogs: true }) });
    await store.getState().boot();
    await store.getState().openExample('shop');
    await store.getState().save();
    await vi.waitFor(() => expect(saveAs).toHaveBeenCalledWith({ topology: store.getState().topology }));
    expect(calls.filter(([c]) => c === 'file.save')).toHaveLength(0);
    await vi.waitFor(() => expect(store.getState().busy).toBeNull());
    expect(store.getState().path).toBeNull(); // cancelled
  });

  it('asks for a path in the page without native dialogs, and saves there', async () => {
    const { store } = setup({ 'file.saveAs': (r) => ({ path: r.path!, name: 'mine.stackdraft.yaml', unchanged: false }) });
    await store.getState().boot();
    await store.getState().openExample('shop');
    await store.getState().save();
    expect(store.getState().pathPrompt).toBe('saveAs');
    await store.getState().saveAs('/work/mine.stackdraft.yaml');
    expect(store.getState()).toMatchObject({ path: '/work/mine.stackdraft.yaml', name: 'mine.stackdraft.yaml', dirty: false, pathPrompt: null });
  });

  it('never saves a read-only document in place', async () => {
    const { store, calls } = setup({ 'file.open': () => opened({ readOnly: true, notice: 'Written by a newer Stackdraft.' }) });
    await store.getState().openFile('/work/shop.stackdraft.yaml');
    await store.getState().save();
    expect(calls.some(([c]) => c === 'file.save' || c === 'file.saveAs')).toBe(false);
    expect(store.getState()).toMatchObject({ readOnly: true, notice: 'Written by a newer Stackdraft.' });
  });

  it('reports a failed save and stays dirty', async () => {
    const { store } = setup({
      'file.open': () => opened(),
      'file.save': () => {
        throw new IpcError({ code: 'CHANGED_ON_DISK', message: 'The file changed on disk since it was opened.' });
      },
    });
    await store.getState().openFile('/work/shop.stackdraft.yaml');
    store.getState().editTopology(renameProject('Renamed'));
    await store.getState().save();
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().statuses.at(-1)).toMatchObject({ kind: 'error', text: 'The file changed on disk since it was opened.' });
  });
});

describe('boot', () => {
  it('is ready once connected, with the examples listed', async () => {
    const { store } = setup();
    expect(store.getState().phase).toBe('loading');
    await store.getState().boot();
    expect(store.getState()).toMatchObject({ phase: 'ready', appInfo: { nativeDialogs: false }, examples: [{ id: 'shop' }] });
  });

  it('explains how to start when there is no transport', async () => {
    const { store } = setup({}, async () => {
      throw new Error('Start it with npm run dev:web');
    });
    await store.getState().boot();
    expect(store.getState()).toMatchObject({ phase: 'unavailable', unavailableReason: 'Start it with npm run dev:web' });
  });

  it('reports a connection lost later', async () => {
    let lose: (reason: string) => void = () => {};
    const { store } = setup({}, async (onLost) => {
      lose = onLost;
    });
    await store.getState().boot();
    lose('The connection to the Stackdraft bridge was lost.');
    expect(store.getState()).toMatchObject({ phase: 'ready', unavailableReason: 'The connection to the Stackdraft bridge was lost.' });
  });
});
