import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serializeTopology } from '../../shared/format';
import { sampleTopology } from '../../shared/view/testing';
import { runCli } from '../main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'sd-cli-export-'));
const file = join(dir, 'shop.stackdraft.yaml');
writeFileSync(file, serializeTopology(sampleTopology()));

describe('stackdraft export', () => {
  it('prints a Mermaid map of the named tier', async () => {
    const { output, out } = capture();
    expect(await runCli(['export', file, '--tier', 'large', '--format', 'mermaid', '--group-by', 'plane'], output)).toBe(0);
    expect(out.join('\n')).toMatch(/^flowchart TB\n/);
    expect(out.join('\n')).toContain('subgraph grp_plane_data');
  });

  it('writes compose files per host into a directory, a PNG and a report', async () => {
    const { output, err } = capture();
    expect(await runCli(['export', file, '--tier', 'large', '-f', 'compose', '-o', join(dir, 'compose')], output)).toBe(0);
    expect(readdirSync(join(dir, 'compose')).sort()).toEqual(['docker-compose.data.yml', 'docker-compose.web.yml']);
    expect(parse(readFileSync(join(dir, 'compose', 'docker-compose.web.yml'), 'utf8')).services.shop.image).toBe('shop:1');
    expect(await runCli(['export', file, '--format', 'png', '-o', join(dir, 'map.png'), '--theme', 'dark'], output)).toBe(0);
    expect(readFileSync(join(dir, 'map.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(err.join('\n')).toMatch(/wrote .*map\.png \(\d+×\d+\)/);
    expect(await runCli(['export', file, '--format', 'report', '-o', join(dir, 'report.md')], output)).toBe(0);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('## Tier comparison');
  });

  it('exits 1 naming the tiers for an unknown tier, and 2 with usage for a bad format', async () => {
    const a = capture();
    expect(await runCli(['export', file, '--tier', 'nope', '--format', 'svg'], a.output)).toBe(1);
    expect(a.err.join('\n')).toContain('no tier "nope"; the file has "small", "large"');
    const b = capture();
    expect(await runCli(['export', file, '--format', 'pdf'], b.output)).toBe(2);
    expect(b.err.join('\n')).toContain('--format must be one of mermaid, gantt, svg, png, compose, report');
    const c = capture();
    expect(await runCli(['export', file, '--format', 'png'], c.output)).toBe(2);
    expect(c.err.join('\n')).toContain('--format png needs -o FILE.png');
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});
