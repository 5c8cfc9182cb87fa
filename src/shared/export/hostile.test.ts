// Issue 8, "the same strings in exports": every hostile string, in every free-text field,
// gives Mermaid that mermaid's own parser accepts and SVG with nothing that can run.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaid, mermaidVerdict } from '../../../testbed/mermaid-parser';
import { EXPORT_HOSTILE_STRINGS } from '../testing/hostile-strings';
import { hostileTopology } from '../testing/hostile-topology';
import { mermaidHazards, svgHazards } from './inert';
import { toMermaidFlowchart, toMermaidGantt } from './mermaid';
import { toSvg } from './svg';

beforeAll(async () => {
  await loadMermaid();
}, 60_000);

interface XmlParser {
  parseFromString(text: string, type: string): { getElementsByTagName(name: string): { length: number } };
}
let parser: XmlParser | undefined;
async function xmlErrors(text: string): Promise<number> {
  if (!parser) {
    const jsdomModule = 'jsdom';
    const { JSDOM } = (await import(jsdomModule)) as { JSDOM: new (html: string) => { window: { DOMParser: new () => XmlParser } } };
    parser = new new JSDOM('').window.DOMParser();
  }
  return parser.parseFromString(text, 'image/svg+xml').getElementsByTagName('parsererror').length;
}

describe('hostile strings in exports', () => {
  it.each(EXPORT_HOSTILE_STRINGS.map((s) => [s.length > 60 ? `${s.slice(0, 20)}… (${s.length} chars)` : s, s]))('%j: Mermaid accepted and inert', async (_label, text) => {
    const topology = hostileTopology(text);
    const texts = [
      ...toMermaidFlowchart(topology, 'large').diagrams.map((d) => d.text),
      ...toMermaidFlowchart(topology, 'large', { groupBy: 'plane', direction: 'LR' }).diagrams.map((d) => d.text),
      toMermaidGantt(topology, 'large'),
    ];
    for (const diagram of texts) {
      expect(mermaidHazards(diagram)).toEqual([]);
      expect(await mermaidVerdict(diagram)).toEqual({ ok: true });
    }
  });

  it.each(EXPORT_HOSTILE_STRINGS.map((s) => [s.length > 60 ? `${s.slice(0, 20)}… (${s.length} chars)` : s, s]))('%j: SVG well-formed with nothing that runs', async (_label, text) => {
    const topology = hostileTopology(text);
    for (const view of ['host', 'plane'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const { svg } = toSvg(topology, 'large', { view, theme });
        expect(svgHazards(svg)).toEqual([]);
        expect(await xmlErrors(svg)).toBe(0);
      }
    }
  });

  it('the checks themselves catch what they are for', () => {
    expect(svgHazards('<svg><foreignObject/><text onclick="x">a</text><script/></svg>')).toEqual(['foreignObject element', 'on* event attribute', 'script element']);
    expect(svgHazards('<svg><text>&lt;script&gt; onload=x</text></svg>')).toEqual([]);
    expect(mermaidHazards('flowchart TB\n  a["x<br/>y"]\n  click a call alert(1)\n')).toEqual(['click or link directive']);
    expect(mermaidHazards('%%{init: {}}%%\nflowchart TB\n a["<img>"]')).toEqual(['markup other than <br/>', 'init directive']);
  });
});
