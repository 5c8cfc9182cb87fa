import { CURRENT_SCHEMA_VERSION, topologySchema, type Topology, type TopologyInput } from '../model';

/**
 * A small but complete topology for unit tests: two planes, an external service, a
 * proxy, an app, a database, an unplaced job, hard and soft dependencies, and two tiers
 * (one host / two hosts). Pass overrides to vary it; the result is parsed, so defaults
 * are filled in exactly as when a file is opened.
 */
export function sampleTopology(overrides: Partial<TopologyInput> = {}): Topology {
  return topologySchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    project: 'shop',
    name: 'Shop',
    environments: [{ id: 'prod', name: 'Production', kind: 'production' }],
    planes: [
      { id: 'edge', name: 'Edge', color: '#3b82f6' },
      { id: 'data', name: 'Data', color: '#10b981' },
    ],
    services: [
      { id: 'stripe', name: 'stripe', kind: 'external' },
      {
        id: 'proxy',
        name: 'proxy',
        kind: 'proxy',
        plane: 'edge',
        image: 'traefik:3',
        exposure: 'public',
        resources: { cpu: { request: 0.25, limit: 0.5 }, memoryMiB: { request: 128, limit: 256 } },
      },
      {
        id: 'shop',
        name: 'shop',
        kind: 'app',
        plane: 'edge',
        image: 'shop:1',
        replicas: 2,
        resources: { cpu: { request: 0.5, limit: 1 }, memoryMiB: { request: 512, limit: 1024 } },
      },
      {
        id: 'db',
        name: 'db',
        kind: 'database',
        plane: 'data',
        image: 'postgres:17',
        stateful: true,
        resources: { cpu: { limit: 2 }, memoryMiB: { request: 1024, limit: 2048 } },
      },
      { id: 'nightly', name: 'nightly', kind: 'job', image: 'shop:1', schedule: '0 3 * * *' },
    ],
    dependencies: [
      { from: 'proxy', to: 'shop', kind: 'hard' },
      { from: 'shop', to: 'db', kind: 'hard', port: 5432 },
      { from: 'shop', to: 'stripe', kind: 'soft' },
    ],
    tiers: [
      {
        id: 'small',
        name: 'Small',
        hosts: [{ id: 'one', name: 'one', environment: 'prod', flavor: 'cax11', cpu: 2, memoryMiB: 4096, monthlyCost: 4.5, publicIp: true }],
        placements: [
          { service: 'proxy', host: 'one' },
          { service: 'shop', host: 'one' },
          { service: 'db', host: 'one' },
        ],
      },
      {
        id: 'large',
        name: 'Large',
        hosts: [
          { id: 'web', name: 'web', environment: 'prod', cpu: 4, memoryMiB: 8192, monthlyCost: 20, publicIp: true },
          { id: 'data', name: 'data', environment: 'prod', cpu: 4, memoryMiB: 16384, monthlyCost: 40 },
        ],
        placements: [
          { service: 'proxy', host: 'web' },
          { service: 'shop', host: 'web', replicas: 4 },
          { service: 'db', host: 'data', resources: { cpu: { request: 1, limit: 4 } } },
          { service: 'nightly', host: 'data' },
        ],
      },
    ],
    ...overrides,
  });
}
