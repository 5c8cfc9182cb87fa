// Compose exports are judged by Debian's docker-compose (`config -q`), not only by
// reading the YAML back: a file the tool refuses is a broken export.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeConfigVerdicts } from '../../../../testbed/compose-config';
import { loadExamples } from '../../../../testbed/examples';
import { sampleTopology } from '../../view/testing';
import { toComposeFiles } from './index';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sd-compose-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes each file with its (empty) secret env files, as an operator would lay them out. */
async function writeOut(name: string, files: ReturnType<typeof toComposeFiles>): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files) {
    const folder = join(dir, name, file.host.id);
    await mkdir(join(folder, 'secrets'), { recursive: true });
    for (const env of file.secretEnvFiles) await writeFile(join(folder, env.path), '');
    const path = join(folder, file.fileName);
    await writeFile(path, file.text);
    paths.push(path);
  }
  return paths;
}

describe('toComposeFiles', () => {
  it('writes files docker-compose config accepts for every host of every tier of every example', async () => {
    const paths: string[] = [];
    for (const example of loadExamples()) {
      for (const tier of example.topology.tiers) paths.push(...(await writeOut(`${example.id}-${tier.id}`, toComposeFiles(example.topology, tier.id))));
    }
    expect(paths.length).toBeGreaterThan(30);
    const verdicts = await composeConfigVerdicts(paths);
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(verdicts).toHaveLength(paths.length);
  }, 120_000);

  it('is judged for real: docker-compose refuses a broken file', async () => {
    const [file] = toComposeFiles(sampleTopology(), 'small');
    const [path] = await writeOut('broken', [{ ...file!, text: file!.text.replace('restart:', 'restrat:') }]);
    const [verdict] = await composeConfigVerdicts([path!]);
    expect(verdict!.ok).toBe(false);
    expect(verdict!.message).toContain("'restrat'");
  }, 60_000);

  it('writes caps, health checks, healthy-gated hard dependencies and a network per plane', () => {
    const topology = sampleTopology();
    topology.services.find((s) => s.id === 'db')!.healthCheck = { command: ['pg_isready'], intervalSeconds: 5, timeoutSeconds: 2, retries: 3, startPeriodSeconds: 20 };
    topology.planes[1]!.internal = true;
    const [one] = toComposeFiles(topology, 'small');
    const compose = parse(one!.text);
    expect(one!.fileName).toBe('docker-compose.one.yml');
    expect(compose.services.shop.deploy).toEqual({
      replicas: 2,
      resources: { limits: { cpus: '1', memory: '1024M' }, reservations: { cpus: '0.5', memory: '512M' } },
    });
    expect(compose.services.shop.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    // A hard dependency without a health check can only wait for the start.
    expect(compose.services.proxy.depends_on).toEqual({ shop: { condition: 'service_started' } });
    expect(compose.services.db.healthcheck).toEqual({ test: ['CMD', 'pg_isready'], interval: '5s', timeout: '2s', retries: 3, start_period: '20s' });
    expect(compose.services.db.networks).toEqual(['data']);
    expect(compose.networks).toEqual({ edge: {}, data: { internal: true } });
    expect(compose.services.db.labels).toEqual({ 'io.stackdraft.project': 'shop', 'io.stackdraft.service': 'db' });
  });

  it('publishes only ports with a host port; the others are exposed, never published on a random host port', () => {
    const topology = sampleTopology();
    topology.services.find((s) => s.id === 'shop')!.ports = [
      { container: 8080, published: 80, protocol: 'tcp', bind: '127.0.0.1' },
      { container: 9090, protocol: 'tcp' },
      { container: 53, protocol: 'udp' },
    ];
    const shop = () => parse(toComposeFiles(topology, 'small')[0]!.text).services.shop;
    expect(shop().ports).toEqual([{ target: 8080, published: 80, protocol: 'tcp', host_ip: '127.0.0.1' }]);
    expect(shop().expose).toEqual(['9090', '53/udp']);
    const standIn = parse(toComposeFiles(topology, 'small', { standIn: { publishPorts: false, bindSourceRoot: '/tmp/t' } })[0]!.text).services.shop;
    expect(standIn.ports).toBeUndefined();
    expect(standIn.expose).toEqual(['8080', '9090', '53/udp']);
  });

  it('moves bind mount sources under a test root on request, never outside it', () => {
    const topology = sampleTopology();
    topology.services.find((s) => s.id === 'shop')!.volumes = [
      { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: true },
      { type: 'bind', source: '/', target: '/rootfs', readOnly: true },
      { type: 'bind', source: '../../etc', target: '/etc-up', readOnly: false },
      { type: 'volume', source: 'shop-data', target: '/data', readOnly: false },
    ];
    const shop = parse(toComposeFiles(topology, 'small', { standIn: { bindSourceRoot: '/tmp/t/' } })[0]!.text).services.shop;
    expect(shop.volumes.map((v: { source: string }) => v.source)).toEqual(['/tmp/t/var/run/docker.sock', '/tmp/t/root', '/tmp/t/etc', 'shop-data']);
  });

  it('writes secret references as env files with the names only, never values, and escapes $', () => {
    const topology = sampleTopology();
    const shop = topology.services.find((s) => s.id === 'shop')!;
    shop.secrets = [{ name: 'prod/shop/stripe-key', env: 'STRIPE_KEY' }];
    shop.env = { GREETING: 'costs $5', HOME_URL: 'https://shop.example' };
    const [one] = toComposeFiles(topology, 'small');
    const compose = parse(one!.text);
    expect(compose.services.shop.env_file).toEqual(['secrets/shop.env']);
    expect(compose.services.shop.environment).toEqual({ GREETING: 'costs $$5', HOME_URL: 'https://shop.example' });
    expect(one!.text).toContain('# secrets, never stored here: secrets/shop.env must define STRIPE_KEY (from "prod/shop/stripe-key")');
    expect(one!.secretEnvFiles).toEqual([{ path: 'secrets/shop.env', variables: [{ env: 'STRIPE_KEY', secret: 'prod/shop/stripe-key' }] }]);
  });

  it('splits a tier per host, notes dependencies on other hosts, and keeps jobs and hibernated services out of a plain up', () => {
    const topology = sampleTopology();
    topology.tiers[1]!.placements.find((p) => p.service === 'proxy')!.replicas = 0;
    const files = toComposeFiles(topology, 'large');
    expect(files.map((f) => f.fileName)).toEqual(['docker-compose.web.yml', 'docker-compose.data.yml']);
    const web = parse(files[0]!.text);
    expect(Object.keys(web.services)).toEqual(['proxy', 'shop']);
    expect(web.services.shop.depends_on).toBeUndefined();
    expect(files[0]!.text).toContain('# needs db on host data, not in this file');
    expect(web.services.proxy.profiles).toEqual(['hibernated']);
    const data = parse(files[1]!.text);
    expect(data.services.nightly.profiles).toEqual(['jobs']);
    expect(files[1]!.text).toContain('job on schedule "0 3 * * *"');
    expect(data.services.db.deploy.resources.limits.cpus).toBe('4');
  });
});
