/**
 * Mermaid exports of generated topologies (50 … 2,000 services), side by side: the map as
 * one diagram (what a naive exporter writes) against Stackdraft's export (split to stay
 * within Mermaid's limits) — generation time, size, edges, and whether mermaid's own parser
 * accepts each; then the render time of a 100-service preview in Chromium.
 */
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { MERMAID_LIMITS, toMermaidFlowchart } from '../src/shared/export/mermaid';
import { syntheticTopology } from '../src/shared/export/synthetic';
import { mermaidVerdict } from '../testbed/mermaid-parser';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result!: T;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), result };
}

// `EXPORT_BENCH=preview npm run bench export` measures only the preview (the limits part takes minutes).
if (process.env.EXPORT_BENCH !== 'preview') await limitsTable();

async function limitsTable(): Promise<void> {
  const rows: string[][] = [];
  for (const count of [50, 250, 1000, 2000]) {
    const topology = syntheticTopology(count);
    const naive = time(5, () => toMermaidFlowchart(topology, 'main', { limits: { maxEdges: Infinity, maxTextSize: Infinity } }));
    const ours = time(5, () => toMermaidFlowchart(topology, 'main'));
    const naiveDiagram = naive.result.diagrams[0]!;
    const naiveVerdict = await mermaidVerdict(naiveDiagram.text);
    const naiveOk = naiveVerdict.ok && naiveDiagram.text.length <= MERMAID_LIMITS.maxTextSize;
    let accepted = 0;
    for (const d of ours.result.diagrams) if ((await mermaidVerdict(d.text)).ok && d.text.length <= MERMAID_LIMITS.maxTextSize) accepted++;
    const largest = Math.max(...ours.result.diagrams.map((d) => d.text.length));
    const mostEdges = Math.max(...ours.result.diagrams.map((d) => d.edges));
    rows.push([
      String(count),
      String(topology.dependencies.length),
      `${naive.ms.toFixed(1)} ms · ${naiveDiagram.text.length.toLocaleString('en')} chars · ${naiveOk ? 'accepted' : 'REFUSED'}`,
      `${ours.ms.toFixed(1)} ms · ${ours.result.diagrams.length} diagram(s) · ≤${largest.toLocaleString('en')} chars · ≤${mostEdges} edges · ${accepted}/${ours.result.diagrams.length} accepted`,
    ]);
  }
  console.log(`limits: ${MERMAID_LIMITS.maxEdges} edges, ${MERMAID_LIMITS.maxTextSize.toLocaleString('en')} characters`);
  console.log('| services | dependencies | one diagram (naive) | Stackdraft export |');
  console.log('| ---: | ---: | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

// Preview render in Chromium, as the export dialog does: mermaid.render with the dialog's
// settings, the SVG rewritten as XML and decoded as an image — against generating the text.
const PREVIEW_SIZES = [25, 50, 100];
const PREVIEW_RUNS = 3;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: 'node_modules/mermaid/dist/mermaid.min.js' });
  console.log('\n| services | edges | characters | generate (median of 5) | render, first | render, median of next | XML + image decode |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const count of PREVIEW_SIZES) {
    const topology = syntheticTopology(count);
    const generated = time(5, () => toMermaidFlowchart(topology, 'main'));
    const diagram = generated.result.diagrams[0]!;
    const samples = await page.evaluate(
      async ({ source, runs }) => {
        type M = { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string }> };
        const m = (window as unknown as { mermaid: M }).mermaid;
        m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', suppressErrorRendering: true });
        const render: number[] = [];
        const image: number[] = [];
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          const { svg } = await m.render(`preview${i}`, source);
          render.push(performance.now() - start);
          const decodeStart = performance.now();
          const element = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg')!;
          const img = new Image();
          img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(element))}`;
          await img.decode();
          image.push(performance.now() - decodeStart);
        }
        return { render, image };
      },
      { source: diagram.text, runs: PREVIEW_RUNS },
    );
    console.log(
      `| ${count} | ${diagram.edges} | ${diagram.text.length.toLocaleString('en')} | ${generated.ms.toFixed(1)} ms | ${samples.render[0]!.toFixed(0)} ms | ${median(samples.render.slice(1)).toFixed(0)} ms | ${median(samples.image).toFixed(0)} ms |`,
    );
  }
} finally {
  await browser.close();
}
