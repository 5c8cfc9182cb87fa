// The SVG must be plain SVG (no foreignObject, scripts or event attributes) whatever the
// names in the model; it is parsed as XML to prove it is well formed.
import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../../../testbed/examples';
import { sampleTopology } from '../../view/testing';
import { layoutCanvas } from '../../view/canvas-layout';
import { toSvg } from './index';

interface XmlElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface XmlDocument {
  documentElement: XmlElement;
  getElementsByTagName(name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
}
interface XmlParser {
  parseFromString(text: string, type: string): XmlDocument;
}

let parser: XmlParser | undefined;
async function parseXml(text: string) {
  if (!parser) {
    const jsdomModule = 'jsdom';
    const { JSDOM } = (await import(jsdomModule)) as { JSDOM: new (html: string) => { window: { DOMParser: new () => XmlParser } } };
    parser = new new JSDOM('').window.DOMParser();
  }
  return parser.parseFromString(text, 'image/svg+xml');
}

function expectNoActiveContent(svg: string): void {
  // Names may say anything as text; markup characters in them are entities, so any `<…>` is ours.
  expect(svg).not.toMatch(/<foreignObject/i);
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(svg).not.toMatch(/<[^>]*(href|src)\s*=\s*["'](?!#)/i);
}

describe('toSvg', () => {
  it('draws every tier of every example as well-formed SVG with text, in light (and dark for the first tier)', async () => {
    for (const { topology } of loadExamples()) {
      for (const tier of topology.tiers) {
        for (const theme of tier === topology.tiers[0] ? (['light', 'dark'] as const) : (['light'] as const)) {
          const { svg, width, height } = toSvg(topology, tier.id, { theme });
          expectNoActiveContent(svg);
          const doc = await parseXml(svg);
          expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
          expect(doc.documentElement.getAttribute('width')).toBe(String(width));
          expect(height).toBeGreaterThan(100);
        }
      }
    }
  }, 60_000);

  it('shows hosts, services with caps and plane colours, hard and soft edges', async () => {
    const { svg } = toSvg(sampleTopology(), 'large');
    const doc = await parseXml(svg);
    const texts = [...doc.getElementsByTagName('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['web', 'data', 'shop ×4', 'app · shop:1', '0.5–1 cpu · 512 MiB–1 GiB', 'Production · 4 vCPU · 8 GiB']));
    expect(svg).toContain('fill="#10b981"');
    const lines = [...doc.getElementsByTagName('line')];
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.getAttribute('stroke-dasharray'))).toHaveLength(1);
  });

  it('draws each service card where the canvas puts it, so the export matches the screen', () => {
    const topology = sampleTopology();
    const layout = layoutCanvas(topology, 'large', 'host');
    const { svg } = toSvg(topology, 'large', { margin: 10 });
    const shift = (value: number, min: number) => value - min + 10;
    for (const box of layout.boxes) {
      for (const card of box.services) {
        const x = shift(card.x, layout.bounds.minX);
        const y = shift(card.y, layout.bounds.minY);
        expect(svg).toContain(`<rect x="${x}" y="${y}" width="${card.width}" height="${card.height}" rx="8"`);
      }
    }
  });

  it('uses dark colours in dark mode', () => {
    expect(toSvg(sampleTopology(), 'small', { theme: 'dark' }).svg).toContain('fill="#101317"');
    expect(toSvg(sampleTopology(), 'small').svg).toContain('fill="#eef1f5"');
  });

  it('keeps hostile names as text: no markup, script or event attribute gets through', async () => {
    const hostile = '"><script>alert(1)</script><foreignObject><img src=x onerror="alert(1)"/></foreignObject>&amp;\u0001';
    const topology = sampleTopology({ name: hostile });
    topology.tiers[1]!.name = hostile;
    topology.tiers[1]!.hosts[0]!.name = hostile;
    topology.planes[0]!.name = hostile;
    topology.services[2]!.image = hostile;
    topology.services[2]!.description = hostile;
    for (const view of ['host', 'plane'] as const) {
      const { svg } = toSvg(topology, 'large', { view });
      expectNoActiveContent(svg);
      const doc = await parseXml(svg);
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(doc.getElementsByTagName('script')).toHaveLength(0);
      expect(doc.getElementsByTagName('title')[0]!.textContent).toContain('<script>alert(1)</script>');
    }
  });
});
