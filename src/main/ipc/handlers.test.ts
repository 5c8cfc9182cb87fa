import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeTopology } from '../../shared/format';
import type { AppInfo } from '../../shared/ipc';
import { emptyTopology } from '../../shared/model';
import { Documents } from '../services/documents';
import { Examples } from '../services/examples';
import { RecentFiles } from '../services/recent-files';
import { Recovery } from '../services/recovery';
import { MemoryStore, type KeyValueStore } from '../services/settings-store';
import { dispatch } from './dispatch';
import { createHandlers, type Dialogs, type Handlers } from './handlers';

const appInfo: AppInfo = { version: '0.0.0-test', transport: 'bridge', nativeDialogs: false };
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-handlers-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function setup(dialogs: Dialogs | null, store: KeyValueStore = new MemoryStore()) {
  const recent = new RecentFiles(store);
  const handlers = createHandlers({ documents: new Documents(), recent, examples: new Examples(dir), dialogs, appInfo, warn: () => undefined });
  return { handlers, recent };
}

async function sampleFile(name = 'shop.stackdraft.yaml'): Promise<string> {
  const path = join(dir, name);
  await fs.writeFile(path, serializeTopology(emptyTopology('Shop')));
  return path;
}

describe('createHandlers', () => {
  it('answers app.info', async () => {
    expect(await setup(null).handlers['app.info']({})).toEqual(appInfo);
  });

  it('file.open without a path and without dialogs asks for a path', async () => {
    const result = await dispatch(setup(null).handlers, 'file.open', {}, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/give a path/) } });
  });

  it('file.open asks the dialog, and a cancelled dialog answers null', async () => {
    const path = await sampleFile();
    const dialogs: Dialogs = { pickOpenPath: vi.fn().mockResolvedValueOnce(null).mockResolvedValueOnce(path), pickSavePath: vi.fn() };
    const { handlers, recent } = setup(dialogs);
    expect(await handlers['file.open']({})).toBeNull();
    expect(recent.list()).toEqual([]);
    expect((await handlers['file.open']({}))?.path).toBe(path);
    expect(recent.list().map((f) => f.path)).toEqual([path]);
  });

  it('open and save add to the recent files; a failed open does not', async () => {
    const a = await sampleFile('a.yaml');
    const b = await sampleFile('b.yaml');
    await fs.writeFile(join(dir, 'bad.yaml'), 'nope: [');
    const { handlers, recent } = setup(null);
    await handlers['file.open']({ path: a });
    await handlers['file.open']({ path: b });
    await expect(handlers['file.open']({ path: join(dir, 'bad.yaml') })).rejects.toMatchObject({ code: 'LOAD_FAILED' });
    await handlers['file.save']({ path: a, topology: emptyTopology('Changed') });
    expect((await handlers['file.listRecent']({})).map((f) => f.path)).toEqual([a, b]);
    expect(recent.list()).toHaveLength(2);
  });

  it('file.clearRecent empties the recent files and tells the native menu', async () => {
    const a = await sampleFile('a.yaml');
    const onRecentCleared = vi.fn();
    const recent = new RecentFiles(new MemoryStore());
    const handlers = createHandlers({ documents: new Documents(), recent, examples: new Examples(dir), dialogs: null, appInfo, onRecentCleared });
    await handlers['file.open']({ path: a });
    expect(await dispatch(handlers, 'file.clearRecent', {}, true)).toEqual({ ok: true, value: null });
    expect(await handlers['file.listRecent']({})).toEqual([]);
    expect(onRecentCleared).toHaveBeenCalledOnce();
  });

  it('file.saveAs asks the dialog with a suggested name and adds the extension it lacks', async () => {
    const pickSavePath = vi.fn().mockResolvedValue(join(dir, 'mine'));
    const { handlers } = setup({ pickOpenPath: vi.fn(), pickSavePath });
    const saved = await handlers['file.saveAs']({ topology: emptyTopology('Shop') });
    expect(pickSavePath).toHaveBeenCalledWith('untitled.stackdraft.yaml');
    expect(saved).toMatchObject({ path: join(dir, 'mine.stackdraft.yaml'), unchanged: false });
    expect(await fs.readFile(join(dir, 'mine.stackdraft.yaml'), 'utf8')).toBe(serializeTopology(emptyTopology('Shop')));
  });

  it('a recent list that cannot be saved does not fail the open', async () => {
    const path = await sampleFile();
    const broken: KeyValueStore = { get: () => undefined, set: () => Promise.reject(new Error('disk full')) };
    const { handlers } = setup(null, broken);
    expect((await handlers['file.open']({ path }))?.path).toBe(path);
  });
});

// Type-level checks: the handler table must match the contract exactly.
const stub = (async () => {
  throw new Error('not called');
}) as never;
// @ts-expect-error a missing channel is a type error
export const _missing: Handlers = { 'app.info': stub };
export const _extra: Handlers = {
  'app.info': stub,
  'file.open': stub,
  'file.save': stub,
  'file.saveAs': stub,
  'file.listRecent': stub,
  'example.list': stub,
  'example.open': stub,
  // @ts-expect-error an extra channel is a type error
  'file.delete': stub,
};

describe('recovery handlers', () => {
  it('keep unsaved work in the user-data folder until discarded', async () => {
    const handlers = createHandlers({ documents: new Documents(), recent: new RecentFiles(new MemoryStore()), examples: new Examples(dir), dialogs: null, appInfo, recovery: new Recovery(dir) });
    expect(await handlers['recovery.take']({})).toBeNull();
    await handlers['recovery.save']({ topology: emptyTopology('Draft'), path: null, name: 'Untitled' });
    expect(await handlers['recovery.take']({})).toMatchObject({ topology: { name: 'Draft' }, path: null, name: 'Untitled' });
    await handlers['recovery.discard']({});
    expect(await handlers['recovery.take']({})).toBeNull();
  });
});
