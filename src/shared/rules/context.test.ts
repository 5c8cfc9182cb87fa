import { describe, expect, it } from 'vitest';
import { generateTopology } from '../../../bench/generate-topology';
import type { Topology } from '../model';
import { buildContext, MISSING_HOST, UNPLACED } from './context';

/** Deterministic shuffle, so that no list keeps the file order the context guesses from. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const edgesOf = (t: Topology) => {
  const c = buildContext(t);
  const name = (index: number) => (index < 0 ? '?' : c.serviceIds[index]);
  return t.dependencies.map((d, i) => `${d.from}>${d.to}:${name(c.depFrom[i]!)}>${name(c.depTo[i]!)}`).sort();
};

describe('buildContext', () => {
  const topology = generateTopology(4, 3);

  it('resolves every dependency end and placement whatever order the file lists them in', () => {
    const reordered: Topology = {
      ...topology,
      dependencies: shuffled(topology.dependencies, 7),
      tiers: topology.tiers.map((t) => ({ ...t, placements: shuffled(t.placements, 11) })),
    };
    expect(edgesOf(reordered)).toEqual(edgesOf(topology));
    for (const e of edgesOf(reordered)) expect(e).not.toContain('?');

    const a = buildContext(topology).tier(0);
    const b = buildContext(reordered).tier(0);
    expect([...b.hostOf]).toEqual([...a.hostOf]);
    expect(b.runningCount).toBe(a.runningCount);
  });

  it('marks ends that name no service and placements on hosts the tier lacks', () => {
    const first = topology.services[0]!.id;
    const broken: Topology = {
      ...topology,
      dependencies: [{ from: first, to: 'nowhere', kind: 'hard' }, { from: 'ghost', to: first, kind: 'soft' }],
      tiers: topology.tiers.map((t) => ({ ...t, placements: [{ service: first, host: 'gone' }] })),
    };
    const c = buildContext(broken);
    expect([...c.depFrom]).toEqual([0, -1]);
    expect([...c.depTo]).toEqual([-1, 0]);
    expect(c.needs.targets.length).toBe(0);
    const tier = c.tier(0);
    expect(tier.hostOf[0]).toBe(MISSING_HOST);
    expect(tier.hostOf[1]).toBe(UNPLACED);
  });
});
