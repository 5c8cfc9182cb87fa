import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'sd-cli-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('stackdraft validate', () => {
  it('exits 0 and summarises a valid file', async () => {
    const { output, out } = capture();
    const path = file('ok.stackdraft.yaml', 'schemaVersion: 2\nproject: demo\nname: Demo\n');
    expect(await runCli(['validate', path], output)).toBe(0);
    expect(out.join('\n')).toContain('ok — 0 services');
  });

  it('exits 1 and names line, column and field of a schema problem', async () => {
    const { output, err } = capture();
    const path = file('bad.stackdraft.yaml', 'schemaVersion: 2\nproject: demo\nname: Demo\nservices:\n  - id: web\n    name: "no spaces"\n    kind: app\n    image: nginx\n');
    expect(await runCli(['validate', path], output)).toBe(1);
    expect(err[0]).toMatch(new RegExp(`^${path}:6:5 services\\[0\\] \\(web\\)\\.name: must start with a letter`));
  });

  it('exits 1 on broken YAML with its position', async () => {
    const { output, err } = capture();
    const path = file('broken.stackdraft.yaml', 'schemaVersion: 2\nproject: [demo\n');
    expect(await runCli(['validate', path], output)).toBe(1);
    expect(err[0]).toMatch(/:\d+:\d+ /);
  });

  it('exits 2 when the file cannot be read', async () => {
    const { output, err } = capture();
    expect(await runCli(['validate', join(dir, 'missing.yaml')], output)).toBe(2);
    expect(err[0]).toContain('cannot read: no such file');
  });

  it('exits 2 with usage for a missing argument or unknown command', async () => {
    expect(await runCli(['validate'], capture().output)).toBe(2);
    const { output, err } = capture();
    expect(await runCli(['frobnicate'], output)).toBe(2);
    expect(err.join('\n')).toContain('unknown command "frobnicate"');
  });
});
