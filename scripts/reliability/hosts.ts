/**
 * The "inputs that reach hosts" part of `npm run reliability`: runs the tests that deploy
 * hostile strings to the testbed and refuse dangerous mounts, and turns their outcome
 * into rows, so that the report's figures come from this run rather than from memory.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportRow } from './report';

interface HostCase {
  case: string;
  testFile: string;
  notes: string;
}

const CASES: readonly HostCase[] = [
  {
    case: 'hostile env values deployed to the testbed',
    testFile: 'src/main/deploy/hostile-env.integration.test.ts',
    notes: 'quotes, $(), backticks, ;, |, &&, newlines, \\r, ../, $HOME, RTL override, 64 KiB: byte-identical in `docker inspect`, six canary commands never ran',
  },
  {
    case: 'hostile names and dangerous mounts refused by the model',
    testFile: 'src/shared/model/hostile.test.ts',
    notes: 'names with quotes, $(), newlines, ../; mounts of /, the Docker socket, system trees and paths with .. refused unless allowSensitiveMounts',
  },
];

interface VitestJson {
  testResults: { name: string; assertionResults: { status: string; fullName: string; failureMessages: string[] }[] }[];
}

function runVitest(root: string, file: string, outputFile: string): Promise<void> {
  return new Promise((resolve) => {
    // Failing tests exit non-zero; the JSON file carries the outcome either way.
    execFile('npx', ['vitest', 'run', file, '--reporter=json', `--outputFile=${outputFile}`], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, () => resolve());
  });
}

export async function hostileInputsReachingHosts(root: string): Promise<{ rows: ReportRow[]; details: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'stackdraft-hosts-'));
  const rows: ReportRow[] = [];
  const details: string[] = [];
  try {
    for (const hostCase of CASES) {
      const outputFile = join(dir, 'result.json');
      await runVitest(root, hostCase.testFile, outputFile);
      const results = await readFile(outputFile, 'utf8')
        .then((text) => (JSON.parse(text) as VitestJson).testResults.flatMap((file) => file.assertionResults))
        .catch(() => []);
      const failed = results.filter((test) => test.status !== 'passed');
      for (const test of failed) details.push(`- ${hostCase.testFile}: "${test.fullName}" ${test.status}: ${(test.failureMessages[0] ?? '').split('\n')[0]}`);
      if (results.length === 0) details.push(`- ${hostCase.testFile}: no test result (the run failed to start)`);
      rows.push({
        area: 'hosts',
        case: hostCase.case,
        trials: results.length,
        crashes: results.length === 0 ? 1 : 0,
        unsafe: failed.length,
        notes: `${hostCase.notes} (\`${hostCase.testFile}\`, ${results.length - failed.length}/${results.length} tests passed)`,
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { rows, details };
}
