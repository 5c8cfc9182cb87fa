import { describe, expect, it } from 'vitest';
import { emptyTopology, topologySchema } from '../model';
import { loadTopology } from './load';
import { serializeTopology } from './save';

describe('serializeTopology', () => {
  it('writes schemaVersion first and keys in schema order whatever the input order', () => {
    const topology = topologySchema.parse({
      tiers: [],
      name: 'Demo',
      services: [{ image: 'nginx:1.27', kind: 'app', name: 'web', id: 'web' }],
      project: 'demo',
      schemaVersion: 2,
    });
    expect(serializeTopology(topology)).toBe(
      'schemaVersion: 2\nproject: demo\nname: Demo\nservices:\n  - id: web\n    name: web\n    kind: app\n    image: nginx:1.27\n',
    );
  });

  it('leaves out values equal to their defaults and keeps the ones that differ', () => {
    const topology = topologySchema.parse({
      schemaVersion: 2,
      project: 'demo',
      name: 'Demo',
      services: [{ id: 'web', name: 'web', kind: 'app', image: 'nginx', restart: 'always', ports: [{ container: 80, protocol: 'tcp' }] }],
    });
    const text = serializeTopology(topology);
    expect(text).toContain('restart: always');
    expect(text).toContain('- {container: 80}');
    expect(text).not.toMatch(/protocol|stateful|replicas|currency/);
  });

  it('writes layout positions one per line so a move is a one-line diff', () => {
    const topology = { ...emptyTopology(), layout: { 'host/a': { 'service:web': { x: 10, y: 20 }, 'host:h1': { x: 0, y: 0, width: 300, height: 200 } } } };
    const text = serializeTopology(topology);
    expect(text).toContain('layout:\n  host/a:\n    service:web: {x: 10, y: 20}\n    host:h1: {x: 0, y: 0, width: 300, height: 200}\n');
  });

  it('keeps hostile strings intact through a save and a load', () => {
    const hostile = 'a"b\'c $(rm -rf /) `id` \n--- &x *y # ü 🚀 \\ {}[]';
    const topology = topologySchema.parse({
      schemaVersion: 2,
      project: 'demo',
      name: hostile,
      services: [{ id: 'web', name: 'web', kind: 'app', image: 'nginx', env: { VALUE: hostile } }],
    });
    const reloaded = loadTopology(serializeTopology(topology));
    expect(reloaded.ok && reloaded.topology).toEqual(topology);
  });
});
