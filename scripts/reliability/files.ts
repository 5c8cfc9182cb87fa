/** The file part of `npm run reliability`: loader fuzzing, bad files left untouched. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { byteMutations, hostileStructures, truncations, wrongTypes, type FuzzCase } from '../../src/shared/format/fuzz/cases';
import { seededRandom } from '../../src/shared/format/fuzz/random';
import { emptyTally, runCases, type FuzzClocks, type FuzzTally } from '../../src/shared/format/fuzz/run-cases';
import { Documents } from '../../src/main/services/documents';

const run = promisify(execFile);

export interface ExampleFile {
  name: string;
  bytes: Uint8Array;
}

export async function readExamples(dir: string): Promise<ExampleFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.stackdraft.yaml')).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })));
}

/** Wall time for the record, CPU time of this process for hangs (the long run shares the machine). */
export const cpuClocks: FuzzClocks = {
  wall: () => performance.now(),
  work: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

export function fuzzTruncations(examples: readonly ExampleFile[], stride: number, first = 0): FuzzTally {
  const tally = emptyTally();
  for (const { name, bytes } of examples) runCases(truncations(name, bytes, stride, first), tally, cpuClocks);
  return tally;
}

/** The same cuts shared between `shares` processes (offset i goes to process i mod shares); their tallies summed. */
export async function fuzzTruncationsInProcesses(stride: number, shares: number): Promise<FuzzTally> {
  const script = join(import.meta.dirname, 'truncate-part.ts');
  const parts = await Promise.all(
    Array.from({ length: shares }, async (_, share) => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script, String(share), String(shares), String(stride)], { maxBuffer: 256 * 1024 * 1024 });
      return JSON.parse(stdout) as FuzzTally;
    }),
  );
  return parts.reduce(addTallies, emptyTally());
}

function addTallies(sum: FuzzTally, part: FuzzTally): FuzzTally {
  return {
    trials: sum.trials + part.trials,
    loaded: sum.loaded + part.loaded,
    refused: sum.refused + part.refused,
    crashes: [...sum.crashes, ...part.crashes],
    unhelpful: [...sum.unhelpful, ...part.unhelpful],
    hangs: [...sum.hangs, ...part.hangs],
    slowestMs: Math.max(sum.slowestMs, part.slowestMs),
    slowestWorkMs: Math.max(sum.slowestWorkMs, part.slowestWorkMs),
  };
}

export function fuzzMutations(examples: readonly ExampleFile[], perExample: number, seed: number): FuzzTally {
  const tally = emptyTally();
  for (const { name, bytes } of examples) {
    const random = seededRandom(seed + bytes.length);
    runCases(byteMutations(name, bytes, random, perExample), tally, cpuClocks);
    runCases(wrongTypes(name, new TextDecoder().decode(bytes), random, perExample), tally, cpuClocks);
  }
  return tally;
}

export function fuzzHostile(): FuzzTally {
  return runCases(hostileStructures(), undefined, cpuClocks);
}

export interface UntouchedTally {
  trials: number;
  /** Bad files whose bytes changed after being opened (and a save attempted): must be 0. */
  changed: number;
  /** Saves to a file that failed to load that were not refused: must be 0. */
  savesAccepted: number;
}

/**
 * Opens bad files through the same service the app uses, then tries to save over them:
 * the open must fail, the save must be refused and the bytes on disk must not change.
 */
export async function badFilesStayUntouched(cases: Iterable<FuzzCase>, limit: number): Promise<UntouchedTally> {
  const dir = await mkdtemp(join(tmpdir(), 'stackdraft-untouched-'));
  const tally: UntouchedTally = { trials: 0, changed: 0, savesAccepted: 0 };
  const documents = new Documents();
  const good = (await readExamples(join(import.meta.dirname, '../../resources/examples')))[0]!;
  try {
    for (const fuzzCase of cases) {
      if (tally.trials >= limit) break;
      if (fuzzCase.bytes.byteLength > 20 * 1024 * 1024) continue;
      const path = join(dir, `case-${tally.trials}.stackdraft.yaml`);
      await writeFile(path, fuzzCase.bytes);
      const opened = await documents.open(path).then(
        () => true,
        () => false,
      );
      if (opened) continue; // a valid prefix: not a bad file
      tally.trials++;
      const { topology } = await documents.open(join(import.meta.dirname, '../../resources/examples', good.name));
      const saved = await documents.save(path, topology).then(
        () => true,
        () => false,
      );
      if (saved) tally.savesAccepted++;
      const after = await readFile(path);
      if (hash(after) !== hash(fuzzCase.bytes)) tally.changed++;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return tally;
}

const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
