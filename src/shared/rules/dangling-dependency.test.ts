import { describe, expect, it } from 'vitest';
import { applyQuickFix } from './validate';
import { findingsOf, sampleTopology } from './testing';

describe('dangling-dependency', () => {
  it('names the missing end and points at its field', () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'shop', to: 'redis', kind: 'soft' }, { from: 'ghost', to: 'db', kind: 'hard' });
    expect(findingsOf('dangling-dependency', topology).map((f) => [f.message, f.path])).toEqual([
      ['dependency shop → redis: there is no service "redis"', ['dependencies', 3, 'to']],
      ['dependency ghost → db: there is no service "ghost"', ['dependencies', 4, 'from']],
    ]);
  });

  it('quick fix removes the dependency', () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'shop', to: 'redis', kind: 'soft' });
    const fixed = applyQuickFix(topology, findingsOf('dangling-dependency', topology)[0]!)!;
    expect(fixed.dependencies).toHaveLength(3);
    expect(findingsOf('dangling-dependency', fixed)).toEqual([]);
  });
});
