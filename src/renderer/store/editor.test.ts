import { describe, expect, it, vi } from 'vitest';
import { IpcError, type ChannelName, type OpenedFile, type Recovered, type RequestOf, type ResponseOf } from '../../shared/ipc';
import { sampleTopology } from '../../shared/view/testing';
import { createAppStore } from './createAppStore';
import { historyOf } from './history';
import { AUTOSAVE_DELAY_MS } from './recoverySlice';
import type { StoreDeps } from './types';

type Handlers = { [C in ChannelName]?: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

async function setup(handlers: Handlers = {}) {
  const calls: [ChannelName, unknown][] = [];
  const all: Handlers = {
    'app.info': () => ({ version: '0.1.0', transport: 'bridge', nativeDialogs: false }),
    'example.list': () => [],
    'file.listRecent': () => [],
    'app.takeStartupOpen': () => null,
    'recovery.take': () => null,
    'recovery.save': () => undefined,
    'recovery.discard': () => undefined,
    'example.open': () => opened(),
    ...handlers,
  };
  const deps: StoreDeps = {
    async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      calls.push([channel, request]);
      const handler = all[channel] as ((r: RequestOf<C>) => ResponseOf<C>) | undefined;
      if (!handler) throw new IpcError({ code: 'UNKNOWN_CHANNEL', message: `no ${channel}` });
      return handler(request);
    },
    connect: async () => {},
  };
  const store = createAppStore(deps);
  await store.getState().boot();
  await store.getState().openExample('shop');
  return { store, calls, history: historyOf(store), s: () => store.getState() };
}

function opened(overrides: Partial<OpenedFile> = {}): OpenedFile {
  return { path: null, name: 'shop (example)', topology: sampleTopology(), readOnly: false, fromVersion: 2, ...overrides };
}

const hostOf = (topology: ReturnType<typeof sampleTopology> | null, tierId: string, serviceId: string) =>
  topology?.tiers.find((t) => t.id === tierId)?.placements.find((p) => p.service === serviceId)?.host;

