/**
 * Mermaid refuses a flowchart with more than `maxEdges` edges, and any diagram longer than
 * `maxTextSize` characters, and then reports a misleading error. These are its defaults
 * (mermaid 11); exports stay within them.
 */
export interface MermaidLimits {
  maxEdges: number;
  maxTextSize: number;
}

export const MERMAID_LIMITS: MermaidLimits = { maxEdges: 500, maxTextSize: 50_000 };

export interface MermaidDiagram {
  /** What the diagram shows, e.g. "Tier A — host vm-edge". */
  title: string;
  text: string;
  edges: number;
}

export function fits(diagram: Pick<MermaidDiagram, 'text' | 'edges'>, limits: MermaidLimits): boolean {
  return diagram.edges <= limits.maxEdges && diagram.text.length <= limits.maxTextSize;
}
