import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JsonFileStore } from './settings-store';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-settings-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('JsonFileStore', () => {
  it('starts from the defaults when there is no file, and persists what is set', async () => {
    const file = join(dir, 'settings.json');
    const store = await JsonFileStore.open(file, { theme: 'system' });
    expect(store.get('theme')).toBe('system');
    await store.set('theme', 'dark');
    await store.set('recentFiles', [{ path: '/a.yaml' }]);
    const reopened = await JsonFileStore.open(file, { theme: 'system' });
    expect(reopened.get('theme')).toBe('dark');
    expect(reopened.get('recentFiles')).toEqual([{ path: '/a.yaml' }]);
  });

  it('moves a corrupt file aside and uses the defaults instead of crashing', async () => {
    const file = join(dir, 'settings.json');
    await fs.writeFile(file, '{"theme": "dark", trunc');
    const warn = vi.fn();
    const store = await JsonFileStore.open(file, { theme: 'system' }, warn);
    expect(store.get('theme')).toBe('system');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/kept as .*settings\.json\.corrupt-/));
    const names = await fs.readdir(dir);
    const aside = names.find((n) => n.startsWith('settings.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await fs.readFile(join(dir, aside!), 'utf8')).toBe('{"theme": "dark", trunc');
    await store.set('theme', 'light');
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ theme: 'light' });
  });

  it('treats a JSON value that is not an object as corrupt', async () => {
    const file = join(dir, 'settings.json');
    await fs.writeFile(file, '[1,2,3]');
    const store = await JsonFileStore.open(file, {}, () => undefined);
    expect(store.get('0')).toBeUndefined();
    expect((await fs.readdir(dir)).some((n) => n.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('keeps a "__proto__" key as plain data', async () => {
    const file = join(dir, 'settings.json');
    await fs.writeFile(file, '{"__proto__": {"polluted": true}, "a": 1}');
    const store = await JsonFileStore.open(file);
    expect(store.get('a')).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await store.set('b', 2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns copies, so a caller cannot change the stored value by mutation', async () => {
    const store = await JsonFileStore.open(join(dir, 's.json'), { list: [1] });
    (store.get('list') as number[]).push(2);
    expect(store.get('list')).toEqual([1]);
  });

  it('keeps the last of many concurrent writes', async () => {
    const file = join(dir, 'settings.json');
    const store = await JsonFileStore.open(file);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set('n', i)));
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 19 });
  });
});
