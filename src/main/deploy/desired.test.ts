import { describe, expect, it } from 'vitest';
import { desiredState } from './desired';
import { LABEL } from './labels';
import { fourServiceTopology } from './test-topology';

const hosts = ['h1', 'h2', 'h3'].map((name, i) => ({ name, address: `192.0.2.${i + 1}`, port: 22, user: 'deploy', dockerSocket: '/var/run/docker.sock' }));
const noSecrets = { valueOf: async () => undefined };

describe('desired state', () => {
  it('gives every container its caps, health check, restart policy, networks and Stackdraft labels', async () => {
    const desired = await desiredState(fourServiceTopology({ project: 'shop', hosts }), 'test', { secrets: noSecrets });
    expect(desired.problems).toEqual([]);
    expect(desired.phases).toEqual([['db', 'cache'], ['api'], ['web']]);
    const api = desired.hosts.find((h) => h.host.id === 'h2')!.containers.find((c) => c.service === 'api')!;
    const body = api.createBody as { Labels: Record<string, string>; HostConfig: Record<string, unknown>; Healthcheck: { Test: string[]; Interval: number } };
    expect(api.name).toBe('shop-api');
    expect(body.Labels).toMatchObject({ [LABEL.project]: 'shop', [LABEL.tier]: 'test', [LABEL.service]: 'api', [LABEL.configHash]: api.hash });
    expect(body.HostConfig).toMatchObject({ NanoCpus: 5e8, Memory: 64 * 1024 * 1024, MemoryReservation: 16 * 1024 * 1024, Init: true, RestartPolicy: { Name: 'unless-stopped' }, NetworkMode: 'shop_app' });
    expect(body.Healthcheck.Test).toEqual(['CMD', 'wget', '-q', '-O', '-', 'http://127.0.0.1:8000/']);
    expect(body.Healthcheck.Interval).toBe(1_000_000_000);
    // api calls db and cache on the data plane of the same host: it joins that network too.
    expect(api.extraNetworks).toEqual(['shop_data']);
  });

  it('hashes the configuration: stable when nothing changes, different when the image changes', async () => {
    const a = await desiredState(fourServiceTopology({ project: 'shop', hosts }), 'test', { secrets: noSecrets });
    const b = await desiredState(fourServiceTopology({ project: 'shop', hosts }), 'test', { secrets: noSecrets });
    const c = await desiredState(fourServiceTopology({ project: 'shop', hosts, override: { api: { image: 'local/busybox:2' } } }), 'test', { secrets: noSecrets });
    const hashOf = (d: typeof a, service: string) => d.hosts.flatMap((h) => h.containers).find((x) => x.service === service)!.hash;
    expect(hashOf(a, 'api')).toBe(hashOf(b, 'api'));
    expect(hashOf(a, 'api')).not.toBe(hashOf(c, 'api'));
    expect(hashOf(a, 'db')).toBe(hashOf(c, 'db'));
  });

  it('puts a secret value only in the container environment, and names a secret that has no value', async () => {
    const topology = fourServiceTopology({ project: 'shop', hosts, override: { db: { secrets: [{ name: 'db-password', env: 'PGPASSWORD' }] }, api: { secrets: [{ name: 'api-key', env: 'KEY' }] } } });
    const desired = await desiredState(topology, 'test', { secrets: { valueOf: async (n) => (n === 'db-password' ? 's3cr3t-value' : undefined) } });
    expect(desired.problems).toEqual(['service "api" needs secret "api-key" (as KEY), but no value is stored for it']);
    const db = desired.hosts.flatMap((h) => h.containers).find((c) => c.service === 'db')!;
    expect((db.createBody as { Env: string[] }).Env).toContain('PGPASSWORD=s3cr3t-value');
    expect(JSON.stringify(db.summary)).not.toContain('s3cr3t');
    expect(JSON.stringify((db.createBody as { Labels: unknown }).Labels)).not.toContain('s3cr3t');
  });

  it('refuses a bind mount of the Docker socket unless allowed', async () => {
    // The model refuses this already; the deploy checks again in case a topology skipped it.
    const topology = fourServiceTopology({ project: 'shop', hosts });
    topology.services.find((s) => s.id === 'web')!.volumes = [{ type: 'bind', source: '/var/run/docker.sock', target: '/sock', readOnly: false }];
    const desired = await desiredState(topology, 'test', { secrets: noSecrets });
    expect(desired.problems[0]).toMatch(/"web" mounts \/var\/run\/docker.sock/);
  });

  it('waits at least the default health-check timeout, longer when a service\'s own check needs it, exactly an explicit override', async () => {
    const topology = fourServiceTopology({ project: 'shop', hosts, override: { db: { healthCheck: undefined } } });
    const waits = async (options: { healthTimeoutSeconds?: number; defaultHealthTimeoutSeconds?: number }) => {
      const desired = await desiredState(topology, 'test', { secrets: noSecrets, ...options });
      return Object.fromEntries(desired.hosts.flatMap((h) => h.containers).map((c) => [c.service, c.healthTimeoutMs / 1000]));
    };
    // api’s check: (1 s + 5 s) × 11 tries + 10 s = 76 s; db has no check.
    expect(await waits({})).toMatchObject({ db: 30, api: 76 });
    expect(await waits({ defaultHealthTimeoutSeconds: 120 })).toMatchObject({ db: 120, api: 120 });
    expect(await waits({ defaultHealthTimeoutSeconds: 5 })).toMatchObject({ db: 15, api: 76 });
    expect(await waits({ defaultHealthTimeoutSeconds: 120, healthTimeoutSeconds: 9 })).toMatchObject({ db: 9, api: 9 });
  });
});
