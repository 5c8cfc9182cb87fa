import { describe, expect, it } from 'vitest';
import { sampleTopology } from '../../shared/view/testing';
import { HOST_HEADER_HEIGHT, SERVICE_HEIGHT, SERVICE_WIDTH } from './geometry';
import { EXTERNAL_GROUP_ID, toFlow, TRAY_GROUP_ID } from './toFlow';
import type { FlowNode, HostNode, ServiceNode } from './types';

const byId = (nodes: FlowNode[], id: string) => nodes.find((n) => n.id === id);
const service = (nodes: FlowNode[], id: string) => byId(nodes, `service:${id}`) as ServiceNode;
const host = (nodes: FlowNode[], id: string) => byId(nodes, `host:${id}`) as HostNode;

describe('toFlow, host view', () => {
  it('nests each placed service in its host for the chosen tier', () => {
    const small = toFlow(sampleTopology(), 'small').nodes;
    expect(['proxy', 'shop', 'db'].map((id) => service(small, id).parentId)).toEqual(['host:one', 'host:one', 'host:one']);
    const large = toFlow(sampleTopology(), 'large').nodes;
    expect(service(large, 'shop').parentId).toBe('host:web');
    expect(service(large, 'db').parentId).toBe('host:data');
    expect(byId(large, 'host:one')).toBeUndefined();
  });

  it('lists every parent before its children', () => {
    const { nodes } = toFlow(sampleTopology(), 'large');
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    for (const node of nodes) {
      if (node.parentId) expect(index.get(node.parentId)).toBeLessThan(index.get(node.id)!);
    }
  });

  it('sizes hosts to contain their services', () => {
    const { nodes } = toFlow(sampleTopology(), 'small');
    const one = host(nodes, 'one');
    for (const child of nodes.filter((n) => n.parentId === one.id)) {
      expect(child.position.x).toBeGreaterThanOrEqual(0);
      expect(child.position.y).toBeGreaterThanOrEqual(HOST_HEADER_HEIGHT);
      expect(child.position.x + SERVICE_WIDTH).toBeLessThanOrEqual(one.width!);
      expect(child.position.y + SERVICE_HEIGHT).toBeLessThanOrEqual(one.height!);
    }
  });

  it('puts external services in a column left of the hosts and unplaced ones in a tray below', () => {
    const { nodes } = toFlow(sampleTopology(), 'small');
    expect(service(nodes, 'stripe').parentId).toBe(EXTERNAL_GROUP_ID);
    expect(service(nodes, 'nightly').parentId).toBe(TRAY_GROUP_ID);
    const one = host(nodes, 'one');
    const external = byId(nodes, EXTERNAL_GROUP_ID)!;
    const tray = byId(nodes, TRAY_GROUP_ID)!;
    expect(external.position.x + external.width!).toBeLessThan(one.position.x);
    expect(tray.position.y).toBeGreaterThan(one.position.y + one.height!);
    // Every service appears exactly once.
    expect(nodes.filter((n) => n.type === 'service')).toHaveLength(5);
  });

  it('leaves out the tray when every service is placed', () => {
    const { nodes } = toFlow(sampleTopology(), 'large');
    expect(byId(nodes, TRAY_GROUP_ID)).toBeUndefined();
  });

  it('uses saved positions: hosts absolute, services relative to their host, sizes as a minimum', () => {
    const topology = sampleTopology({
      layout: {
        'host/small': {
          'host:one': { x: 400, y: -50, width: 900, height: 700 },
          'service:db': { x: 500, y: 300 },
        },
      },
    });
    const { nodes } = toFlow(topology, 'small');
    expect(host(nodes, 'one')).toMatchObject({ position: { x: 400, y: -50 }, width: 900, height: 700 });
    expect(service(nodes, 'db').position).toEqual({ x: 500, y: 300 });
    // The same layout does not apply to another tier.
    expect(service(toFlow(topology, 'large').nodes, 'db').position).not.toEqual({ x: 500, y: 300 });
  });

  it('grows a host past its saved size when a service lies outside it', () => {
    const topology = sampleTopology({
      layout: { 'host/small': { 'host:one': { x: 0, y: 0, width: 320, height: 200 }, 'service:db': { x: 600, y: 400 } } },
    });
    const one = host(toFlow(topology, 'small').nodes, 'one');
    expect(one.width).toBeGreaterThanOrEqual(600 + SERVICE_WIDTH);
    expect(one.height).toBeGreaterThanOrEqual(400 + SERVICE_HEIGHT);
  });

  it('is deterministic', () => {
    expect(toFlow(sampleTopology(), 'large')).toEqual(toFlow(sampleTopology(), 'large'));
  });

  it('does not overlap hosts that are laid out automatically', () => {
    const { nodes } = toFlow(sampleTopology(), 'large');
    const [a, b] = [host(nodes, 'web'), host(nodes, 'data')];
    const apart = a.position.x + a.width! <= b.position.x || b.position.x + b.width! <= a.position.x || a.position.y + a.height! <= b.position.y || b.position.y + b.height! <= a.position.y;
    expect(apart).toBe(true);
  });

  it('shows the caps and replicas that apply on the tier, and the plane colour', () => {
    const large = toFlow(sampleTopology(), 'large').nodes;
    expect(service(large, 'shop').data).toMatchObject({ replicas: 4, caps: '0.5–1 cpu · 512 MiB–1 GiB', color: '#3b82f6', planeName: 'Edge' });
    expect(service(large, 'db').data.caps).toBe('1–4 cpu · 1–2 GiB');
    expect(service(large, 'nightly').data).toMatchObject({ caps: 'no caps', hasCaps: false, color: undefined });
  });

  it('gives each host its environment and capacity', () => {
    const one = host(toFlow(sampleTopology(), 'small').nodes, 'one');
    expect(one.data).toMatchObject({ name: 'one', flavor: 'cax11', environmentName: 'Production', environmentKind: 'production', publicIp: true });
    expect(one.data.capacity.cpu).toMatchObject({ request: 1.25, limit: 4.5, level: 'error' });
  });

  it('draws an unknown tier (or none) as a tray of every service', () => {
    const { nodes } = toFlow(sampleTopology(), 'nope');
    expect(nodes.filter((n) => n.type === 'host')).toHaveLength(0);
    expect(service(nodes, 'shop').parentId).toBe(TRAY_GROUP_ID);
    expect(toFlow(sampleTopology(), undefined).nodes.filter((n) => n.type === 'service')).toHaveLength(5);
  });
});

describe('toFlow, edges', () => {
  it('draws one edge per dependency with its kind', () => {
    const { edges } = toFlow(sampleTopology(), 'small');
    expect(edges.map((e) => [e.source, e.target, e.data?.kind])).toEqual([
      ['service:proxy', 'service:shop', 'hard'],
      ['service:shop', 'service:db', 'hard'],
      ['service:shop', 'service:stripe', 'soft'],
    ]);
  });

  it('skips a dependency on a missing service instead of failing', () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'shop', to: 'ghost', kind: 'hard' });
    const { edges, nodes } = toFlow(topology, 'small');
    expect(edges).toHaveLength(3);
    const ids = new Set(nodes.map((n) => n.id));
    for (const edge of edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  });
});

describe('toFlow, plane view', () => {
  it('groups services by plane and names their host', () => {
    const { nodes } = toFlow(sampleTopology(), 'large', 'plane');
    expect(service(nodes, 'shop').parentId).toBe('plane:edge');
    expect(service(nodes, 'db')).toMatchObject({ parentId: 'plane:data', data: { hostName: 'data' } });
    expect(service(nodes, 'stripe').parentId).toBe('group:no-plane');
    expect(nodes.filter((n) => n.type === 'host')).toHaveLength(0);
  });
});
