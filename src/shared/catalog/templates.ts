import type { ServiceInput, ServiceKind } from '../model';

/** A palette entry for a service: what a new one starts as. */
export interface ServiceTemplate {
  id: string;
  label: string;
  kind: ServiceKind;
  /** The new service's id and container name start from this. */
  baseName: string;
  service: Omit<ServiceInput, 'id' | 'name'>;
}

const cmd = (...parts: string[]) => parts;
const health = (command: string[], startPeriodSeconds = 10) => ({ command, intervalSeconds: 10, timeoutSeconds: 5, retries: 3, startPeriodSeconds });
const caps = (cpuRequest: number, cpuLimit: number, memRequest: number, memLimit: number) => ({
  cpu: { request: cpuRequest, limit: cpuLimit },
  memoryMiB: { request: memRequest, limit: memLimit },
});

/**
 * Service templates with images, ports, caps and health checks that run as they are:
 * the caps are a starting point for a small production instance, not a benchmark.
 */
export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = [
  {
    id: 'app',
    label: 'App',
    kind: 'app',
    baseName: 'app',
    service: {
      kind: 'app',
      image: 'ghcr.io/example/app:1.0.0',
      ports: [{ container: 8080 }],
      resources: caps(0.25, 1, 256, 512),
      healthCheck: health(cmd('wget', '-q', '-O', '-', 'http://127.0.0.1:8080/health')),
    },
  },
  {
    id: 'postgres',
    label: 'PostgreSQL',
    kind: 'database',
    baseName: 'postgres',
    service: {
      kind: 'database',
      image: 'postgres:17',
      ports: [{ container: 5432 }],
      resources: caps(0.5, 2, 1024, 2048),
      volumes: [{ type: 'volume', source: 'postgres-data', target: '/var/lib/postgresql/data' }],
      secrets: [{ name: 'postgres/password', env: 'POSTGRES_PASSWORD' }],
      healthCheck: health(cmd('pg_isready', '-U', 'postgres'), 30),
      stateful: true,
      backup: { policy: 'scheduled', method: 'pg_dump', every: 'daily', retentionDays: 14, rpoHours: 24 },
    },
  },
  {
    id: 'mariadb',
    label: 'MariaDB',
    kind: 'database',
    baseName: 'mariadb',
    service: {
      kind: 'database',
      image: 'mariadb:11',
      ports: [{ container: 3306 }],
      resources: caps(0.5, 2, 1024, 2048),
      volumes: [{ type: 'volume', source: 'mariadb-data', target: '/var/lib/mysql' }],
      secrets: [{ name: 'mariadb/root-password', env: 'MARIADB_ROOT_PASSWORD' }],
      healthCheck: health(cmd('healthcheck.sh', '--connect', '--innodb_initialized'), 30),
      stateful: true,
      backup: { policy: 'scheduled', method: 'mariadb-dump', every: 'daily', retentionDays: 14, rpoHours: 24 },
    },
  },
  {
    id: 'mongodb',
    label: 'MongoDB',
    kind: 'database',
    baseName: 'mongodb',
    service: {
      kind: 'database',
      image: 'mongo:8',
      ports: [{ container: 27017 }],
      resources: caps(0.5, 2, 1024, 2048),
      volumes: [{ type: 'volume', source: 'mongodb-data', target: '/data/db' }],
      healthCheck: health(cmd('mongosh', '--quiet', '--eval', 'db.adminCommand("ping")'), 30),
      stateful: true,
      backup: { policy: 'scheduled', method: 'mongodump', every: 'daily', retentionDays: 14, rpoHours: 24 },
    },
  },
  {
    id: 'redis',
    label: 'Redis',
    kind: 'cache',
    baseName: 'redis',
    service: {
      kind: 'cache',
      image: 'redis:7-alpine',
      ports: [{ container: 6379 }],
      resources: caps(0.1, 0.5, 128, 256),
      healthCheck: health(cmd('redis-cli', 'ping')),
      stateful: true,
      backup: { policy: 'none', reason: 'cache: rebuilt from the database' },
    },
  },
  {
    id: 'rabbitmq',
    label: 'RabbitMQ',
    kind: 'queue',
    baseName: 'rabbitmq',
    service: {
      kind: 'queue',
      image: 'rabbitmq:4-management-alpine',
      ports: [{ container: 5672 }, { container: 15672 }],
      resources: caps(0.25, 1, 512, 1024),
      volumes: [{ type: 'volume', source: 'rabbitmq-data', target: '/var/lib/rabbitmq' }],
      healthCheck: health(cmd('rabbitmq-diagnostics', '-q', 'ping'), 30),
      stateful: true,
      backup: { policy: 'none', reason: 'messages are transient' },
    },
  },
  {
    id: 'nginx',
    label: 'nginx',
    kind: 'proxy',
    baseName: 'nginx',
    service: {
      kind: 'proxy',
      image: 'nginx:1.27-alpine',
      ports: [{ container: 80, published: 80 }, { container: 443, published: 443 }],
      exposure: 'public',
      resources: caps(0.1, 0.5, 64, 128),
      healthCheck: health(cmd('wget', '-q', '-O', '/dev/null', 'http://127.0.0.1/')),
    },
  },
  {
    id: 'traefik',
    label: 'Traefik',
    kind: 'proxy',
    baseName: 'traefik',
    service: {
      kind: 'proxy',
      image: 'traefik:3.3',
      ports: [{ container: 80, published: 80 }, { container: 443, published: 443 }],
      exposure: 'public',
      resources: caps(0.1, 0.5, 64, 256),
      healthCheck: health(cmd('traefik', 'healthcheck', '--ping')),
    },
  },
  {
    id: 'keycloak',
    label: 'Keycloak',
    kind: 'app',
    baseName: 'keycloak',
    service: {
      kind: 'app',
      image: 'quay.io/keycloak/keycloak:26.1',
      command: ['start', '--optimized'],
      ports: [{ container: 8080 }],
      resources: caps(0.5, 2, 768, 1536),
      secrets: [{ name: 'keycloak/admin-password', env: 'KC_BOOTSTRAP_ADMIN_PASSWORD' }],
      healthCheck: health(cmd('/opt/keycloak/bin/kc.sh', 'show-config'), 60),
    },
  },
  {
    id: 'minio',
    label: 'MinIO',
    kind: 'database',
    baseName: 'minio',
    service: {
      kind: 'database',
      image: 'minio/minio:RELEASE.2025-04-22T22-12-26Z',
      command: ['server', '/data', '--console-address', ':9001'],
      ports: [{ container: 9000 }, { container: 9001 }],
      resources: caps(0.25, 1, 512, 1024),
      volumes: [{ type: 'volume', source: 'minio-data', target: '/data' }],
      secrets: [{ name: 'minio/root-password', env: 'MINIO_ROOT_PASSWORD' }],
      healthCheck: health(cmd('mc', 'ready', 'local')),
      stateful: true,
      backup: { policy: 'scheduled', method: 'mc mirror', every: 'daily', retentionDays: 30, rpoHours: 24 },
    },
  },
  {
    id: 'static',
    label: 'Static site',
    kind: 'static',
    baseName: 'site',
    service: {
      kind: 'static',
      image: 'nginx:1.27-alpine',
      ports: [{ container: 80 }],
      resources: caps(0.05, 0.25, 32, 64),
      healthCheck: health(cmd('wget', '-q', '-O', '/dev/null', 'http://127.0.0.1/')),
    },
  },
  {
    id: 'job',
    label: 'Job',
    kind: 'job',
    baseName: 'job',
    service: {
      kind: 'job',
      image: 'ghcr.io/example/job:1.0.0',
      schedule: '0 3 * * *',
      restart: 'no',
      resources: caps(0.25, 1, 128, 512),
    },
  },
  {
    id: 'external',
    label: 'External',
    kind: 'external',
    baseName: 'external',
    service: { kind: 'external', description: 'Outside your hosts (SaaS, another team)' },
  },
];

export function serviceTemplate(id: string): ServiceTemplate | undefined {
  return SERVICE_TEMPLATES.find((t) => t.id === id);
}
