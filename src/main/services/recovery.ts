import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { loadTopology, serializeTopology } from '../../shared/format';
import type { Recovered } from '../../shared/ipc';
import type { Topology } from '../../shared/model';
import { writeFileAtomic } from './atomic-write';

const FILE_NAME = 'recovery.json';

/** The recovery file: the document in its canonical YAML form, so that it loads (and migrates) like any file. */
interface RecoveryFile {
  version: 1;
  path: string | null;
  name: string;
  savedAt: string;
  yaml: string;
}

/**
 * Unsaved work kept in the user-data folder. Every autosave replaces the file atomically,
 * so a crash in the middle of one leaves the previous autosave whole. A file that cannot
 * be read back is moved aside (never deleted) and reported as nothing to recover.
 */
export class Recovery {
  readonly file: string;

  constructor(
    userDataDir: string,
    private readonly now: () => Date = () => new Date(),
    private readonly warn: (message: string) => void = console.warn,
  ) {
    this.file = join(userDataDir, FILE_NAME);
  }

  async save(topology: Topology, path: string | null, name: string): Promise<void> {
    const content: RecoveryFile = { version: 1, path, name, savedAt: this.now().toISOString(), yaml: serializeTopology(topology) };
    await writeFileAtomic(this.file, JSON.stringify(content), { backup: false });
  }

  async take(): Promise<Recovered | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const recovered = parse(text);
    if (typeof recovered === 'string') {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      await fs.rename(this.file, aside).catch(() => undefined);
      this.warn(`The recovery file could not be read (${recovered}); it was kept as ${aside}.`);
      return null;
    }
    return recovered;
  }

  async discard(): Promise<void> {
    await fs.rm(this.file, { force: true });
  }
}

/** The recovered work, or a sentence saying what is wrong with the file. */
function parse(text: string): Recovered | string {
  let data: Partial<RecoveryFile>;
  try {
    data = JSON.parse(text) as Partial<RecoveryFile>;
  } catch {
    return 'not JSON';
  }
  if (data.version !== 1 || typeof data.yaml !== 'string' || typeof data.name !== 'string' || typeof data.savedAt !== 'string') return 'unknown layout';
  const loaded = loadTopology(data.yaml);
  if (!loaded.ok) return `the document does not load: ${loaded.problems[0]?.message ?? 'unknown problem'}`;
  return { topology: loaded.topology, path: typeof data.path === 'string' ? data.path : null, name: data.name, savedAt: data.savedAt };
}
