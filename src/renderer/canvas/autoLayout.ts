import type { ElkNode } from 'elkjs/lib/elk-api';
import type { DependencyEdge, FlowNode } from './types';

/**
 * The graph ELK lays out: the top-level boxes (hosts, groups, planes) with one edge per
 * pair of boxes that have a dependency between their services, so that callers end up
 * left of what they call. Services keep their place inside their box.
 */
export function layoutGraph(nodes: readonly FlowNode[], edges: readonly DependencyEdge[]): ElkNode {
  const top = nodes.filter((n) => !n.parentId);
  const boxOf = new Map(nodes.map((n) => [n.id, n.parentId ?? n.id]));
  const pairs = new Set<string>();
  for (const e of edges) {
    const a = boxOf.get(e.source);
    const b = boxOf.get(e.target);
    if (a && b && a !== b) pairs.add(`${a}\n${b}`);
  }
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '56',
      'elk.layered.spacing.nodeNodeBetweenLayers': '96',
      'elk.separateConnectedComponents': 'true',
    },
    children: top.map((n) => ({ id: n.id, width: n.measured?.width ?? n.width ?? 300, height: n.measured?.height ?? n.height ?? 200 })),
    edges: [...pairs].map((pair, i) => {
      const [source, target] = pair.split('\n') as [string, string];
      return { id: `e${i}`, sources: [source], targets: [target] };
    }),
  };
}

/** ELK's result as layout positions of the boxes. */
export function positionsFrom(result: ElkNode): Record<string, { x: number; y: number }> {
  return Object.fromEntries((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}
