import { describe, expect, it } from 'vitest';
import { sampleTopology } from '../view/testing';
import { fromCompose } from './compose';
import { mergeImported } from './merge';

const COMPOSE = `
services:
  shop:
    image: shop:2
    networks: [edge]
    depends_on: [cache]
  cache:
    image: redis:7
    networks: [edge, backoffice]
networks:
  edge: {}
  backoffice: {}
`;

function importedCompose() {
  const result = fromCompose(COMPOSE, { hostName: 'web' });
  if (!result.ok) throw new Error(result.error);
  return result.topology;
}

describe('mergeImported', () => {
  it('adds the services, their dependencies and a host to the chosen tier, renaming clashes and saying so', () => {
    const current = sampleTopology();
    const { topology, notes } = mergeImported(current, importedCompose(), 'large');
    const names = topology.services.map((s) => s.name);
    expect(names).toEqual([...current.services.map((s) => s.name), 'shop-2', 'cache']);
    expect(notes.map((n) => n.message).join('\n')).toMatch(/imported as "shop-2"[\s\S]*added as "web-2"/);
    const tier = topology.tiers.find((t) => t.id === 'large')!;
    expect(tier.hosts.map((h) => h.id)).toEqual(['web', 'data', 'web-2']);
    const shop2 = topology.services.find((s) => s.name === 'shop-2')!;
    expect(tier.placements.find((p) => p.service === shop2.id)?.host).toBe('web-2');
    expect(topology.dependencies).toContainEqual(expect.objectContaining({ from: shop2.id, to: 'cache' }));
    // The other tier is untouched.
    expect(topology.tiers.find((t) => t.id === 'small')).toEqual(current.tiers.find((t) => t.id === 'small'));
  });

  it('shares a plane of the same name and adds the others', () => {
    const { topology } = mergeImported(sampleTopology(), importedCompose(), 'small');
    expect(topology.planes.filter((p) => p.name.toLowerCase() === 'edge')).toHaveLength(1);
    expect(topology.services.find((s) => s.name === 'shop-2')?.plane).toBe('edge');
    expect(topology.planes.map((p) => p.name)).toContain('backoffice');
  });

  it('names the tiers that exist when asked for one that does not', () => {
    expect(() => mergeImported(sampleTopology(), importedCompose(), 'huge')).toThrow(/no tier "huge"; the file has "small", "large"/);
  });
});
