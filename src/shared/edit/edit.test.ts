import { describe, expect, it } from 'vitest';
import { serviceTemplate, HOST_FLAVORS } from '../catalog';
import { indexTopology, topologySchema, type Topology } from '../model';
import { sampleTopology } from '../view/testing';
import { addHost, addPlane, addService, addTier, connect, copyFragment, deleteItems, deletionImpact, deleteTier, duplicateTier, moveTier, pasteFragment, placeService, renameTier, setPositions, toggleDependencyKind, updateService } from '.';

/** Every edit must leave a document the file format accepts. */
function valid(t: Topology): Topology {
  const parsed = topologySchema.safeParse(t);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return t;
}
const postgres = serviceTemplate('postgres')!;
const cax11 = HOST_FLAVORS.find((f) => f.flavor === 'cax11')!;
const hostOf = (t: Topology, tierId: string, serviceId: string) => t.tiers.find((x) => x.id === tierId)!.placements.find((p) => p.service === serviceId)?.host;

describe('services', () => {
  it('adds a service from a template with a unique id and name, placed on the host it was dropped on', () => {
    const t = sampleTopology();
    const first = addService(t, postgres, { tierId: 'small', hostId: 'one' });
    const second = addService(first.topology, postgres, { tierId: 'small', hostId: null });
    valid(second.topology);
    expect([first.serviceId, second.serviceId]).toEqual(['postgres', 'postgres-2']);
    expect(hostOf(second.topology, 'small', 'postgres')).toBe('one');
    expect(indexTopology(second.topology).tier('small')!.unplaced.map((s) => s.id)).toContain('postgres-2');
    expect(second.topology.services.at(-1)).toMatchObject({ image: 'postgres:17', stateful: true, resources: { memoryMiB: { limit: 2048 } } });
  });

  it('moves a service between hosts of one tier only, keeping its overrides', () => {
    const t = sampleTopology();
    const moved = valid(placeService(t, 'large', 'shop', 'data'));
    expect(hostOf(moved, 'large', 'shop')).toBe('data');
    expect(moved.tiers[1]!.placements.find((p) => p.service === 'shop')!.replicas).toBe(4);
    expect(hostOf(moved, 'small', 'shop')).toBe('one');
    expect(placeService(t, 'large', 'shop', 'nope')).toBe(t);
    const unplaced = valid(placeService(t, 'small', 'db', null));
    expect(hostOf(unplaced, 'small', 'db')).toBeUndefined();
  });

  it('puts a moved service where it was dropped in its new host', () => {
    const t = setPositions(sampleTopology(), 'host/large', { 'service:shop': { x: 500, y: 500 } });
    expect(placeService(t, 'large', 'shop', 'data').layout['host/large']!['service:shop']).toBeUndefined();
    expect(placeService(t, 'large', 'shop', 'data', { x: 16.4, y: 120 }).layout['host/large']!['service:shop']).toEqual({ x: 16, y: 120 });
  });

  it('updates fields of one service', () => {
    const t = updateService(sampleTopology(), 'db', { image: 'postgres:18' });
    expect(t.services.find((s) => s.id === 'db')!.image).toBe('postgres:18');
  });
});

