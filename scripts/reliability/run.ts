/**
 * `npm run reliability [-- --quick]`: throws bad files, killed saves and (where the
 * testbed is up) deploy faults at Stackdraft and writes RELIABILITY.md with the figures.
 * The fast subset runs in `npm test`; this is the long, on-demand version.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { killWhileSaving } from '../../src/main/services/reliability/kill-save';
import { hostileStructures } from '../../src/shared/format/fuzz/cases';
import type { FuzzTally } from '../../src/shared/format/fuzz/run-cases';
import { renderFaultSection, runFaultMatrix, spliceSection, trialFailures } from './deploy-faults';
import { hostileExports } from './exports';
import { hostileInputsReachingHosts } from './hosts';
import { badFilesStayUntouched, fuzzHostile, fuzzMutations, fuzzTruncationsInProcesses, readExamples } from './files';
import { loadAverage, renderReport, type ReportRow } from './report';

const quick = process.argv.includes('--quick');
/** `--only deploy`: just the deploy fault matrix, spliced into the existing RELIABILITY.md. */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'deploy') throw new Error(`--only takes "deploy", not "${only}"`);
const root = join(import.meta.dirname, '../..');
const rows: ReportRow[] = [];
const details: string[] = [];
const startedAt = new Date();
const loadAtStart = loadAverage();

function fuzzRow(area: string, name: string, tally: FuzzTally, notes: string): ReportRow {
  for (const crash of tally.crashes.slice(0, 5)) details.push(`- crash in "${crash.name}": ${crash.why.split('\n')[0]}`);
  for (const bad of tally.unhelpful.slice(0, 5)) details.push(`- unhelpful error for "${bad.name}": ${bad.why}`);
  for (const hang of tally.hangs.slice(0, 5)) details.push(`- "${hang.name}" took ${hang.ms.toFixed(0)} ms of CPU`);
  return {
    area,
    case: name,
    trials: tally.trials,
    crashes: tally.crashes.length,
    hangs: tally.hangs.length,
    dataLost: 0,
    unhelpful: tally.unhelpful.length,
    notes: `${notes}; ${tally.loaded} loaded as valid, slowest ${tally.slowestWorkMs.toFixed(0)} ms CPU (${tally.slowestMs.toFixed(0)} ms wall)`,
  };
}

function step(title: string): void {
  console.log(`${new Date().toISOString().slice(11, 19)} ${title}`);
}

/** `--section-out FILE` (with `--only deploy`): write the section there rather than into RELIABILITY.md. */
const sectionOut = process.argv.includes('--section-out') ? process.argv[process.argv.indexOf('--section-out') + 1] : undefined;

if (only === 'deploy') {
  const section = await deployFaults();
  const file = join(root, 'RELIABILITY.md');
  if (sectionOut) await writeFile(sectionOut, section.text);
  else await writeFile(file, spliceSection(await readFile(file, 'utf8'), section.text));
  step(`Deploy faults section written to ${sectionOut ?? 'RELIABILITY.md'}`);
  process.exit(section.failures === 0 ? 0 : 1);
}

/** The fault matrix run by this script with `--only deploy` in a child process; resolves to its section and failures. */
async function deployFaultsInChild(): Promise<{ text: string; failures: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'stackdraft-faults-'));
  const out = join(dir, 'section.md');
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--only', 'deploy', '--section-out', out], { stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const text = await readFile(out, 'utf8').catch(() => `## Deploy faults\n\nThe fault matrix did not finish (exit code ${code}); see the run's output.\n`);
  await rm(dir, { recursive: true, force: true });
  return { text, failures: code === 0 ? 0 : Math.max(1, code ?? 1) };
}

/** The deploy fault matrix on the fault testbed: its section and its count of failed trials. */
async function deployFaults(): Promise<{ text: string; failures: number }> {
  const began = new Date();
  step('deploy fault matrix on the fault testbed (hosts 4 and 5)');
  const results = await runFaultMatrix((line) => step(line));
  return { text: renderFaultSection(results, began, (Date.now() - began.getTime()) / 1000), failures: results.filter((r) => trialFailures(r).length > 0).length };
}

// The deploy fault matrix mostly waits on the fault hosts, so it runs beside the file
// fuzzing, in its own process: the fuzzing's long synchronous loads must not stall its timers.
const faultsRun = deployFaultsInChild();

const examples = await readExamples(join(root, 'resources/examples'));
const stride = quick ? 97 : 1;
const shares = Math.max(1, availableParallelism());
step(`truncating ${examples.length} examples at every ${stride === 1 ? '' : `${stride}th `}byte offset, in ${shares} processes`);
rows.push(fuzzRow('files', `examples cut at ${stride === 1 ? 'every byte offset' : `every ${stride}th byte`}`, await fuzzTruncationsInProcesses(stride, shares), 'a cut at a line end can be a valid, shorter file'));

const mutations = quick ? 50 : 1_000;
step(`${mutations} byte mutations and ${mutations} wrong-typed values per example`);
rows.push(fuzzRow('files', 'random byte damage and wrong-typed values', fuzzMutations(examples, mutations, 20261128), `${mutations} + ${mutations} per example, seed 20261128`));

step('hostile structures');
rows.push(fuzzRow('files', 'deep nesting, alias bombs, invalid UTF-8, NUL, UTF-16, 100 MB', fuzzHostile(), 'each must be refused'));

step('bad files opened, then a save attempted over them');
const untouched = await badFilesStayUntouched(hostileStructures(), 1_000);
rows.push({
  area: 'files',
  case: 'bad file on disk after open + save attempt',
  trials: untouched.trials,
  dataLost: untouched.changed,
  notes: `${untouched.savesAccepted} saves over a file that failed to load were accepted (must be 0)`,
});

const killTrials = quick ? 50 : 1_000;
step(`${killTrials} saves killed at random moments`);
const killed = await killWhileSaving(killTrials);
rows.push({
  area: 'files',
  case: 'save killed with SIGKILL at a random moment',
  trials: killed.trials,
  dataLost: killed.torn + killed.missing,
  notes: `file always the old or the new version, backup present; ${killed.leftoverTempFiles} temp files left by the kills (the next save of that file removes them)`,
});

step('hostile strings through every exporter');
const exportsRun = await hostileExports();
rows.push(exportsRun.row);
details.push(...exportsRun.details);

step('hostile strings and mounts on their way to a host');
const hosts = await hostileInputsReachingHosts(root);
rows.push(...hosts.rows);
details.push(...hosts.details);

step('waiting for the deploy fault matrix');
const faults = await faultsRun;
const seconds = (Date.now() - startedAt.getTime()) / 1000;
await writeFile(join(root, 'RELIABILITY.md'), `${renderReport(rows, details, startedAt, seconds, quick ? 'quick' : 'full', loadAtStart)}\n${faults.text}`);
step(`RELIABILITY.md written (${seconds.toFixed(0)} s)`);
const failures = faults.failures + rows.reduce((sum, row) => sum + (row.crashes ?? 0) + (row.hangs ?? 0) + (row.dataLost ?? 0) + (row.orphans ?? 0) + (row.unhelpful ?? 0) + (row.unsafe ?? 0), 0);
process.exit(failures === 0 ? 0 : 1);
