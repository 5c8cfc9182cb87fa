import { describe, expect, it } from 'vitest';
import { MAX_RECENT_FILES, RecentFiles } from './recent-files';
import { MemoryStore } from './settings-store';

function clock(): () => Date {
  let t = Date.UTC(2025, 0, 1);
  return () => new Date((t += 1000));
}

describe('RecentFiles', () => {
  it('lists the newest first, each path once, with its file name', async () => {
    const recent = new RecentFiles(new MemoryStore(), clock());
    await recent.add('/a/one.stackdraft.yaml');
    await recent.add('/b/two.yaml');
    await recent.add('/a/one.stackdraft.yaml');
    expect(recent.list().map((f) => f.path)).toEqual(['/a/one.stackdraft.yaml', '/b/two.yaml']);
    expect(recent.list()[0]).toEqual({ path: '/a/one.stackdraft.yaml', name: 'one.stackdraft.yaml', openedAt: '2025-01-01T00:00:03.000Z' });
  });

  it('clear empties the list, and later files start a new one', async () => {
    const recent = new RecentFiles(new MemoryStore(), clock());
    await recent.add('/a/one.yaml');
    await recent.clear();
    expect(recent.list()).toEqual([]);
    await recent.add('/b/two.yaml');
    expect(recent.list().map((f) => f.path)).toEqual(['/b/two.yaml']);
  });

  it(`keeps at most ${MAX_RECENT_FILES}`, async () => {
    const recent = new RecentFiles(new MemoryStore(), clock());
    for (let i = 0; i < 15; i++) await recent.add(`/f${i}.yaml`);
    const paths = recent.list().map((f) => f.path);
    expect(paths).toHaveLength(MAX_RECENT_FILES);
    expect(paths[0]).toBe('/f14.yaml');
    expect(paths.at(-1)).toBe('/f5.yaml');
  });

  it('drops malformed stored entries instead of failing', async () => {
    const store = new MemoryStore();
    await store.set('recentFiles', [
      { path: '/ok.yaml', name: 'ok.yaml', openedAt: '2025-01-01T00:00:00.000Z' },
      { path: 42 },
      'nonsense',
      null,
      { path: '/ok.yaml', name: 'dup', openedAt: 'x' },
    ]);
    const recent = new RecentFiles(store);
    expect(recent.list().map((f) => f.path)).toEqual(['/ok.yaml']);
    await store.set('recentFiles', { not: 'a list' });
    expect(recent.list()).toEqual([]);
  });
});