describe('editing from the palette and the canvas', () => {
  it('adds a service dropped on a host, placed there, selected, as one undo step', async () => {
    const { s, history } = await setup();
    s().addFromPalette({ kind: 'service', templateId: 'redis' }, { hostId: 'one' });
    expect(hostOf(s().topology, 'small', 'redis')).toBe('one');
    expect(s().nodes.find((n) => n.id === 'service:redis')).toMatchObject({ parentId: 'host:one', selected: true });
    expect(s().selectedNodeIds).toEqual(['service:redis']);
    expect(history.getState().pastStates).toHaveLength(1);
    s().undo();
    expect(s().topology!.services.some((x) => x.id === 'redis')).toBe(false);
    expect(s().dirty).toBe(false);
    s().redo();
    expect(hostOf(s().topology, 'small', 'redis')).toBe('one');
  });

  it('adds a host of a flavor to the current tier', async () => {
    const { s } = await setup();
    s().setTier('large');
    s().addFromPalette({ kind: 'host', flavorId: 'syseleven/m2.medium' }, { position: { x: 900, y: 0 } });
    const host = s().topology!.tiers[1]!.hosts.at(-1)!;
    expect(host).toMatchObject({ flavor: 'm2.medium', cpu: 4, memoryMiB: 16384 });
    expect(s().nodes.find((n) => n.id === `host:${host.id}`)?.position).toEqual({ x: 900, y: 0 });
  });

  it('moves a service to the host it was dragged into, in one undo step however many moves the drag had', async () => {
    const { s, history } = await setup();
    s().setTier('large');
    const data = s().nodes.find((n) => n.id === 'host:data')!;
    for (let i = 1; i <= 20; i++) {
      s().onNodesChange([{ type: 'position', id: 'service:shop', position: { x: (data.position.x * i) / 20 + 20, y: (data.position.y * i) / 20 + 130 }, dragging: true }]);
    }
    expect(history.getState().pastStates).toHaveLength(0);
    s().commitDrag(['service:shop']);
    expect(hostOf(s().topology, 'large', 'shop')).toBe('data');
    expect(hostOf(s().topology, 'small', 'shop')).toBe('one');
    expect(history.getState().pastStates).toHaveLength(1);
    s().undo();
    expect(hostOf(s().topology, 'large', 'shop')).toBe('web');
    expect(s().nodes.find((n) => n.id === 'service:shop')!.parentId).toBe('host:web');
  });

  it('puts a service dropped on empty canvas back where it was', async () => {
    const { s, history } = await setup();
    const before = s().nodes.find((n) => n.id === 'service:db')!.position;
    s().onNodesChange([{ type: 'position', id: 'service:db', position: { x: -5000, y: -5000 }, dragging: true }]);
    s().commitDrag(['service:db']);
    expect(s().nodes.find((n) => n.id === 'service:db')!.position).toEqual(before);
    expect(history.getState().pastStates).toHaveLength(0);
  });

  it('leaves the edges alone when a drag moves boxes only, and redraws them when a dependency changes', async () => {
    const { s } = await setup();
    const edges = s().edges;
    const db = s().nodes.find((n) => n.id === 'service:db')!;
    s().onNodesChange([{ type: 'position', id: 'service:db', position: { x: db.position.x + 10, y: db.position.y + 8 }, dragging: true }]);
    s().commitDrag(['service:db']);
    expect(s().topology).not.toBe(s().savedSnapshot);
    expect(s().edges).toBe(edges);
    s().toggleDependencyKind('dependency:shop->db');
    expect(s().edges.find((e) => e.id === 'dependency:shop->db')?.data?.kind).toBe('soft');
    s().undo();
    expect(s().edges.find((e) => e.id === 'dependency:shop->db')?.data?.kind).toBe('hard');
  });

  it('connects services and toggles hard/soft; refuses a duplicate with a message', async () => {
    const { s } = await setup();
    s().connect('nightly', 'db');
    expect(s().edges.some((e) => e.id === 'dependency:nightly->db')).toBe(true);
    s().toggleDependencyKind('dependency:nightly->db');
    expect(s().topology!.dependencies.at(-1)).toMatchObject({ from: 'nightly', to: 'db', kind: 'soft' });
    s().connect('shop', 'db');
    expect(s().statuses.at(-1)).toMatchObject({ kind: 'error', text: '"shop" already depends on "db".' });
  });
});

describe('delete, clipboard, align', () => {
  it('asks before deleting a service others depend on, naming them', async () => {
    const { s } = await setup();
    s().setSelection(['service:db'], []);
    s().deleteSelection();
    expect(s().pendingDeletion).toMatchObject({ label: '"db"', impact: { dependents: ['shop'] } });
    expect(s().topology!.services.some((x) => x.id === 'db')).toBe(true);
    s().confirmDeletion();
    expect(s().topology!.services.some((x) => x.id === 'db')).toBe(false);
    expect(s().pendingDeletion).toBeNull();
  });

  it('deletes a lone dependency at once', async () => {
    const { s } = await setup();
    s().setSelection([], ['dependency:shop->stripe']);
    s().deleteSelection();
    expect(s().pendingDeletion).toBeNull();
    expect(s().topology!.dependencies.some((d) => d.to === 'stripe')).toBe(false);
  });

  it('duplicates the selection with fresh names, keeping the clipboard', async () => {
    const { s } = await setup();
    s().setSelection(['service:shop'], []);
    s().duplicate();
    expect(s().topology!.services.map((x) => x.id)).toContain('shop-2');
    expect(s().selectedNodeIds).toEqual(['service:shop-2']);
    expect(s().clipboard).toBeNull();
    s().setSelection(['service:db'], []);
    s().copy();
    s().paste();
    s().paste();
    expect(s().topology!.services.map((x) => x.id)).toEqual(expect.arrayContaining(['db-2', 'db-3']));
  });

  it('aligns selected services of one host on their left edge', async () => {
    const { s } = await setup();
    s().setSelection(['service:proxy', 'service:shop'], []);
    s().align('left');
    const layout = s().topology!.layout['host/small']!;
    expect(layout['service:proxy']!.x).toBe(layout['service:shop']!.x);
  });
});

