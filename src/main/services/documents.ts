import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import * as fs from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { formatProblem, loadTopologyBytes, MAX_FILE_BYTES, serializeTopology, type LoadProblem } from '../../shared/format';
import { HandlerError, type LoadFailedDetails, type OpenedFile, type SavedFile } from '../../shared/ipc';
import type { Topology } from '../../shared/model';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';
import { ioError } from './io-errors';

/** What this process knows about a file it has read or written. */
type Known =
  | { state: 'loaded'; readOnly: boolean; fromVersion: number; sha256: string }
  /** It did not load: writing to it could destroy what the person meant to keep. */
  | { state: 'failed' };

export interface DocumentsOptions {
  /** Injected in tests to simulate a failing disk. */
  fs?: AtomicWriteFs;
}

/**
 * The open-document registry behind `file.open`, `file.save` and `file.saveAs`. It
 * remembers the hash of every file it read or wrote so that a save never silently
 * overwrites a change made by another program, a file that did not load, or a file
 * written by a newer Stackdraft.
 */
export class Documents {
  private readonly known = new Map<string, Known>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly options: DocumentsOptions = {}) {}

  /** Reads and loads a file; throws LOAD_FAILED with the first problem's line and field. */
  open(path: string): Promise<OpenedFile> {
    const file = resolve(path);
    return this.exclusive(file, async () => {
      const bytes = await readTopologyFile(file);
      const loaded = loadTopologyBytes(bytes);
      if (!loaded.ok) {
        this.known.set(file, { state: 'failed' });
        throw loadFailed(file, loaded.problems);
      }
      this.known.set(file, { state: 'loaded', readOnly: loaded.readOnly, fromVersion: loaded.fromVersion, sha256: sha256(bytes) });
      return {
        path: file,
        name: basename(file),
        topology: loaded.topology,
        readOnly: loaded.readOnly,
        fromVersion: loaded.fromVersion,
        ...(loaded.notice !== undefined ? { notice: loaded.notice } : {}),
      };
    });
  }

  /**
   * Writes to a file opened or saved before in this process. Refuses read-only files and,
   * unless told to overwrite, files that changed on disk since; writes nothing when the
   * file already holds exactly this document.
   */
  save(path: string, topology: Topology, overwriteExternalChanges = false): Promise<SavedFile> {
    const file = resolve(path);
    return this.exclusive(file, async () => {
      const known = this.known.get(file);
      const name = basename(file);
      if (known === undefined) {
        throw new HandlerError('BAD_REQUEST', `${name} was not opened in this session, so Save cannot write to it; use Save As to choose where to save.`, { path: file });
      }
      if (known.state === 'failed') throw refuseFailed(file);
      if (known.readOnly) throw refuseNewer(file, known.fromVersion);
      const current = await readIfExists(file);
      if (!overwriteExternalChanges && (current === undefined || sha256(current) !== known.sha256)) {
        const what = current === undefined ? 'was moved or deleted' : 'was changed by another program';
        throw new HandlerError(
          'CHANGED_ON_DISK',
          `${name} ${what} since Stackdraft last read or saved it. Reopen it to see those changes, or save again and choose to overwrite them.`,
          { path: file },
        );
      }
      return this.write(file, topology, current);
    });
  }

  /** Writes to a new path (a dialog already confirmed overwriting) and remembers it. */
  saveAs(path: string, topology: Topology): Promise<SavedFile> {
    const file = resolve(path);
    return this.exclusive(file, async () => {
      const known = this.known.get(file);
      if (known?.state === 'failed') throw refuseFailed(file);
      if (known?.readOnly) throw refuseNewer(file, known.fromVersion);
      const current = await readIfExists(file);
      if (known === undefined && current !== undefined) {
        // Never replace a file from a newer Stackdraft, even one we have not opened.
        const existing = loadTopologyBytes(current);
        if (existing.ok && existing.readOnly) throw refuseNewer(file, existing.fromVersion);
      }
      return this.write(file, topology, current);
    });
  }

  private async write(file: string, topology: Topology, current: Buffer | undefined): Promise<SavedFile> {
    const bytes = Buffer.from(serializeTopology(topology), 'utf8');
    const unchanged = current !== undefined && bytes.equals(current);
    if (!unchanged) {
      try {
        await writeFileAtomic(file, bytes, { fs: this.options.fs });
      } catch (error) {
        throw ioError('save', file, error);
      }
    }
    this.known.set(file, { state: 'loaded', readOnly: false, fromVersion: topology.schemaVersion, sha256: sha256(bytes) });
    return { path: file, name: basename(file), unchanged };
  }

  /** Runs work on one path after any earlier work on it, so two saves never interleave. */
  private async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.catch(() => undefined);
    this.locks.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    }
  }
}

/** Reads a regular file of at most MAX_FILE_BYTES without hanging on a FIFO or device. */
async function readTopologyFile(file: string): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a named pipe would otherwise wait for a writer forever.
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? new HandlerError('NOT_FOUND', `${basename(file)} does not exist; it may have been moved or deleted.`, { path: file })
      : ioError('open', file, error);
  }
  try {
    let stats: Stats;
    try {
      stats = await handle.stat();
    } catch (error) {
      throw ioError('open', file, error);
    }
    if (!stats.isFile()) throw new HandlerError('BAD_REQUEST', `${basename(file)} is not a regular file; choose a .stackdraft.yaml file.`, { path: file });
    if (stats.size > MAX_FILE_BYTES) {
      throw loadFailed(file, [{ code: 'TOO_LARGE', message: `the file is ${(stats.size / 1048576).toFixed(1)} MiB; Stackdraft opens files up to ${MAX_FILE_BYTES / 1048576} MiB` }]);
    }
    try {
      return await handle.readFile();
    } catch (error) {
      throw ioError('read', file, error);
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError('read', file, error);
  }
}

function loadFailed(file: string, problems: LoadProblem[]): HandlerError {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  const details: LoadFailedDetails = { path: file, problems };
  return new HandlerError('LOAD_FAILED', `${formatProblem(problems[0]!, basename(file))}${more}`, details);
}

function refuseFailed(file: string): HandlerError {
  return new HandlerError(
    'READ_ONLY',
    `${basename(file)} could not be loaded, so Stackdraft will not overwrite it; fix the file and open it again, or save under another name.`,
    { path: file },
  );
}

function refuseNewer(file: string, version: number): HandlerError {
  return new HandlerError(
    'READ_ONLY',
    `${basename(file)} was written by a newer Stackdraft (schema ${version}) and is open read-only, because saving it here would drop what this version cannot read. Use Save As to write a copy.`,
    { path: file },
  );
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
