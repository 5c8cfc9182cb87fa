import { CURRENT_SCHEMA_VERSION, topologySchema, type ServiceInput, type Topology } from '../../shared/model';

export interface TestHost {
  name: string;
  address: string;
  port: number;
  user: string;
  dockerSocket: string;
}

export interface TestTopologyOptions {
  project: string;
  hosts: readonly TestHost[];
  identityFile?: string;
  image?: string;
  /** Host port web publishes on h3; distinct per test, since projects share the hosts. */
  webPort?: number;
  /** Per-service overrides, e.g. a health check that never passes. */
  override?: Record<string, Partial<ServiceInput>>;
  /** Index in `hosts` of each service's host; default db 0, cache 1, api 1, web 2. */
  placements?: Partial<Record<'db' | 'cache' | 'api' | 'web', number>>;
}

/**
 * An httpd service that is healthy ~1 s after start (testbed pitfalls: no `wget -T`). Checked
 * once a second, not faster: each check is a `runc exec`, ~0.25 s of CPU on the test machine.
 */
export function httpService(id: string, port: number, image: string, extra: Partial<ServiceInput> = {}): ServiceInput {
  return {
    id,
    name: id,
    kind: 'app',
    image,
    command: ['httpd', '-f', '-p', String(port), '-h', '/www'],
    ports: [{ container: port }],
    resources: { cpu: { limit: 0.5 }, memoryMiB: { request: 16, limit: 64 } },
    healthCheck: { command: ['wget', '-q', '-O', '-', `http://127.0.0.1:${port}/`], intervalSeconds: 1, timeoutSeconds: 5, retries: 10 },
    restart: 'unless-stopped',
    ...extra,
  };
}

/**
 * Four services over three hosts in three cold-start phases:
 * db (h1), cache (h2) → api (h2) → web (h3, published on `webPort`).
 */
export function fourServiceTopology(options: TestTopologyOptions): Topology {
  const image = options.image ?? 'local/busybox:1';
  const o = options.override ?? {};
  const at = { db: 0, cache: 1, api: 1, web: 2, ...options.placements };
  const hostOf = (service: keyof typeof at) => options.hosts[at[service]]!.name;
  const services = [
    httpService('db', 5432, image, { kind: 'database', plane: 'data', ...o.db }),
    httpService('cache', 6379, image, { kind: 'cache', plane: 'data', ...o.cache }),
    httpService('api', 8000, image, { plane: 'app', env: { MODE: 'test' }, ...o.api }),
    httpService('web', 8080, image, { plane: 'app', ports: [{ container: 8080, published: options.webPort ?? 18080 }], ...o.web }),
  ];
  return topologySchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    project: options.project,
    name: `Test ${options.project}`,
    environments: [{ id: 'test', name: 'Test', kind: 'development' }],
    planes: [
      { id: 'data', name: 'Data', color: '#22c55e' },
      { id: 'app', name: 'App', color: '#3b82f6' },
    ],
    services,
    dependencies: [
      { from: 'api', to: 'db' },
      { from: 'api', to: 'cache' },
      { from: 'web', to: 'api' },
    ],
    tiers: [
      {
        id: 'test',
        name: 'Test',
        hosts: options.hosts.map((h) => ({
          id: h.name,
          name: h.name,
          environment: 'test',
          cpu: 2,
          memoryMiB: 2048,
          ssh: { address: h.address, port: h.port, user: h.user, ...(options.identityFile ? { identityFile: options.identityFile } : {}) },
          dockerSocket: h.dockerSocket,
        })),
        placements: [
          { service: 'db', host: hostOf('db') },
          { service: 'cache', host: hostOf('cache') },
          { service: 'api', host: hostOf('api') },
          { service: 'web', host: hostOf('web') },
        ],
      },
    ],
  });
}
