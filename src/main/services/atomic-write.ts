import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The parts of `fs/promises` an atomic write uses; tests inject a failing one. */
export type AtomicWriteFs = Pick<typeof nodeFs, 'open' | 'stat' | 'realpath' | 'link' | 'copyFile' | 'rename' | 'unlink' | 'readdir'>;

export interface AtomicWriteOptions {
  /** Keep the replaced version as `<path>.bak` (default true). */
  backup?: boolean;
  fs?: AtomicWriteFs;
}

/**
 * Replaces the file at `path` so that a reader (or a crash, or a full disk) only ever sees
 * the old content or the new one, never half of each: the new content goes to a temp file
 * in the same directory (rename is only atomic within one file system), is flushed to disk,
 * and is then renamed over the old one. The old version is kept as `<path>.bak`.
 * Throws the underlying file-system error; on failure the original is untouched and no
 * temp file is left behind.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  // Write through a symlink to its target, so that a linked file stays a link.
  const target = await fs.realpath(path).catch(() => path);
  const dir = dirname(target);
  const existing = await fs.stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const unique = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const temp = join(dir, `.${basename(target)}.${unique}.tmp`);
  const tempBackup = join(dir, `.${basename(target)}.${unique}.bak.tmp`);
  const keepBackup = (options.backup ?? true) && existing !== undefined;

  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      // Keep the permissions of the file we replace (open's mode is masked by umask).
      await handle.chmod(existing ? existing.mode & 0o7777 : 0o666 & ~currentUmask());
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (keepBackup) {
      // A hard link costs nothing and keeps the old inode after the rename; file systems
      // without links get a copy. Renaming it into place keeps an existing .bak whole.
      await fs.link(target, tempBackup).catch(() => fs.copyFile(target, tempBackup));
      await fs.rename(tempBackup, `${target}.bak`);
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    await fs.unlink(tempBackup).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, dir);
  await removeStaleTempFiles(fs, dir, basename(target));
}

/**
 * A save killed mid-write (power cut, SIGKILL) leaves its temp file behind; the next save
 * of the same file removes those whose writer is gone. Best effort, never fails a save.
 */
async function removeStaleTempFiles(fs: AtomicWriteFs, dir: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const entry of names) {
    if (!entry.startsWith(prefix)) continue;
    const match = /^(\d+)-[0-9a-f]{12}(\.bak)?\.tmp$/.exec(entry.slice(prefix.length));
    if (match && !isAlive(Number(match[1]))) await fs.unlink(join(dir, entry)).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes the rename itself durable; not every platform can open a directory (Windows). */
async function syncDirectory(fs: AtomicWriteFs, dir: string): Promise<void> {
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data itself is already flushed.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function currentUmask(): number {
  // process.umask() without an argument is deprecated but is the only way to read it;
  // worker threads cannot call it, so fall back to the usual 022.
  try {
    return process.umask();
  } catch {
    return 0o022;
  }
}
