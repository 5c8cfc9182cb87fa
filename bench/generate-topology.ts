import { CURRENT_SCHEMA_VERSION, topologySchema, type Topology } from '../src/shared/model';

/**
 * A large, realistic topology for benchmarks: `systems` systems of 10 services (a
 * database, a cache, seven apps, a nightly job) spread over `hosts` hosts in one tier, on
 * four planes, with hard dependencies inside a system, soft ones across systems, every
 * app hard-needing a shared auth service, and a sprinkle of real findings (a plain
 * secret, missing limits, a published database port, a stage host running prod).
 */
export function generateTopology(systems = 200, hosts = 50): Topology {
  const services: unknown[] = [];
  const dependencies: unknown[] = [];
  const placements: unknown[] = [];
  const host = (i: number) => `host-${i % hosts}`;
  for (let s = 0; s < systems; s++) {
    const id = (name: string) => `${name}-${s}`;
    const on = host(s);
    const base = (name: string, kind: string, extra: object = {}) => ({
      id: id(name),
      name: id(name),
      kind,
      image: `registry.example/${name}:1`,
      plane: kind === 'database' || kind === 'cache' ? 'data' : 'app',
      env: { LOG_LEVEL: 'info', REGION: 'eu', ...(s % 100 === 7 && name === 'app1' ? { DB_PASSWORD: 'hunter2' } : {}) },
      resources: s % 50 === 3 && name === 'app2' ? {} : { cpu: { request: 0.02, limit: 0.03 }, memoryMiB: { request: 32, limit: 64 } },
      healthCheck: { command: ['/bin/true'] },
      ...extra,
    });
    services.push(
      base('db', 'database', {
        stateful: true,
        backup: { policy: 'scheduled', rpoHours: 24 },
        ports: s % 40 === 5 ? [{ container: 5432, published: 15432 }] : [{ container: 5432 }],
        volumes: [{ type: 'volume', source: id('pgdata'), target: '/var/lib/postgresql', sizeGiB: 1 }],
      }),
      base('cache', 'cache'),
    );
    for (let a = 0; a < 7; a++) {
      services.push(base(`app${a}`, 'app', { ports: [{ container: 8080, published: 20000 + s * 10 + a }] }));
      dependencies.push({ from: id(`app${a}`), to: id('db'), kind: 'hard' }, { from: id(`app${a}`), to: id('cache'), kind: 'hard' });
      if (s > 0) dependencies.push({ from: id(`app${a}`), to: 'app0-0', kind: 'hard' });
      if (s > 1 && a === 1) dependencies.push({ from: id('app1'), to: `app2-${s - 1}`, kind: 'soft' });
    }
    services.push(base('job', 'job', { schedule: '0 3 * * *' }));
    dependencies.push({ from: id('job'), to: id('db'), kind: 'soft' });
    for (const name of ['db', 'cache', 'app0', 'app1', 'app2', 'app3', 'app4', 'app5', 'app6', 'job']) placements.push({ service: id(name), host: on });
  }
  // Through JSON text, as a loaded file would be: flat strings, not template-literal ropes.
  return topologySchema.parse(JSON.parse(JSON.stringify({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    project: 'bench',
    name: 'Benchmark',
    environments: [
      { id: 'prod', name: 'Production', kind: 'production' },
      { id: 'stage', name: 'Stage', kind: 'staging' },
    ],
    planes: [
      { id: 'edge', name: 'Edge', color: '#3b82f6', mayCall: ['app'] },
      { id: 'app', name: 'App', color: '#f59e0b', mayCall: ['data', 'app'] },
      { id: 'data', name: 'Data', color: '#10b981', mayCall: [] },
      { id: 'ops', name: 'Ops', color: '#64748b' },
    ],
    services,
    dependencies,
    tiers: [
      {
        id: 'big',
        name: 'Big',
        hosts: Array.from({ length: hosts }, (_, i) => ({
          id: `host-${i}`,
          name: `host-${i}`,
          environment: i >= hosts - 5 ? 'stage' : 'prod',
          cpu: 2,
          memoryMiB: 4096,
          diskGiB: 100,
          monthlyCost: 20,
          publicIp: i % 10 === 5,
        })),
        placements,
      },
    ],
  })));
}
