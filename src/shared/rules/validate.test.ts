import { describe, expect, it } from 'vitest';
import { RULES } from './registry';
import { findingsOf, sampleTopology } from './testing';
import { applyQuickFix, countBySeverity, sortFindings, validateTopology } from './validate';

describe('validateTopology', () => {
  it('labels tier findings with their tier and runs only the tiers asked for', () => {
    const all = validateTopology(sampleTopology());
    expect(new Set(all.map((f) => f.tier))).toEqual(new Set([undefined, 'small', 'large']));
    const small = validateTopology(sampleTopology(), { tiers: ['small'] });
    expect(small.every((f) => f.tier === undefined || f.tier === 'small')).toBe(true);
    expect(small.some((f) => f.tier === 'small')).toBe(true);
  });

  it('offers a fix title only where the rule can apply one', () => {
    for (const finding of validateTopology(sampleTopology())) {
      const rule = RULES.find((r) => r.id === finding.rule)!;
      if (finding.fix !== undefined) expect(rule.fix, finding.rule).toBeDefined();
    }
  });

  it('every rule has an id, a title and a reason, and ids are unique', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z][a-z-]+$/);
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.why.length).toBeGreaterThan(20);
    }
  });

  it('sorts worst first and counts by severity', () => {
    const sorted = sortFindings(validateTopology(sampleTopology()));
    const ranks = sorted.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const counts = countBySeverity(sorted);
    expect(counts.error + counts.warning + counts.info).toBe(sorted.length);
  });

  it('a stale fix (already applied) returns undefined instead of a changed document', () => {
    const topology = sampleTopology();
    const finding = findingsOf('backup-policy', topology)[0]!;
    const fixed = applyQuickFix(topology, finding)!;
    expect(applyQuickFix(fixed, { ...finding, targets: [{ kind: 'service', id: 'gone' }] })).toBeUndefined();
  });
});
