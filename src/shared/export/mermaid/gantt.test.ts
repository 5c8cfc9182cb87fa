import { beforeAll, describe, expect, it } from 'vitest';
import { examplesAndTiers } from '../../../../testbed/examples';
import { loadMermaid, mermaidVerdict } from '../../../../testbed/mermaid-parser';
import { sampleTopology } from '../../view/testing';
import { toMermaidGantt } from './index';

beforeAll(async () => {
  await loadMermaid();
}, 60_000);

describe('toMermaidGantt', () => {
  it.each(examplesAndTiers().map(({ example, tierId }) => [example.id, tierId, example.topology] as const))(
    'the cold start of %s tier %s is a gantt mermaid accepts',
    async (_id, tierId, topology) => {
      expect(await mermaidVerdict(toMermaidGantt(topology, tierId))).toEqual({ ok: true });
    },
  );

  it('puts each phase after the slowest service of the one before', () => {
    const topology = sampleTopology();
    topology.services.find((s) => s.id === 'db')!.healthCheck = { command: ['pg_isready'], intervalSeconds: 5, timeoutSeconds: 2, retries: 3, startPeriodSeconds: 25 };
    const text = toMermaidGantt(topology, 'large');
    expect(text).toContain('section Phase 1 (needs nothing)\n  db on data : 0, 30s\n  nightly on data : 0, 10s');
    expect(text).toContain('section Phase 2\n  shop on web : 30, 10s');
    expect(text).toContain('section Phase 3\n  proxy on web : 40, 10s');
  });

  it('shows services caught in a hard-dependency cycle as blocked', async () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'db', to: 'shop', kind: 'hard' });
    const text = toMermaidGantt(topology, 'large');
    expect(text).toContain('section Blocked by a dependency cycle\n  proxy on web : crit, 10, 10s\n  shop on web : crit, 10, 10s\n  db on data : crit, 10, 10s');
    expect(await mermaidVerdict(text)).toEqual({ ok: true });
  });

  it('keeps a hostile tier name from breaking the chart', async () => {
    const topology = sampleTopology();
    topology.tiers[1]!.name = 'evil: #x; \n section boom';
    const text = toMermaidGantt(topology, 'large');
    expect(text.split('\n')[1]).toBe('  title Cold start — evil   x    section boom');
    expect(await mermaidVerdict(text)).toEqual({ ok: true });
  });
});