describe('hosts, planes and dependencies', () => {
  it('adds a host of a flavor to the current tier only, at the drop position', () => {
    const { topology, hostId } = addHost(sampleTopology(), 'large', cax11, { x: 10.2, y: 20 })!;
    valid(topology);
    expect(topology.tiers[1]!.hosts.at(-1)).toMatchObject({ id: hostId, flavor: 'cax11', cpu: 2, memoryMiB: 4096, monthlyCost: 3.79, environment: 'prod' });
    expect(topology.tiers[0]!.hosts).toHaveLength(1);
    expect(topology.layout['host/large']![`host:${hostId}`]).toEqual({ x: 10, y: 20 });
  });

  it('creates an environment for the first host of an empty document', () => {
    const t = addTier(topologySchema.parse({ schemaVersion: 2, project: 'p', name: 'P' })).topology;
    const { topology } = addHost(t, t.tiers[0]!.id, cax11)!;
    valid(topology);
    expect(topology.environments).toHaveLength(1);
  });

  it('adds planes with unused colours', () => {
    const { topology, planeId } = addPlane(sampleTopology(), 'Identity');
    valid(topology);
    expect(planeId).toBe('identity');
    expect(topology.planes.at(-1)!.color).not.toMatch(/#3b82f6|#10b981/);
  });

  it('connects services once, refusing self-loops and duplicates with a reason', () => {
    const t = sampleTopology();
    const ok = connect(t, 'nightly', 'db');
    expect('topology' in ok && valid(ok.topology).dependencies.at(-1)).toEqual({ from: 'nightly', to: 'db', kind: 'hard' });
    expect(connect(t, 'db', 'db')).toEqual({ error: 'A service cannot depend on itself.' });
    expect(connect(t, 'shop', 'db')).toEqual({ error: '"shop" already depends on "db".' });
    expect(toggleDependencyKind(t, 'shop', 'db').dependencies.find((d) => d.to === 'db')!.kind).toBe('soft');
  });
});

describe('delete', () => {
  it('shows what a deletion takes along and removes it everywhere', () => {
    const t = sampleTopology();
    expect(deletionImpact(t, 'small', { services: ['db'] })).toEqual({ dependencies: [{ from: 'shop', to: 'db', kind: 'hard' }], dependents: ['shop'], unplaced: [], withoutPlane: [] });
    const next = valid(deleteItems(t, 'small', { services: ['db'] }));
    expect(next.services.some((s) => s.id === 'db')).toBe(false);
    expect(next.dependencies.some((d) => d.to === 'db')).toBe(false);
    expect(next.tiers.every((tier) => tier.placements.every((p) => p.service !== 'db'))).toBe(true);
  });

  it('sends the services of a deleted host back to the tray, in that tier only', () => {
    const t = sampleTopology();
    expect(deletionImpact(t, 'large', { hosts: ['data'] }).unplaced).toEqual(['db', 'nightly']);
    const next = valid(deleteItems(t, 'large', { hosts: ['data'] }));
    expect(indexTopology(next).tier('large')!.unplaced.map((s) => s.id)).toEqual(['db', 'nightly']);
    expect(next.services).toHaveLength(t.services.length);
  });

  it('keeps services of a deleted plane, without a plane', () => {
    const next = valid(deleteItems(sampleTopology(), null, { planes: ['data'] }));
    expect(next.services.find((s) => s.id === 'db')!.plane).toBeUndefined();
  });
});

describe('tiers', () => {
  it('duplicates a tier after itself with hosts, placements and layout', () => {
    const t = setPositions(sampleTopology(), 'host/small', { 'host:one': { x: 5, y: 5 } });
    const { topology, tierId } = duplicateTier(t, 'small')!;
    valid(topology);
    expect(topology.tiers.map((x) => x.id)).toEqual(['small', tierId, 'large']);
    expect(topology.tiers[1]).toMatchObject({ name: 'Small copy', hosts: t.tiers[0]!.hosts, placements: t.tiers[0]!.placements });
    expect(topology.layout[`host/${tierId}`]).toEqual({ 'host:one': { x: 5, y: 5 } });
    // The copy is independent: moving a service in it leaves the original alone.
    expect(hostOf(placeService(topology, tierId, 'db', null), 'small', 'db')).toBe('one');
  });

  it('adds, renames, moves and deletes tiers', () => {
    let t = addTier(sampleTopology(), 'Tier D').topology;
    expect(t.tiers.at(-1)).toMatchObject({ id: 'tier-d', name: 'Tier D', hosts: [] });
    t = renameTier(t, 'tier-d', '  Huge ');
    expect(t.tiers.at(-1)!.name).toBe('Huge');
    expect(renameTier(t, 'tier-d', '   ')).toBe(t);
    t = moveTier(t, 'tier-d', -5);
    expect(t.tiers.map((x) => x.id)).toEqual(['tier-d', 'small', 'large']);
    t = valid(deleteTier(t, 'small'));
    expect(t.tiers.map((x) => x.id)).toEqual(['tier-d', 'large']);
  });
});

describe('clipboard', () => {
  it('pastes copies with fresh ids, keeping dependencies between the copied services', () => {
    const t = sampleTopology();
    const fragment = copyFragment(t, 'small', ['shop', 'db'], [])!;
    const pasted = pasteFragment(t, 'small', fragment);
    valid(pasted.topology);
    expect(pasted.serviceIds).toEqual(['shop-2', 'db-2']);
    expect(pasted.topology.dependencies).toContainEqual({ from: 'shop-2', to: 'db-2', kind: 'hard', port: 5432 });
    expect(pasted.topology.dependencies.some((d) => d.from === 'proxy' && d.to === 'shop-2')).toBe(false);
  });

  it('copies a host with what runs on it', () => {
    const t = sampleTopology();
    const pasted = pasteFragment(t, 'large', copyFragment(t, 'large', [], ['data'])!);
    valid(pasted.topology);
    expect(pasted.hostIds).toEqual(['data-2']);
    expect(indexTopology(pasted.topology).tier('large')!.servicesByHost.get('data-2')!.map((s) => s.id)).toEqual(['db-2', 'nightly-2']);
  });
});
