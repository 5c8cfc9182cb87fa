import { toComposeFiles } from '../../../shared/export/compose';
import { toMermaidFlowchart, toMermaidGantt, type MermaidDiagram } from '../../../shared/export/mermaid';
import { toMarkdownReport } from '../../../shared/export/report';
import { toSvg } from '../../../shared/export/svg';
import type { Topology } from '../../../shared/model';

export const EXPORT_FORMATS = [
  { id: 'mermaid', label: 'Mermaid flowchart' },
  { id: 'gantt', label: 'Mermaid gantt (cold start)' },
  { id: 'svg', label: 'SVG image' },
  { id: 'png', label: 'PNG image' },
  { id: 'compose', label: 'docker-compose per host' },
  { id: 'report', label: 'Markdown report' },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['id'];

export interface ExportOptions {
  format: ExportFormat;
  tierId: string;
  groupBy: 'host' | 'plane';
  direction: 'TB' | 'LR' | 'BT' | 'RL';
  includeExternal: boolean;
  theme: 'light' | 'dark';
  /** Compose: which host's file (index into the tier's compose files). */
  composeHost: number;
  /** Report: the chosen tier only, or every tier with a comparison. */
  reportScope: 'tier' | 'all';
}

/** What the dialog previews, copies and saves. */
export type ExportOutput =
  | { kind: 'mermaid'; diagrams: MermaidDiagram[]; notes: string[]; text: string; fileName: string }
  | { kind: 'image'; format: 'svg' | 'png'; svg: string; width: number; height: number; notes: string[]; text: string; fileName: string }
  | { kind: 'text'; notes: string[]; text: string; fileName: string; hosts?: string[] };

/** Safe in a file name: the project id is already a slug, tier ids too. */
const base = (topology: Topology, tierId: string) => `${topology.project}-${tierId}`;

/**
 * One export as the dialog shows it, made by the same pure exporters as the CLI, so a
 * saved file equals `stackdraft export` with the same options byte for byte.
 */
export function exportOutput(topology: Topology, options: ExportOptions): ExportOutput {
  const { tierId } = options;
  switch (options.format) {
    case 'mermaid': {
      const result = toMermaidFlowchart(topology, tierId, { groupBy: options.groupBy, direction: options.direction, includeExternal: options.includeExternal });
      // A .mmd file holds one diagram; several go into Markdown as fenced blocks, as the CLI prints them.
      const single = result.diagrams.length === 1;
      const text = single ? result.diagrams[0]!.text : result.diagrams.map((d) => `## ${d.title}\n\n\`\`\`mermaid\n${d.text}\`\`\`\n`).join('\n');
      return { kind: 'mermaid', diagrams: result.diagrams, notes: result.notes, text, fileName: `${base(topology, tierId)}.${single ? 'mmd' : 'md'}` };
    }
    case 'gantt': {
      const text = toMermaidGantt(topology, tierId);
      return { kind: 'mermaid', diagrams: [{ title: 'Cold start', text, edges: 0 }], notes: [], text, fileName: `${base(topology, tierId)}-cold-start.mmd` };
    }
    case 'svg':
    case 'png': {
      const image = toSvg(topology, tierId, { theme: options.theme, view: options.groupBy });
      const fileName = `${base(topology, tierId)}.${options.format}`;
      return { kind: 'image', format: options.format, ...image, notes: [], text: image.svg, fileName };
    }
    case 'compose': {
      const files = toComposeFiles(topology, tierId);
      if (files.length === 0) return { kind: 'text', notes: ['This tier has no hosts with services: there is nothing to compose.'], text: '', fileName: 'docker-compose.yml', hosts: [] };
      const file = files[Math.min(options.composeHost, files.length - 1)]!;
      const notes = file.secretEnvFiles.map((env) => `${env.path} must define ${env.variables.map((v) => v.env).join(', ')} (secret values are never exported).`);
      return { kind: 'text', notes, text: file.text, fileName: file.fileName, hosts: files.map((f) => f.host.name) };
    }
    case 'report': {
      const all = options.reportScope === 'all';
      const text = toMarkdownReport(topology, all ? {} : { tierId });
      return { kind: 'text', notes: [], text, fileName: `${all ? topology.project : base(topology, tierId)}-report.md` };
    }
  }
}
