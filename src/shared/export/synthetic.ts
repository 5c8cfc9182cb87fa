import { CURRENT_SCHEMA_VERSION, topologySchema, type Topology } from '../model';

/**
 * A generated topology of `services` services for benchmarks and limit tests: ten hosts
 * in two environments, four planes, and about two dependencies per service (a hard one
 * on a store of its group, a soft one across groups), like a large real platform.
 */
export function syntheticTopology(services: number): Topology {
  const hosts = Math.max(1, Math.min(10, Math.ceil(services / 20)));
  const planes = ['edge', 'app', 'data', 'ops'];
  const list = Array.from({ length: services }, (_, i) => ({
    id: `svc-${i}`,
    name: `svc-${i}`,
    kind: i % 10 === 0 ? ('database' as const) : ('app' as const),
    plane: planes[i % planes.length],
    image: `registry.example/svc-${i}:1`,
    ports: [{ container: 8080 }],
    resources: { cpu: { request: 0.1, limit: 0.5 }, memoryMiB: { request: 128, limit: 256 } },
  }));
  const dependencies = [];
  for (let i = 1; i < services; i++) {
    const store = i - (i % 10);
    if (store !== i) dependencies.push({ from: `svc-${i}`, to: `svc-${store}`, kind: 'hard' as const, port: 5432 });
    const across = (i * 7 + 3) % services;
    if (across !== i && across !== store) dependencies.push({ from: `svc-${i}`, to: `svc-${across}`, kind: 'soft' as const });
  }
  return topologySchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    project: 'synthetic',
    name: `Synthetic ${services}`,
    environments: [
      { id: 'prod', name: 'Production', kind: 'production' },
      { id: 'stage', name: 'Stage', kind: 'staging' },
    ],
    planes: planes.map((id, i) => ({ id, name: id, color: ['#3b82f6', '#f59e0b', '#10b981', '#64748b'][i] })),
    services: list,
    dependencies,
    tiers: [
      {
        id: 'main',
        name: 'Main',
        hosts: Array.from({ length: hosts }, (_, h) => ({ id: `host-${h}`, name: `host-${h}`, environment: h === hosts - 1 && hosts > 1 ? 'stage' : 'prod', cpu: 64, memoryMiB: 262144 })),
        placements: list.map((s, i) => ({ service: s.id, host: `host-${i % hosts}` })),
      },
    ],
  });
}
