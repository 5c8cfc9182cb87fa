import { readFile } from 'node:fs/promises';
import { formatProblem, loadTopologyBytes, type LoadResult } from '../shared/format';

/** Exit codes shared by every command: 0 clean, 1 problems found, 2 cannot read. */
export const EXIT = { OK: 0, PROBLEMS: 1, UNREADABLE: 2 } as const;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export type ReadResult = { ok: true; load: LoadResult } | { ok: false; message: string };

/** Reads a topology file; an I/O failure (missing, a directory, no permission) is not a load problem. */
export async function readTopologyFile(path: string): Promise<ReadResult> {
  try {
    return { ok: true, load: loadTopologyBytes(await readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, message: `${path}: cannot read: ${reason}` };
  }
}

export function describeProblems(path: string, load: Extract<LoadResult, { ok: false }>): string[] {
  return load.problems.map((p) => formatProblem(p, path));
}

export type Loaded = Extract<LoadResult, { ok: true }>;

/**
 * Reads and loads a topology for a command, printing why when it cannot: the load, or the
 * exit code to return (2 unreadable, 1 the file has problems).
 */
export async function loadOrReport(path: string, output: Output): Promise<Loaded | number> {
  const read = await readTopologyFile(path);
  if (!read.ok) {
    output.err(read.message);
    return EXIT.UNREADABLE;
  }
  if (!read.load.ok) {
    for (const line of describeProblems(path, read.load)) output.err(line);
    return EXIT.PROBLEMS;
  }
  return read.load;
}