describe('tiers', () => {
  it('duplicates the current tier, switches to it and keeps the selection', async () => {
    const { s } = await setup();
    s().setSelection(['service:db'], []);
    s().duplicateTier();
    expect(s().tierId).toBe('small-copy');
    expect(s().topology!.tiers.map((t) => t.id)).toEqual(['small', 'small-copy', 'large']);
    expect(s().selectedNodeIds).toEqual(['service:db']);
  });

  it('adds, renames, reorders and deletes tiers, each one undo step', async () => {
    const { s, history } = await setup();
    s().addTier();
    expect(s().tierId).toBe('tier-3');
    s().renameTier('tier-3', 'Tier D');
    s().moveTier('tier-3', -1);
    expect(s().topology!.tiers.map((t) => t.name)).toEqual(['Small', 'Tier D', 'Large']);
    s().deleteTier('tier-3');
    expect(s().tierId).toBe('large');
    expect(history.getState().pastStates).toHaveLength(4);
  });
});

describe('never lose work', () => {
  it('autosaves a dirty document after a pause and discards the file once it is clean again', async () => {
    vi.useFakeTimers();
    try {
      const { s, calls } = await setup();
      s().updateService('db', { image: 'postgres:18' });
      s().updateService('db', { image: 'postgres:19' });
      expect(calls.filter(([c]) => c === 'recovery.save')).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
      const saves = calls.filter(([c]) => c === 'recovery.save');
      expect(saves).toHaveLength(1);
      expect(saves[0]![1]).toMatchObject({ path: null, name: 'shop (example)', topology: { services: expect.arrayContaining([expect.objectContaining({ image: 'postgres:19' })]) } });
      s().undo();
      s().undo();
      expect(calls.at(-1)![0]).toBe('recovery.discard');
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves edits that never pause at least every autosave interval, and not at all when the interval is 0', async () => {
    vi.useFakeTimers();
    try {
      const { s, calls } = await setup();
      s().setAutosaveInterval(2);
      const saves = () => calls.filter(([c]) => c === 'recovery.save').length;
      // An edit every half second for 3 s: the pause never comes, the interval does.
      for (let i = 0; i < 6; i++) {
        s().updateService('db', { image: `postgres:${20 + i}` });
        await vi.advanceTimersByTimeAsync(500);
      }
      expect(saves()).toBe(1);

      s().setAutosaveInterval(0);
      const before = saves();
      s().updateService('db', { image: 'postgres:99' });
      await vi.advanceTimersByTimeAsync(5_000);
      await s().autosave();
      expect(saves()).toBe(before);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a save due while a box is dragged or the view panned waits for the gesture to end and a pause after it', async () => {
    vi.useFakeTimers();
    try {
      const { s, calls } = await setup();
      const saves = () => calls.filter(([c]) => c === 'recovery.save').length;
      s().updateService('db', { image: 'postgres:18' });
      s().setPointerGesture(true);
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 4);
      expect(saves()).toBe(0);
      s().setPointerGesture(false);
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
      expect(saves()).toBe(0);
      await vi.advanceTimersByTimeAsync(200);
      expect(saves()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers work left by a killed session and restores it as unsaved', async () => {
    const recovered: Recovered = { topology: { ...sampleTopology(), name: 'Left behind' }, path: '/work/shop.stackdraft.yaml', name: 'shop.stackdraft.yaml', savedAt: '2026-01-01T00:00:00Z' };
    const { s } = await setup({ 'recovery.take': () => recovered });
    expect(s().recovered).toEqual(recovered);
    s().restoreRecovered();
    expect(s()).toMatchObject({ recovered: null, dirty: true, path: null, name: 'shop.stackdraft.yaml (recovered)', topology: { name: 'Left behind' } });
  });
});
