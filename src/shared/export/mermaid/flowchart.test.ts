// Every Mermaid export is judged by mermaid's own parser (in jsdom), never by string
// matching alone: a map that mermaid refuses is a broken export.
import { beforeAll, describe, expect, it } from 'vitest';
import { examplesAndTiers } from '../../../../testbed/examples';
import { loadMermaid, mermaidVerdict } from '../../../../testbed/mermaid-parser';
import { sampleTopology } from '../../view/testing';
import { syntheticTopology } from '../synthetic';
import { MERMAID_LIMITS, toMermaidFlowchart, UnknownTierError } from './index';

beforeAll(async () => {
  await loadMermaid();
}, 60_000);

async function expectAccepted(text: string): Promise<void> {
  expect(await mermaidVerdict(text)).toEqual({ ok: true });
  expect(text.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxTextSize);
}

describe('toMermaidFlowchart', () => {
  it.each(examplesAndTiers().map(({ example, tierId }) => [example.id, tierId, example.topology] as const))(
    'exports %s tier %s in a form mermaid accepts, grouped by host and by plane',
    async (_id, tierId, topology) => {
      for (const groupBy of ['host', 'plane'] as const) {
        const result = toMermaidFlowchart(topology, tierId, { groupBy });
        expect(result.mode).toBe('full');
        for (const diagram of result.diagrams) await expectAccepted(diagram.text);
      }
    },
  );

  it('draws hosts inside their environment, services inside their host, plane colours and both edge styles', () => {
    const [diagram] = toMermaidFlowchart(sampleTopology(), 'large').diagrams;
    const text = diagram!.text;
    expect(text).toMatch(/subgraph env_prod\["Production"\]\n {4}direction TB\n {4}subgraph grp_host_web\["web<br\/>4 vCPU · 8 GiB"\]/);
    expect(text).toContain('svc_db[("db<br/>1–4 cpu · 1–2 GiB")]:::plane_data');
    expect(text).toContain('shop ×4');
    expect(text).toContain('classDef plane_edge fill:');
    expect(text).toContain('stroke:#3b82f6');
    expect(text).toMatch(/svc_shop -->\|"#58;5432"\| svc_db/);
    expect(text).toContain('svc_shop -.-> svc_stripe');
  });

  it.each(['LR', 'TB'] as const)('tells every nested subgraph the chosen direction %s, as mermaid’s parser reads it', async (direction) => {
    // Without it mermaid turns a subgraph no edge leaves the other way round (TB↔LR).
    const [diagram] = toMermaidFlowchart(sampleTopology(), 'large', { direction }).diagrams;
    await expectAccepted(diagram!.text);
    const mermaid = (await loadMermaid()) as unknown as { mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: { getSubGraphs(): { id: string; dir?: string }[]; getDirection(): string } }> } };
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(diagram!.text);
    const subgraphs = db.getSubGraphs();
    expect(subgraphs.map((g) => g.id)).toEqual(expect.arrayContaining(['env_prod', 'grp_host_web']));
    expect(subgraphs.filter((g) => g.dir !== direction)).toEqual([]);
    expect(db.getDirection()).toBe(direction);
  });

  it('leaves external services out on request and groups by plane', () => {
    const result = toMermaidFlowchart(sampleTopology(), 'large', { groupBy: 'plane', includeExternal: false, direction: 'LR' });
    const text = result.diagrams[0]!.text;
    expect(text.startsWith('flowchart LR')).toBe(true);
    expect(text).not.toContain('stripe');
    expect(text).toMatch(/subgraph grp_plane_data\["Data"\]/);
    expect(text).toContain('db<br/>on data');
  });

  it('keeps hostile names as text: no quote, markup or comment escapes the label', async () => {
    const hostile = 'x"]; click svc_db call alert(1) %% <img src=x onerror=alert(1)> `**md**` #quot; end';
    const topology = sampleTopology({ name: hostile });
    topology.tiers[1]!.name = hostile;
    topology.tiers[1]!.hosts[0]!.name = hostile;
    topology.planes[0]!.name = hostile;
    const result = toMermaidFlowchart(topology, 'large');
    const text = result.diagrams[0]!.text;
    await expectAccepted(text);
    expect(text).not.toMatch(/<img|onerror=|^\s*click |`|x"\]/m);
    expect(toMermaidFlowchart(topology, 'large', { groupBy: 'plane' }).diagrams[0]!.text).not.toContain('<img');
  });

  it('names the tiers that exist when asked for one that does not', () => {
    expect(() => toMermaidFlowchart(sampleTopology(), 'huge')).toThrow(UnknownTierError);
    expect(() => toMermaidFlowchart(sampleTopology(), 'huge')).toThrow('no tier "huge"; the file has "small", "large"');
  });

  it('splits a map beyond the limits into an overview and one diagram per host, and says so', async () => {
    const result = toMermaidFlowchart(sampleTopology(), 'large', { limits: { maxEdges: 2, maxTextSize: 50_000 } });
    expect(result.mode).toBe('split');
    expect(result.notes[0]).toMatch(/3 dependencies .* beyond Mermaid's limits \(2 edges/);
    // shop alone has three dependencies: its part keeps the two that fit and says so.
    expect(result.diagrams.map((d) => d.title)).toContain('Shop — Large — web (part 2 of 2) (dependencies cut to fit)');
  });

  it('splits per host when the whole map is beyond the limits, with other hosts\' services greyed', async () => {
    const whole = toMermaidFlowchart(sampleTopology(), 'large').diagrams[0]!.text.length;
    const result = toMermaidFlowchart(sampleTopology(), 'large', { limits: { maxEdges: 3, maxTextSize: whole - 1 } });
    expect(result.mode).toBe('split');
    expect(result.diagrams.map((d) => d.title)).toEqual(['Shop — Large — overview by host', 'Shop — Large — External', 'Shop — Large — web', 'Shop — Large — data']);
    for (const d of result.diagrams) {
      expect(d.edges).toBeLessThanOrEqual(3);
      expect(d.text.length).toBeLessThan(whole);
      await expectAccepted(d.text);
    }
    const web = result.diagrams[2]!.text;
    expect(web).toContain('svc_db[("db<br/>in data")]:::elsewhere');
  });

  // The real limits: a 1,000- or 2,000-service platform would be refused as one map.
  it.each([1000, 2000])('splits a generated %i-service topology into diagrams mermaid accepts', async (count) => {
    const topology = syntheticTopology(count);
    const result = toMermaidFlowchart(topology, 'main');
    expect(result.mode).toBe('split');
    expect(result.notes.length).toBeGreaterThan(0);
    const services = new Set<string>();
    for (const d of result.diagrams) {
      expect(d.edges).toBeLessThanOrEqual(MERMAID_LIMITS.maxEdges);
      await expectAccepted(d.text);
      for (const match of d.text.matchAll(/^ {4}svc_(svc_\d+)\b/gm)) services.add(match[1]!);
    }
    expect(services.size).toBe(count);
  }, 120_000);

  it('is refused by mermaid as one diagram at 2,000 services, which is why it splits', async () => {
    const result = toMermaidFlowchart(syntheticTopology(2000), 'main', { limits: { maxEdges: 1e9, maxTextSize: 1e9 } });
    expect(result.mode).toBe('full');
    const verdict = await mermaidVerdict(result.diagrams[0]!.text);
    expect(verdict.ok).toBe(false);
  }, 60_000);
});
