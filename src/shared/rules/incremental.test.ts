import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service, Topology } from '../model';
import { createIncrementalValidator } from './incremental';
import { sampleTopology } from './testing';
import type { Finding } from './types';
import { validateTopology } from './validate';

const key = (f: Finding) => JSON.stringify([f.rule, f.severity, f.message, f.tier ?? '', f.path]);
const same = (a: readonly Finding[], b: readonly Finding[]) => expect(a.map(key).sort()).toEqual(b.map(key).sort());

/** Immutable edits of the kinds the editor makes, each replacing only what it changes. */
const edits: ((t: Topology, i: number) => Topology)[] = [
  (t, i) => withService(t, i, (s) => ({ ...s, resources: { ...s.resources, memoryMiB: { request: 64 * (i + 1), limit: 4096 * (i + 1) } } })),
  (t, i) => withService(t, i, (s) => ({ ...s, env: { ...s.env, API_TOKEN: `tok-${i}` } })),
  (t, i) => withService(t, i, (s) => ({ ...s, stateful: !s.stateful })),
  (t, i) => withService(t, i, (s) => ({ ...s, ports: [{ container: 80, published: 8080, protocol: 'tcp' }] })),
  (t, i) => withService(t, i, (s) => ({ ...s, replicas: s.replicas === 0 ? 1 : 0 })),
  (t, i) => ({ ...t, dependencies: [...t.dependencies, { from: t.services[i % t.services.length]!.id, to: 'proxy', kind: 'hard' }] }),
  (t) => ({ ...t, tiers: t.tiers.map((tier) => ({ ...tier, hosts: tier.hosts.map((h) => ({ ...h, cpu: h.cpu / 2 })) })) }),
];

function withService(t: Topology, i: number, change: (s: Service) => Service): Topology {
  const services = t.services.slice();
  const index = i % services.length;
  services[index] = change(services[index]!);
  return { ...t, services };
}

describe('createIncrementalValidator', () => {
  it('agrees with a full validation after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(edits.length - 1), fc.nat(20)), { maxLength: 12 }), fc.constantFrom('small', 'large', undefined), (steps, tier) => {
        const validator = createIncrementalValidator();
        let topology = sampleTopology();
        same(validator.update(topology, tier), validateTopology(topology, { tiers: tier ? [tier] : [] }));
        for (const [edit, at] of steps) {
          topology = edits[edit]!(topology, at);
          same(validator.update(topology, tier), validateTopology(topology, { tiers: tier ? [tier] : [] }));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('returns the same array when nothing changed, so a view can skip re-rendering', () => {
    const validator = createIncrementalValidator();
    const topology = sampleTopology();
    expect(validator.update(topology, 'small')).toBe(validator.update(topology, 'small'));
  });

  it('shows a capacity finding on the very next update after a resource edit', () => {
    const validator = createIncrementalValidator();
    let topology = sampleTopology();
    expect(validator.update(topology, 'large').some((f) => f.message.startsWith('web: memory'))).toBe(false);
    topology = edits[0]!(topology, 2);
    expect(validator.update(topology, 'large').some((f) => f.message.startsWith('web: memory'))).toBe(true);
  });
});
