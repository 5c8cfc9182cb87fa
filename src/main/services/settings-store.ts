import { renameSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';

/**
 * Where small settings live. In the app it is electron-store; in tests and on the bridge
 * a JSON file. Values are untrusted when read back: callers validate them.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): Promise<void>;
}

/**
 * A JSON object in one file, written atomically. A file that is not a JSON object is
 * moved aside to `<file>.corrupt-<timestamp>` and the defaults are used, so a damaged
 * settings file costs the settings but never the app.
 */
export class JsonFileStore implements KeyValueStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    // A Map, not an object: keys such as "__proto__" from the file stay plain data.
    private readonly values: Map<string, unknown>,
  ) {}

  static async open(file: string, defaults: Record<string, unknown> = {}, warn: (message: string) => void = console.warn): Promise<JsonFileStore> {
    const values = new Map(Object.entries(structuredClone(defaults)));
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`Cannot read settings ${file} (${(error as Error).message}); using defaults.`);
      return new JsonFileStore(file, values);
    }
    const parsed = parseObject(text);
    if (parsed === undefined) {
      const aside = moveAside(file);
      warn(`Settings file ${file} was not valid JSON; it was kept as ${aside} and defaults are used.`);
      return new JsonFileStore(file, values);
    }
    for (const [key, value] of Object.entries(parsed)) values.set(key, value);
    return new JsonFileStore(file, values);
  }

  get(key: string): unknown {
    // A copy, so that a caller's mutation never changes what is stored.
    return structuredClone(this.values.get(key));
  }

  /** Stores a JSON value; resolves once it is on disk, rejects with the write's error. */
  set(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value ?? null)) as unknown);
    const snapshot = `${JSON.stringify(Object.fromEntries(this.values), null, 2)}\n`;
    // One write at a time, each with the whole state, so the last one always wins.
    const write = this.writing.then(() => writeFileAtomic(this.file, snapshot));
    this.writing = write.catch(() => undefined);
    return write;
  }
}

/** Renames a damaged file to `<file>.corrupt-<timestamp>` (kept for a person to look at). */
export function moveAside(file: string): string {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
  } catch {
    // Could not move it: the next write replaces it anyway.
  }
  return aside;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** An in-memory store for tests and throwaway sessions. */
export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return structuredClone(this.values.get(key));
  }
  async set(key: string, value: unknown): Promise<void> {
    this.values.set(key, structuredClone(value));
  }
}
