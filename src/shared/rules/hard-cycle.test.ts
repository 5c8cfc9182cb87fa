import { describe, expect, it } from 'vitest';
import { applyQuickFix } from './validate';
import { findingsOf, sampleTopology } from './testing';

describe('hard-cycle', () => {
  it('reports a hard cycle once, with every member', () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'db', to: 'proxy', kind: 'hard' });
    const found = findingsOf('hard-cycle', topology);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('hard-dependency cycle proxy → shop → db → proxy: none of them can start first');
  });

  it('ignores a cycle closed by a soft edge (the service starts and degrades)', () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'db', to: 'proxy', kind: 'soft' });
    expect(findingsOf('hard-cycle', topology)).toEqual([]);
  });

  it('quick fix softens one edge of the cycle, which breaks it', () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'db', to: 'shop', kind: 'hard' });
    const fixed = applyQuickFix(topology, findingsOf('hard-cycle', topology)[0]!)!;
    expect(findingsOf('hard-cycle', fixed)).toEqual([]);
    expect(fixed.dependencies.filter((d) => d.kind === 'soft')).toHaveLength(2);
  });

  it('handles a 5,000-long chain closed into a ring without overflowing the stack', () => {
    const topology = sampleTopology();
    const ring = Array.from({ length: 5000 }, (_, i) => ({ ...topology.services[2]!, id: `s${i}`, name: `s${i}` }));
    topology.services.push(...ring);
    topology.dependencies.push(...ring.map((s, i) => ({ from: s.id, to: `s${(i + 1) % ring.length}`, kind: 'hard' as const })));
    expect(findingsOf('hard-cycle', topology, [])).toHaveLength(1);
  });
});
