import type { ElkNode } from 'elkjs/lib/elk-api';
import { layoutGraph, positionsFrom } from '../canvas/autoLayout';
import type { DependencyEdge, FlowNode } from '../canvas/types';

/**
 * Lays out the canvas with ELK in a Web Worker; aborting terminates the worker, which
 * stops ELK at once. Where there are no workers (unit tests), ELK runs in-thread.
 */
export async function runAutoLayout(nodes: readonly FlowNode[], edges: readonly DependencyEdge[], signal: AbortSignal): Promise<Record<string, { x: number; y: number }>> {
  const graph = layoutGraph(nodes, edges);
  if (typeof Worker === 'undefined') {
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    return positionsFrom(await new ELK().layout(graph));
  }
  const worker = new Worker(new URL('../canvas/layout.worker.ts', import.meta.url), { type: 'module' });
  try {
    const result = await new Promise<ElkNode>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new DOMException('Layout cancelled', 'AbortError')), { once: true });
      worker.onmessage = (event: MessageEvent<{ ok: true; result: ElkNode } | { ok: false; message: string }>) => {
        if (event.data.ok) resolve(event.data.result);
        else reject(new Error(event.data.message));
      };
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage(graph);
    });
    return positionsFrom(result);
  } finally {
    worker.terminate();
  }
}
