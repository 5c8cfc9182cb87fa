import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../../../testbed/examples';
import { sampleTopology } from '../../view/testing';
import { toMarkdownReport } from './index';

describe('toMarkdownReport', () => {
  it('compares the tiers, then lists inventory, capacity and cold start per tier', () => {
    const report = toMarkdownReport(sampleTopology());
    expect(report).toContain('## Tier comparison');
    expect(report).toContain('| Small | — | 1 | 2 | 4 GiB | €4.50 |');
    expect(report).toContain('| Large | — | 2 | 8 | 24 GiB | €60 |');
    expect(report).toContain('**web** — Production · 4 vCPU · 8 GiB · €20/month · public IP');
    expect(report).toContain('| shop | app | shop:1 | 4 | 0.5–1 cpu · 512 MiB–1 GiB | — |');
    // Large/web: proxy 0.25 + shop 4 × 0.5 = 2.25 of 4 cpu requested.
    expect(report).toMatch(/\| web \| 2\.25 \/ 4\.5 of 4 cpu \| 56 % \/ 113 % ⛔ \|/);
    expect(report).toContain('| 1 | db (data), nightly (data) |');
    expect(report).toContain('| 3 | proxy (web) |');
  });

  it('reports one tier on request and escapes names that would break a table', () => {
    const topology = sampleTopology();
    topology.services.find((s) => s.id === 'shop')!.name = 'shop';
    topology.tiers[0]!.hosts[0]!.name = 'one | <b>x</b>';
    const report = toMarkdownReport(topology, { tierId: 'small' });
    expect(report).not.toContain('Tier comparison');
    expect(report).not.toContain('## Large');
    expect(report).toContain('one \\| \\<b\\>x\\</b\\>');
  });

  it('names a cycle that stops services from ever starting', () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'db', to: 'shop', kind: 'hard' });
    expect(toMarkdownReport(topology, { tierId: 'large' })).toMatch(/cycle: (shop → db → shop|db → shop → db)/);
  });

  it('says per host what its failure takes down, and where it spreads to other hosts', () => {
    const report = toMarkdownReport(sampleTopology(), { tierId: 'large' });
    expect(report).toContain('| data | 100 % | db, nightly, shop, proxy | — | ⚠ web |');
    expect(report).toContain('| web | 50 % | proxy, shop | — | — |');
  });

  it('lists the findings of the tier, worst first, with their rule', () => {
    const report = toMarkdownReport(sampleTopology(), { tierId: 'large' });
    const findings = report.split('### Findings')[1]!;
    expect(findings).toMatch(/^\s*1 error, 5 warnings\./);
    expect(findings.indexOf('⛔ | Host over capacity | web: CPU limits 4.5 vCPU')).toBeLessThan(findings.indexOf('⚠ |'));
    // The small tier has its own capacity verdicts, not the large tier's.
    expect(toMarkdownReport(sampleTopology(), { tierId: 'small' })).not.toContain('web: CPU limits');
  });

  it('reports every example without failing, with blast radius and findings for every tier', () => {
    for (const { topology } of loadExamples()) {
      const report = toMarkdownReport(topology);
      expect(report.split('### Capacity').length - 1).toBe(topology.tiers.length);
      expect(report.split('### Blast radius per host').length - 1).toBe(topology.tiers.length);
      expect(report.split('### Findings').length - 1).toBe(topology.tiers.length);
      expect(report.split('\n').filter((l) => l.startsWith('| ')).every((l) => l.endsWith(' |'))).toBe(true);
    }
  });
});
