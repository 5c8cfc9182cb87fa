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

// Preview render in Chromium, as the export dialog does.
const text = toMermaidFlowchart(syntheticTopology(100), 'main').diagrams[0]!.text;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: 'node_modules/mermaid/dist/mermaid.min.js' });
  const samples = await page.evaluate(async (source) => {
    const m = (window as unknown as { mermaid: { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
    m.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const out: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await m.render(`preview${i}`, source);
      out.push(performance.now() - start);
    }
    return out;
  }, text);
  const first = samples[0]!;
  console.log(`\npreview render, 100 services (${text.length.toLocaleString('en')} chars): first ${first.toFixed(0)} ms, median of next 4 ${median(samples.slice(1)).toFixed(0)} ms`);
} finally {
  await browser.close();
}
