/**
 * Issue 8, "the same strings in exports": every hostile string in every free-text field of
 * a topology, through every exporter. Mermaid must be accepted by mermaid's own parser and
 * hold no markup or directive; SVG must be well-formed with nothing that runs.
 * `npx tsx scripts/reliability/exports.ts` prints the row; run.ts puts it in RELIABILITY.md.
 */
import { pathToFileURL } from 'node:url';
import { toComposeFiles } from '../../src/shared/export/compose';
import { mermaidHazards, svgHazards } from '../../src/shared/export/inert';
import { toMermaidFlowchart, toMermaidGantt } from '../../src/shared/export/mermaid';
import { toMarkdownReport } from '../../src/shared/export/report';
import { toSvg } from '../../src/shared/export/svg';
import { EXPORT_HOSTILE_STRINGS } from '../../src/shared/testing/hostile-strings';
import { hostileTopology } from '../../src/shared/testing/hostile-topology';
import { mermaidVerdict } from '../../testbed/mermaid-parser';
import type { ReportRow } from './report';

interface XmlParser {
  parseFromString(text: string, type: string): { getElementsByTagName(name: string): { length: number } };
}

export async function hostileExports(): Promise<{ row: ReportRow; details: string[] }> {
  const jsdomModule = 'jsdom';
  const { JSDOM } = (await import(jsdomModule)) as { JSDOM: new (html: string) => { window: { DOMParser: new () => XmlParser } } };
  const xml = new new JSDOM('').window.DOMParser();
  let trials = 0;
  let crashes = 0;
  let refused = 0;
  let unsafe = 0;
  const details: string[] = [];
  const label = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const trial = async (text: string, what: string, run: () => Promise<string[]> | string[]) => {
    trials++;
    try {
      const problems = await run();
      for (const problem of problems) {
        if (problem.startsWith('refused')) refused++;
        else unsafe++;
        if (details.length < 10) details.push(`- ${what} of ${label(text)}: ${problem}`);
      }
    } catch (error) {
      crashes++;
      if (details.length < 10) details.push(`- ${what} of ${label(text)} threw: ${(error as Error).message.split('\n')[0]}`);
    }
  };
  const mermaid = async (diagrams: string[]) => {
    const problems: string[] = [];
    for (const text of diagrams) {
      problems.push(...mermaidHazards(text));
      const verdict = await mermaidVerdict(text);
      if (!verdict.ok) problems.push(`refused by mermaid: ${verdict.message.split('\n')[0]}`);
    }
    return problems;
  };
  for (const text of EXPORT_HOSTILE_STRINGS) {
    const topology = hostileTopology(text);
    for (const tier of topology.tiers) {
      await trial(text, `flowchart by host, ${tier.id}`, () => mermaid(toMermaidFlowchart(topology, tier.id).diagrams.map((d) => d.text)));
      await trial(text, `flowchart by plane, ${tier.id}`, () => mermaid(toMermaidFlowchart(topology, tier.id, { groupBy: 'plane', direction: 'LR' }).diagrams.map((d) => d.text)));
      await trial(text, `gantt, ${tier.id}`, () => mermaid([toMermaidGantt(topology, tier.id)]));
      for (const view of ['host', 'plane'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          await trial(text, `SVG ${view} ${theme}, ${tier.id}`, () => {
            const { svg } = toSvg(topology, tier.id, { view, theme });
            const broken = xml.parseFromString(svg, 'image/svg+xml').getElementsByTagName('parsererror').length > 0;
            return [...svgHazards(svg), ...(broken ? ['not well-formed XML'] : [])];
          });
        }
      }
      await trial(text, `compose, ${tier.id}`, () => (toComposeFiles(topology, tier.id), []));
    }
    await trial(text, 'report', () => (toMarkdownReport(topology), []));
  }
  return {
    row: {
      area: 'exports',
      case: `hostile strings (${EXPORT_HOSTILE_STRINGS.length}) in every free-text field, every exporter`,
      trials,
      crashes: crashes + refused,
      unsafe,
      notes: `Mermaid judged by mermaid ${await mermaidVersion()}'s parser (${refused} refused); SVG: no foreignObject, script, on*=, links; in Chromium: e2e/export-hostile.spec.ts`,
    },
    details,
  };
}

async function mermaidVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return (JSON.parse(await readFile(new URL('../../node_modules/mermaid/package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const { row, details } = await hostileExports();
  console.log(JSON.stringify(row, null, 2));
  for (const line of details) console.log(line);
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}
