import { describe, expect, it } from 'vitest';
import { runCli } from '../main';
import { capture, example, writeTemp } from './testing';

const CLEAN = `schemaVersion: 2
project: demo
name: Demo
services:
  - id: web
    name: web
    kind: app
    image: nginx:1
    resources: {cpu: {request: 0.5, limit: 1}, memoryMiB: {request: 128, limit: 256}}
tiers:
  - id: one
    name: One
    hosts: [{id: box, name: box, environment: prod, cpu: 4, memoryMiB: 4096}]
    placements: [{service: web, host: box}]
`;

describe('stackdraft validate', () => {
  it('exits 0 and says ok for a clean file', async () => {
    const { output, out } = capture();
    expect(await runCli(['validate', writeTemp('clean.stackdraft.yaml', CLEAN)], output)).toBe(0);
    expect(out.at(-1)).toMatch(/: ok — 1 services/);
  });

  it('prints each finding with file:line:column, severity, rule and tier, and exits 1 on an error', async () => {
    const overfull = CLEAN.replace('cpu: 4, memoryMiB: 4096', 'cpu: 0.5, memoryMiB: 4096');
    const path = writeTemp('overfull.stackdraft.yaml', overfull);
    const { output, out } = capture();
    expect(await runCli(['validate', path], output)).toBe(1);
    expect(out).toContain(`${path}:13:13: error [capacity] box: CPU limits 1 vCPU of 0.5 vCPU (200 %) (tier one)`);
    expect(out.at(-1)).toContain('1 error(s), 1 warning(s)');
  });

  it('--fail-on decides which severity fails the run', async () => {
    const path = example('rejourney');
    // rejourney has a CPU-limit error on its one VPS and several warnings.
    expect(await runCli(['validate', path, '--fail-on', 'error'], capture().output)).toBe(1);
    // A stateful service without a backup policy: a warning and nothing worse.
    const cleanish = writeTemp('warn-only.stackdraft.yaml', CLEAN.replace('    image: nginx:1\n', '    image: nginx:1\n    stateful: true\n'));
    expect(await runCli(['validate', cleanish], capture().output)).toBe(0);
    expect(await runCli(['validate', cleanish, '--fail-on', 'warning'], capture().output)).toBe(1);
  });

  it('--tier limits tier findings to one tier, by id or name', async () => {
    const { output, out } = capture();
    await runCli(['validate', example('breakpilot'), '--tier', 'TIER-D'], output);
    const tiers = new Set(out.flatMap((l) => /\(tier ([a-z-]+)\)$/.exec(l)?.[1] ?? []));
    expect(tiers).toEqual(new Set(['tier-d']));
  });

  it('exits 2 for an unknown tier, naming the tiers there are', async () => {
    const { output, err } = capture();
    expect(await runCli(['validate', example('breakpilot'), '--tier', 'tier-z'], output)).toBe(2);
    expect(err[0]).toContain('no tier "tier-z" (tiers: tier-a, tier-b, tier-c, tier-d)');
  });

  it('--format json gives findings with positions', async () => {
    const { output, out } = capture();
    await runCli(['validate', example('breakpilot'), '--tier', 'tier-a', '--format', 'json'], output);
    const report = JSON.parse(out.join('\n')) as { tiers: string[]; findings: { rule: string; line: number; targets: unknown[] }[] };
    expect(report.tiers).toEqual(['tier-a']);
    const risk1 = report.findings.find((f) => f.rule === 'critical-stateful')!;
    expect(risk1.targets).toEqual([{ kind: 'service', id: 'postgres-app' }]);
    expect(risk1.line).toBeGreaterThan(1);
  });

  it('--format sarif is SARIF 2.1.0 with every rule described and results pointing at lines', async () => {
    const { output, out } = capture();
    const path = example('codespartan');
    await runCli(['validate', path, '--format', 'sarif'], output);
    const sarif = JSON.parse(out.join('\n'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('capacity');
    expect(run.results[0]).toMatchObject({ ruleId: 'capacity', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: path }, region: { startLine: expect.any(Number) } } }] });
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('capacity');
  });

  it('exits 2 on bad arguments, with usage', async () => {
    for (const args of [['validate'], ['validate', 'a', 'b'], ['validate', 'a', '--format', 'xml'], ['validate', 'a', '--fail-on', 'fatal'], ['validate', 'a', '--bogus']]) {
      const { output, err } = capture();
      expect(await runCli(args, output), args.join(' ')).toBe(2);
      expect(err.join('\n')).toContain('usage: stackdraft validate FILE');
    }
  });
});
