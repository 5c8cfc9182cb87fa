/**
 * Asks Debian's docker-compose (1.29) whether compose files are valid, as
 * `docker-compose -f FILE config -q` would, many files per process (see compose-config.py).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface ComposeVerdict {
  file: string;
  ok: boolean;
  message: string;
}

const script = join(import.meta.dirname ?? __dirname, 'compose-config.py');

/** Checks the files in two processes side by side (the machines have two cores). */
export async function composeConfigVerdicts(files: readonly string[]): Promise<ComposeVerdict[]> {
  const half = Math.ceil(files.length / 2);
  const batches = [files.slice(0, half), files.slice(half)].filter((batch) => batch.length > 0);
  return (await Promise.all(batches.map(checkBatch))).flat();
}

async function checkBatch(files: readonly string[]): Promise<ComposeVerdict[]> {
  // Debian's python3, where the docker-compose package lives (not a pyenv shim).
  const { stdout } = await promisify(execFile)('/usr/bin/python3', [script, ...files], { maxBuffer: 16 << 20, timeout: 120_000 });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { file: string; exit: number; stderr: string })
    .map((r) => ({ file: r.file, ok: r.exit === 0, message: r.stderr.trim() }));
}
