import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-atomic-'));
});
afterEach(async () => {
  await fs.chmod(dir, 0o755).catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a new file without a backup', async () => {
    const file = join(dir, 'a.yaml');
    await writeFileAtomic(file, 'first\n');
    expect(await fs.readFile(file, 'utf8')).toBe('first\n');
    expect(await fs.readdir(dir)).toEqual(['a.yaml']);
  });

  it('replaces the content exactly and keeps the previous version as .bak', async () => {
    const file = join(dir, 'a.yaml');
    await fs.writeFile(file, 'old content that is longer than the new one\n');
    await writeFileAtomic(file, 'new\n');
    expect(await fs.readFile(file, 'utf8')).toBe('new\n');
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe('old content that is longer than the new one\n');
    await writeFileAtomic(file, 'newer\n');
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe('new\n');
    expect((await fs.readdir(dir)).sort()).toEqual(['a.yaml', 'a.yaml.bak']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const file = join(dir, 'a.yaml');
    await fs.writeFile(file, 'old');
    await fs.chmod(file, 0o640);
    await writeFileAtomic(file, 'new');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
  });

  it('writes through a symlink to its target', async () => {
    const real = join(dir, 'real.yaml');
    const link = join(dir, 'link.yaml');
    await fs.writeFile(real, 'old');
    await fs.symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, 'utf8')).toBe('new');
  });

  it('leaves the original untouched and no temp file when the write fails midway', async () => {
    const file = join(dir, 'a.yaml');
    await fs.writeFile(file, 'original');
    const failing: AtomicWriteFs = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        if (String(args[0]).endsWith('.tmp')) {
          // Write part of the data, then fail as a full disk would.
          handle.writeFile = async () => {
            await handle.write('partial');
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          };
        }
        return handle;
      }) as typeof fs.open,
    };
    await expect(writeFileAtomic(file, 'replacement', { fs: failing })).rejects.toThrow(/ENOSPC/);
    expect(await fs.readFile(file, 'utf8')).toBe('original');
    expect(await fs.readdir(dir)).toEqual(['a.yaml']);
  });

  it('removes temp files left by a save that was killed, but not those of a live writer', async () => {
    const file = join(dir, 'a.yaml');
    await fs.writeFile(file, 'original');
    const deadPid = 2 ** 22 + 1; // above Linux's pid_max: no process can have it
    const stale = [`.a.yaml.${deadPid}-0123456789ab.tmp`, `.a.yaml.${deadPid}-0123456789ab.bak.tmp`];
    const live = `.a.yaml.${process.ppid}-0123456789ab.tmp`;
    for (const name of [...stale, live]) await fs.writeFile(join(dir, name), 'half a save');
    await writeFileAtomic(file, 'new');
    expect((await fs.readdir(dir)).sort()).toEqual([live, 'a.yaml', 'a.yaml.bak'].sort());
  });

  it('leaves the original untouched when the rename fails', async () => {
    const file = join(dir, 'a.yaml');
    await fs.writeFile(file, 'original');
    const failing: AtomicWriteFs = {
      ...fs,
      rename: (async (from: string, to: string) => {
        if (to === file) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        return fs.rename(from, to);
      }) as typeof fs.rename,
    };
    await expect(writeFileAtomic(file, 'replacement', { fs: failing })).rejects.toThrow(/EIO/);
    expect(await fs.readFile(file, 'utf8')).toBe('original');
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('fails in a read-only directory without touching the file', async () => {
    const file = join(dir, 'a.yaml');
    await fs.writeFile(file, 'original');
    await fs.chmod(dir, 0o555);
    await expect(writeFileAtomic(file, 'replacement')).rejects.toThrow(/EACCES/);
    expect(await fs.readFile(file, 'utf8')).toBe('original');
    expect(await fs.readdir(dir)).toEqual(['a.yaml']);
  });
});
