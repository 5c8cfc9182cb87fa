import { basename } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../../shared/ipc';
import type { KeyValueStore } from './settings-store';

export const MAX_RECENT_FILES = 10;
const KEY = 'recentFiles';

const recentFileSchema = z.strictObject({
  path: z.string().min(1).max(4096),
  name: z.string(),
  openedAt: z.string(),
});

/** Most recently opened or saved files, newest first, each path once. */
export class RecentFiles {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** What the store holds, keeping only entries that are still well-formed. */
  list(): RecentFile[] {
    const stored = this.store.get(KEY);
    if (!Array.isArray(stored)) return [];
    const seen = new Set<string>();
    const files: RecentFile[] = [];
    for (const entry of stored) {
      const parsed = recentFileSchema.safeParse(entry);
      if (!parsed.success || seen.has(parsed.data.path)) continue;
      seen.add(parsed.data.path);
      files.push(parsed.data);
    }
    return files.slice(0, MAX_RECENT_FILES);
  }

  /** Moves `path` to the top of the list. */
  async add(path: string): Promise<RecentFile[]> {
    const entry: RecentFile = { path, name: basename(path), openedAt: this.now().toISOString() };
    const files = [entry, ...this.list().filter((f) => f.path !== path)].slice(0, MAX_RECENT_FILES);
    await this.store.set(KEY, files);
    return files;
  }

  async clear(): Promise<void> {
    await this.store.set(KEY, []);
  }
}
