/**
 * `npm run bench [name…]`: runs every `bench/*.bench.ts` (or the named ones) one after
 * another, each in its own process so that one benchmark's heap cannot slow the next.
 * Each benchmark prints its side-by-side table; the figures go into BENCHMARKS.md by hand,
 * with the machine and date, so that a number in the repo is always one somebody read.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.ts$/, '')))
  .sort();

if (files.length === 0) {
  console.error(wanted.length ? `no benchmark named ${wanted.join(", ")}` : "no benchmarks in bench/");
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
