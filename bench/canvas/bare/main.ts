/**
 * The canvas benchmark's baseline: React Flow 12 as its docs show it — default nodes and
 * edges, `useNodesState`/`useEdgesState`, nothing else — with the nodes and edges the
 * benchmark writes to `flow.json` (Stackdraft's, at the same absolute positions).
 */
import { Background, Controls, MiniMap, ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createElement as h, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Flow({ initialNodes, initialEdges }: { initialNodes: Node[]; initialEdges: Edge[] }) {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  useEffect(() => document.body.setAttribute('data-ready', 'true'), []);
  return h(ReactFlow, { nodes, edges, onNodesChange, onEdgesChange, fitView: true, minZoom: 0.05 }, h(Background), h(MiniMap), h(Controls));
}

void fetch('./flow.json')
  .then((response) => response.json() as Promise<{ nodes: Node[]; edges: Edge[] }>)
  .then(({ nodes, edges }) => createRoot(document.getElementById('root')!).render(h(Flow, { initialNodes: nodes, initialEdges: edges })));
