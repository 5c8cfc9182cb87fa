import { mermaidLabel, mermaidText, tint } from './escape';
import { shaped } from './shapes';
import type { ServiceKind } from '../../model';

/** A box in a flowchart. */
export interface FlowNode {
  id: string;
  kind: ServiceKind | 'group';
  lines: string[];
  /** classDef names, the first one inline. */
  classes: string[];
}

export interface FlowGroup {
  id: string;
  label: string[];
  nodes: FlowNode[];
  groups: FlowGroup[];
}

export interface FlowEdge {
  from: string;
  to: string;
  hard: boolean;
  label?: string;
}

export interface FlowDiagram {
  direction: string;
  title: string;
  classDefs: Map<string, string>;
  groups: FlowGroup[];
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Renders the diagram as Mermaid flowchart text. */
export function renderFlowchart(diagram: FlowDiagram): string {
  const out: string[] = [`flowchart ${diagram.direction}`];
  // A comment, not Mermaid's front-matter title: it survives every Mermaid version.
  out.push(`  %% ${mermaidText(diagram.title)}`);
  for (const [name, style] of diagram.classDefs) out.push(`  classDef ${name} ${style}`);
  const extraClasses = new Map<string, string[]>();
  const node = (n: FlowNode, indent: string) => {
    const [first, ...rest] = n.classes;
    out.push(`${indent}${n.id}${shaped(n.kind, mermaidLabel(...n.lines))}${first ? `:::${first}` : ''}`);
    for (const cls of rest) (extraClasses.get(cls) ?? extraClasses.set(cls, []).get(cls)!).push(n.id);
  };
  const group = (g: FlowGroup, indent: string) => {
    out.push(`${indent}subgraph ${g.id}${shaped('group', mermaidLabel(...g.label))}`);
    // Mermaid lays out a subgraph no edge leaves in the *other* direction (TB↔LR) unless told.
    out.push(`${indent}  direction ${diagram.direction}`);
    for (const child of g.groups) group(child, `${indent}  `);
    for (const n of g.nodes) node(n, `${indent}  `);
    out.push(`${indent}end`);
  };
  for (const g of diagram.groups) group(g, '  ');
  for (const n of diagram.nodes) node(n, '  ');
  for (const e of diagram.edges) {
    const arrow = e.hard ? '-->' : '-.->';
    out.push(`  ${e.from} ${arrow}${e.label ? `|${mermaidLabel(e.label)}|` : ''} ${e.to}`);
  }
  for (const [cls, ids] of extraClasses) out.push(`  class ${ids.join(',')} ${cls}`);
  return `${out.join('\n')}\n`;
}

/** classDefs every flowchart may use: one per plane, plus state classes. */
export function baseClassDefs(planes: readonly { id: string; color: string }[], planeClass: (id: string) => string): Map<string, string> {
  const defs = new Map<string, string>();
  for (const plane of planes) defs.set(planeClass(plane.id), `fill:${tint(plane.color, 0.82)},stroke:${plane.color},color:#0f172a`);
  defs.set('external', 'fill:#f8fafc,stroke:#94a3b8,color:#334155,stroke-dasharray: 4 3');
  defs.set('hibernated', 'fill:#f1f5f9,color:#64748b,stroke-dasharray: 5 5');
  defs.set('elsewhere', 'fill:#ffffff,stroke:#cbd5e1,color:#64748b,stroke-dasharray: 2 2');
  defs.set('public', 'stroke-width:3px');
  return defs;
}
