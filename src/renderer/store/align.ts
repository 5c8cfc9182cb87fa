import type { FlowNode } from '../canvas/types';
import type { AlignKind } from './editorTypes';

const width = (n: FlowNode) => n.measured?.width ?? n.width ?? 0;
const height = (n: FlowNode) => n.measured?.height ?? n.height ?? 0;

/**
 * New positions that line the nodes up on one edge or centre. Only nodes of the same
 * container are aligned with each other (positions are relative to it); the largest
 * group of siblings wins.
 */
export function alignPositions(nodes: readonly FlowNode[], kind: AlignKind): Record<string, { x: number; y: number }> {
  const groups = new Map<string, FlowNode[]>();
  for (const n of nodes) groups.set(n.parentId ?? '', [...(groups.get(n.parentId ?? '') ?? []), n]);
  const siblings = [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  if (siblings.length < 2) return {};
  const left = Math.min(...siblings.map((n) => n.position.x));
  const right = Math.max(...siblings.map((n) => n.position.x + width(n)));
  const top = Math.min(...siblings.map((n) => n.position.y));
  const bottom = Math.max(...siblings.map((n) => n.position.y + height(n)));
  const out: Record<string, { x: number; y: number }> = {};
  for (const n of siblings) {
    const { x, y } = n.position;
    switch (kind) {
      case 'left':
        out[n.id] = { x: left, y };
        break;
      case 'right':
        out[n.id] = { x: right - width(n), y };
        break;
      case 'center':
        out[n.id] = { x: (left + right) / 2 - width(n) / 2, y };
        break;
      case 'top':
        out[n.id] = { x, y: top };
        break;
      case 'bottom':
        out[n.id] = { x, y: bottom - height(n) };
        break;
      case 'middle':
        out[n.id] = { x, y: (top + bottom) / 2 - height(n) / 2 };
        break;
    }
  }
  return out;
}
