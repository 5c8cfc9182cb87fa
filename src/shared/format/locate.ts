import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Finds where a data path lives in the YAML source: the key of a map entry, or the item
 * of a list. A path that does not exist (a missing field) points at its nearest parent.
 */
export function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): SourcePosition | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

/** `services[3] (keycloak).image` — indexes made readable with the item's id. */
export function formatFieldPath(data: unknown, path: readonly PropertyKey[]): string {
  let text = '';
  let cursor: unknown = data;
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
      cursor = Array.isArray(cursor) ? cursor[segment] : undefined;
      const itemId = (cursor as { id?: unknown } | undefined)?.id;
      if (typeof itemId === 'string') text += ` (${itemId})`;
    } else {
      const key = String(segment);
      text += text === '' ? key : `.${key}`;
      cursor = typeof cursor === 'object' && cursor !== null ? (cursor as Record<string, unknown>)[key] : undefined;
    }
  }
  return text;
}
