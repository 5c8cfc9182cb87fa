import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../testing/hostile-strings';
import { serviceSchema, type ServiceInput } from './service';


const service = (overrides: Partial<ServiceInput>) => serviceSchema.safeParse({ id: 'web', name: 'web', kind: 'app', image: 'web:1', ...overrides });
const firstIssue = (overrides: Partial<ServiceInput>) => {
  const result = service(overrides);
  return result.success ? undefined : { path: result.error.issues[0]!.path.join('.'), message: result.error.issues[0]!.message };
};

describe('hostile strings in the model', () => {
  it.each(HOSTILE_STRINGS)('refuses %j as a container name or id, and says why', (text) => {
    expect(firstIssue({ name: text })).toMatchObject({ path: 'name', message: expect.stringContaining('Docker container or network name') });
    expect(firstIssue({ id: text })).toMatchObject({ path: 'id', message: expect.stringContaining('lowercase') });
  });

  it.each(HOSTILE_STRINGS)('keeps %j as an environment value, byte for byte', (text) => {
    const result = service({ env: { VALUE: text } });
    expect(result.success && result.data.env.VALUE).toBe(text);
  });

  it('refuses ".." in mount paths on either side', () => {
    expect(firstIssue({ volumes: [{ type: 'bind', source: '/srv/../etc', target: '/data' }] })).toMatchObject({ path: 'volumes.0.source' });
    expect(firstIssue({ volumes: [{ type: 'volume', source: 'data', target: '/data/../../x' }] })).toMatchObject({ path: 'volumes.0.target' });
  });

  it.each(['/', '/var/run/docker.sock', '/run/docker.sock', '/var/run', '/proc', '/sys/fs/cgroup', '/etc/', '/var/lib/docker/containers'])(
    'refuses a bind mount of %s unless the service allows sensitive mounts',
    (source) => {
      const volumes = [{ type: 'bind' as const, source, target: '/host' }];
      expect(firstIssue({ volumes })).toMatchObject({ path: 'volumes.0.source', message: expect.stringContaining('allowSensitiveMounts: true') });
      expect(service({ volumes, allowSensitiveMounts: true }).success).toBe(true);
    },
  );

  it('lets ordinary host paths through', () => {
    for (const source of ['/srv/app', '/opt/traefik/letsencrypt', '/etcetera', '/var/lib/dockerish', '/home/deploy/data']) {
      expect(service({ volumes: [{ type: 'bind', source, target: '/data' }] }).success).toBe(true);
    }
  });

  it('refuses labels that could pass for Stackdraft\'s own', () => {
    expect(firstIssue({ labels: { 'io.stackdraft.project': 'other' } })).toMatchObject({ message: expect.stringContaining('reserved') });
  });
});
