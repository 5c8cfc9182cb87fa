import { Document, isMap, isSeq, type Node } from 'yaml';
import { topologySchema, type Topology } from '../model';
import { canonicalize } from './canonical';

/**
 * Small records written on one line, so that a change to one of them is a one-line diff.
 * Paths use `*` for any key or index.
 */
const ONE_LINE_PATHS: readonly string[][] = [
  ['layout', '*', '*'],
  ['services', '*', 'command'],
  ['services', '*', 'ports', '*'],
  ['services', '*', 'secrets', '*'],
  ['services', '*', 'volumes', '*'],
  ['services', '*', 'resources', '*'],
  ['services', '*', 'healthCheck', 'command'],
  ['planes', '*', 'mayCall'],
  ['environments', '*', 'mayCall'],
  ['dependencies', '*'],
  ['tiers', '*', 'hosts', '*', 'ssh'],
  ['tiers', '*', 'placements', '*'],
];

/** Writes a topology in the canonical file form (see `canonicalize`). */
export function serializeTopology(topology: Topology): string {
  const doc = new Document(canonicalize(topology, topologySchema));
  markOneLiners(doc.contents, []);
  return doc.toString({ lineWidth: 0, indent: 2, flowCollectionPadding: false });
}

function markOneLiners(node: unknown, path: string[]): void {
  if (!isMap(node) && !isSeq(node)) return;
  if (ONE_LINE_PATHS.some((pattern) => matches(pattern, path))) {
    (node as Node & { flow?: boolean }).flow = true;
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) markOneLiners(pair.value, [...path, String((pair.key as { value?: unknown })?.value ?? pair.key)]);
  } else {
    node.items.forEach((item, index) => markOneLiners(item, [...path, String(index)]));
  }
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((part, i) => part === '*' || part === path[i]);
}
