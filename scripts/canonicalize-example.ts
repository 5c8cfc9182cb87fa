/**
 * Loads each `*.stackdraft.yaml` given on the command line and rewrites it in the
 * canonical form the app saves, so that example files round-trip byte for byte.
 *
 *   npx tsx scripts/canonicalize-example.ts resources/examples/*.stackdraft.yaml
 *   npx tsx scripts/canonicalize-example.ts --check FILE…   (exit 1 if any file would change)
 *
 * Exit codes: 0 all good; 1 a file has problems (or, with --check, is not canonical);
 * 2 a file cannot be read or the arguments are wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatProblem, loadTopology, serializeTopology } from '../src/shared/format';

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const files = argv.filter((arg) => arg !== '--check');
  if (files.length === 0 || files.some((f) => f.startsWith('-'))) {
    console.error('usage: tsx scripts/canonicalize-example.ts [--check] FILE.stackdraft.yaml…');
    return 2;
  }
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`${file}: cannot read: ${(error as Error).message}`);
      return 2;
    }
    const result = loadTopology(text);
    if (!result.ok) {
      for (const problem of result.problems) console.error(formatProblem(problem, file));
      status = 1;
      continue;
    }
    if (result.readOnly) {
      // A newer file is never rewritten by an older build (DESIGN: newer opens read-only).
      console.error(`${file}: ${result.notice ?? 'written by a newer Stackdraft'}; left untouched`);
      status = 1;
      continue;
    }
    const canonical = serializeTopology(result.topology);
    if (canonical === text) {
      console.log(`${file}: canonical`);
    } else if (check) {
      console.error(`${file}: not in canonical form (run without --check to rewrite it)`);
      status = 1;
    } else {
      writeFileSync(file, canonical, 'utf8');
      console.log(`${file}: rewritten`);
    }
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
