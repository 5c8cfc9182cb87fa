import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KillSaveTally {
  trials: number;
  /** The file held neither the old nor the new version (must be 0). */
  torn: number;
  /** The file or its backup was missing after the kill (must be 0). */
  missing: number;
  /** Temp files the killed process could not remove (harmless, cleaned on the next save). */
  leftoverTempFiles: number;
}

const childScript = join(import.meta.dirname, 'save-loop-child.ts');

/**
 * Kills a process that is saving in a loop at random moments and checks what is on disk:
 * it must always be exactly one of the two versions, and the backup must be there.
 */
export async function killWhileSaving(trials: number, random: () => number = Math.random): Promise<KillSaveTally> {
  const tally: KillSaveTally = { trials: 0, torn: 0, missing: 0, leftoverTempFiles: 0 };
  const dir = await mkdtemp(join(tmpdir(), 'stackdraft-kill-save-'));
  try {
    // Large enough that a write spans several syscalls, so kills land inside it too.
    const versionA = `schemaVersion: 2\n# A\n${'a'.repeat(256 * 1024)}\n`;
    const versionB = `schemaVersion: 2\n# B\n${'b'.repeat(300 * 1024)}\n`;
    const [fileA, fileB] = [join(dir, 'version-a'), join(dir, 'version-b')];
    await writeFile(fileA, versionA);
    await writeFile(fileB, versionB);
    for (let trial = 0; trial < trials; trial++) {
      const path = join(dir, `trial-${trial}.stackdraft.yaml`);
      await writeFile(path, versionA);
      await writeFile(`${path}.bak`, versionA);
      await runAndKill(path, fileB, fileA, random() * 40);
      const content = await readFile(path, 'utf8').catch(() => undefined);
      const backup = await readFile(`${path}.bak`, 'utf8').catch(() => undefined);
      tally.trials++;
      if (content === undefined || backup === undefined) tally.missing++;
      else if (![versionA, versionB].includes(content) || ![versionA, versionB].includes(backup)) tally.torn++;
    }
    tally.leftoverTempFiles = (await readdir(dir)).filter((name) => name.endsWith('.tmp')).length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return tally;
}

function runAndKill(path: string, firstVersionFile: string, secondVersionFile: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, path, firstVersionFile, secondVersionFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.on('exit', () => resolve());
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
  });
}
