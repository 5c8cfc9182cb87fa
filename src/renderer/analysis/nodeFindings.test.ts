import { describe, expect, it } from 'vitest';
import { validateTopology } from '../../shared/rules';
import { sampleTopology } from '../../shared/view/testing';
import { badgesByNode, edgeIdOf, nodeIdOf } from './nodeFindings';

describe('badgesByNode', () => {
  it('counts findings on the node they point at first, keeping the worst severity', () => {
    const topology = sampleTopology();
    topology.dependencies.push({ from: 'shop', to: 'ghost', kind: 'hard' });
    const badges = badgesByNode(validateTopology(topology, { tiers: ['small'] }));
    // host "one": CPU and memory limits over its size (two errors).
    expect(badges.get('host:one')).toMatchObject({ count: 2, worst: 'error' });
    // db: no backup policy and no health check, both warnings.
    expect(badges.get('service:db')).toMatchObject({ count: 2, worst: 'warning' });
    // The dangling dependency is an edge: no node badge for it.
    expect([...badges.keys()].some((id) => id.includes('ghost'))).toBe(false);
  });

  it('maps finding targets to the canvas ids', () => {
    expect(nodeIdOf({ kind: 'service', id: 'db' })).toBe('service:db');
    expect(nodeIdOf({ kind: 'host', id: 'one', tier: 'small' })).toBe('host:one');
    expect(nodeIdOf({ kind: 'plane', id: 'data' })).toBeUndefined();
    expect(edgeIdOf({ kind: 'dependency', from: 'shop', to: 'db' })).toBe('dependency:shop->db');
  });
});
