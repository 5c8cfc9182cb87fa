import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_FINDINGS, EXCLUDED_CHECKS } from './electronegativity.config';

const require = createRequire(import.meta.url);
const SRC = resolve(import.meta.dirname, '../..');

interface Issue {
  id: string;
  file: string;
  severity: { name: string; value: number };
  confidence: { name: string };
  location: { line: number; column: number };
  description: string;
}
type Run = (options: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: unknown[] }>;

const MEDIUM = 2; // electronegativity's severity values: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3

describe('electronegativity over the sources', () => {
  it('finds nothing at medium or above that is not justified in electronegativity.config.ts', async () => {
    const run = require('@doyensec/electronegativity') as Run;
    const electronVersion = (require(join(SRC, '../node_modules/electron/package.json')) as { version: string }).version;
    const { issues, errors } = await run({ input: SRC, isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: EXCLUDED_CHECKS, parserPlugins: [] });
    expect(errors, 'every source file could be parsed').toEqual([]);

    const serious = issues.filter((issue) => issue.severity.value >= MEDIUM);
    const accepted = (issue: Issue) => ACCEPTED_FINDINGS.some((a) => a.check === issue.id && a.file === issue.file);
    const unjustified = serious.filter((issue) => !accepted(issue)).map((i) => `${i.id} ${i.severity.name} ${i.file}:${i.location.line}:${i.location.column} ${i.description}`);
    expect(unjustified).toEqual([]);

    const stale = ACCEPTED_FINDINGS.filter((a) => !serious.some((issue) => issue.id === a.check && issue.file === a.file));
    expect(stale, 'justifications for findings that no longer occur').toEqual([]);
  }, 180_000);

  it('is not vacuous: it flags an insecure window, and the navigation and permission handlers our sources have', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'stackdraft-egy-'));
    try {
      await writeFile(join(dir, 'bad.js'), "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n");
      const run = require('@doyensec/electronegativity') as Run;
      const { issues } = await run({ input: dir, isRelative: true, electronVersionOverride: '41.0.0', excludeFromScan: EXCLUDED_CHECKS, parserPlugins: [] });
      expect(issues.map((i) => i.id)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
