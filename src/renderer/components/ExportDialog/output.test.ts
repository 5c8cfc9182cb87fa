import { describe, expect, it } from 'vitest';
import { syntheticTopology } from '../../../shared/export/synthetic';
import { sampleTopology } from '../../../shared/view/testing';
import { exportOutput, type ExportOptions } from './output';

const defaults: Omit<ExportOptions, 'format' | 'tierId'> = { groupBy: 'host', direction: 'TB', includeExternal: true, theme: 'light', composeHost: 0, reportScope: 'tier' };
// Two hosts in tier `large`, an external service, two tiers.
const sample = sampleTopology();
const tierId = 'large';

describe('exportOutput (what the export dialog previews, copies and saves)', () => {
  it('gives one Mermaid diagram as a .mmd named after project and tier, with the chosen direction', () => {
    const out = exportOutput(sample, { ...defaults, format: 'mermaid', tierId, direction: 'LR' });
    expect(out.kind).toBe('mermaid');
    expect(out.fileName).toBe(`${sample.project}-${tierId}.mmd`);
    expect(out.text).toMatch(/^flowchart LR/m);
  });

  it('leaves external services out when asked', () => {
    const external = sample.services.find((s) => s.kind === 'external');
    expect(external, 'the example has an external service').toBeDefined();
    const withExt = exportOutput(sample, { ...defaults, format: 'mermaid', tierId });
    const without = exportOutput(sample, { ...defaults, format: 'mermaid', tierId, includeExternal: false });
    expect(without.text.length).toBeLessThan(withExt.text.length);
  });

  it('puts a split map into one Markdown file of fenced diagrams and keeps the note saying why', () => {
    const big = syntheticTopology(1000);
    const out = exportOutput(big, { ...defaults, format: 'mermaid', tierId: big.tiers[0]!.id });
    expect(out.kind === 'mermaid' && out.diagrams.length).toBeGreaterThan(1);
    expect(out.fileName).toMatch(/\.md$/);
    expect(out.text.match(/```mermaid\n/g)?.length).toBe(out.kind === 'mermaid' ? out.diagrams.length : -1);
    expect(out.notes.join(' ')).toMatch(/limits/);
  });

  it('offers one compose file per host and shows the chosen one', () => {
    const first = exportOutput(sample, { ...defaults, format: 'compose', tierId });
    const hosts = first.kind === 'text' ? (first.hosts ?? []) : [];
    expect(hosts.length).toBeGreaterThan(1);
    const second = exportOutput(sample, { ...defaults, format: 'compose', tierId, composeHost: 1 });
    expect(second.fileName).not.toBe(first.fileName);
    expect(second.text).toMatch(/^services:/m);
  });

  it('draws SVG and PNG from the same SVG text, themed', () => {
    const light = exportOutput(sample, { ...defaults, format: 'png', tierId });
    const dark = exportOutput(sample, { ...defaults, format: 'svg', tierId, theme: 'dark' });
    expect(light.kind === 'image' && light.svg.startsWith('<svg')).toBe(true);
    expect(light.fileName).toMatch(/\.png$/);
    expect(dark.text).not.toBe(light.text);
  });

  it('reports one tier or every tier with the comparison', () => {
    const one = exportOutput(sample, { ...defaults, format: 'report', tierId });
    const all = exportOutput(sample, { ...defaults, format: 'report', tierId, reportScope: 'all' });
    expect(one.text).not.toMatch(/## Tier comparison/);
    expect(all.text).toMatch(/## Tier comparison/);
    expect(all.fileName).toBe(`${sample.project}-report.md`);
  });

  it('throws the exporter\'s error for a tier that does not exist, naming the tiers that do', () => {
    expect(() => exportOutput(sample, { ...defaults, format: 'gantt', tierId: 'nope' })).toThrow(/no tier "nope"/);
  });
});
