import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toComposeFiles } from '../export/compose';
import { sampleTopology } from '../view/testing';
import { loadExamples } from '../../../testbed/examples';
import { fromCompose } from './index';

function imported(text: string) {
  const result = fromCompose(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** Compose output without our comments: what docker-compose reads. */
const data = (text: string) => parse(text, { version: '1.1' });

describe('fromCompose', () => {
  it('round-trips every supported field: export, import, export gives the same compose file', () => {
    const topology = sampleTopology();
    const shop = topology.services.find((s) => s.id === 'shop')!;
    shop.env = { GREETING: 'costs $5', MODE: 'no' };
    shop.command = ['serve', '--port', '8080'];
    shop.ports = [{ container: 8080, published: 80, protocol: 'tcp', bind: '127.0.0.1' }, { container: 53, protocol: 'udp' }];
    shop.labels = { team: 'web' };
    shop.volumes = [{ type: 'volume', source: 'shop-data', target: '/data', readOnly: true }, { type: 'bind', source: '/srv/shop', target: '/srv', readOnly: false }];
    topology.services.find((s) => s.id === 'db')!.healthCheck = { command: ['pg_isready', '-U', 'x'], intervalSeconds: 5, timeoutSeconds: 2, retries: 4, startPeriodSeconds: 30 };
    topology.planes[1]!.internal = true;
    for (const example of [topology, ...loadExamples().map((e) => e.topology)]) {
      for (const tier of example.tiers) {
        for (const file of toComposeFiles(example, tier.id)) {
          const back = imported(file.text);
          const [again] = toComposeFiles({ ...back.topology, project: example.project }, 'imported');
          const strip = (compose: { services: Record<string, Record<string, unknown>> }) => {
            // Secrets become env files on export and are reported (names only) on import.
            for (const s of Object.values(compose.services)) delete s.env_file;
            return compose;
          };
          expect(strip(data(again!.text))).toEqual(strip(data(file.text)));
        }
      }
    }
  });

  it('reads v2/v3 short forms: port strings, env lists, depends_on lists, memory units', () => {
    const { topology, notes } = imported(`
version: "2.4"
services:
  web:
    image: nginx:1.27
    command: nginx -g 'daemon off;'
    ports: ["8080:80", "127.0.0.1:8443:443/tcp", "9000"]
    environment: [A=1, "B=x=y"]
    depends_on: [api]
    restart: "no"
    networks: [front]
    deploy:
      resources: {limits: {cpus: "0.5", memory: 1g}, reservations: {memory: 256m}}
  api:
    image: postgres:17
    healthcheck: {test: "pg_isready", interval: 1m30s}
networks:
  front: {internal: true}
`);
    const web = topology.services.find((s) => s.id === 'web')!;
    expect(web.kind).toBe('proxy');
    expect(web.command).toEqual(['nginx', '-g', 'daemon off;']);
    expect(web.ports).toEqual([
      { container: 80, published: 8080, protocol: 'tcp' },
      { container: 443, published: 8443, protocol: 'tcp', bind: '127.0.0.1' },
      { container: 9000, protocol: 'tcp' },
    ]);
    expect(web.env).toEqual({ A: '1', B: 'x=y' });
    expect(web.restart).toBe('no');
    expect(web.resources).toEqual({ cpu: { limit: 0.5 }, memoryMiB: { request: 256, limit: 1024 } });
    expect(topology.planes).toEqual([expect.objectContaining({ id: 'front', internal: true })]);
    expect(topology.dependencies).toEqual([expect.objectContaining({ from: 'web', to: 'api', kind: 'hard' })]);
    const api = topology.services.find((s) => s.id === 'api')!;
    expect(api).toMatchObject({ kind: 'database', stateful: true, healthCheck: { command: ['/bin/sh', '-c', 'pg_isready'], intervalSeconds: 90 } });
    expect(notes.map((n) => n.where)).toEqual(['tiers.imported.hosts.host-1']);
  });

  it('lists every key it cannot represent, with its path', () => {
    const { notes } = imported(`
services:
  app:
    image: app:1
    cap_add: [NET_ADMIN]
    env_file: .env
    environment: {FROM_SHELL: null}
    ports: ["8000-8010:8000-8010"]
    networks: [a, b]
    deploy: {placement: {constraints: [x]}}
    healthcheck: {test: [NONE]}
    volumes: ["./data:/data"]
secrets:
  token: {file: ./token}
x-common: {}
`);
    expect(notes.map((n) => `${n.where}: ${n.message}`)).toEqual([
      'secrets: top-level "secrets" is not represented',
      'x-common: top-level "x-common" is not represented',
      'services.app.cap_add: "cap_add" is not represented',
      'services.app.ports[0]: ""8000-8010:8000-8010"" (port ranges and options) is not represented',
      'services.app.environment.FROM_SHELL: has no value (taken from the shell at run time); not represented',
      'services.app.env_file: env files may hold secrets: add each as a secret reference (name only) by hand',
      'services.app.volumes[0]: relative bind mount "./data" is not represented: use an absolute host path',
      'services.app.networks: is on 2 networks; its plane is "a", the others are not represented',
      'services.app.deploy.placement: "deploy.placement" is not represented',
      'services.app.healthcheck.test: is not a health check command Stackdraft can run',
      'tiers.imported.hosts.host-1: the host size (2 vCPU, 4 GiB) is a placeholder: set the real one',
    ]);
  });

  it('says what is wrong with a file that is not compose', () => {
    expect(fromCompose('just: text')).toEqual({ ok: false, error: 'not a compose file: it has no "services" map' });
    const broken = fromCompose('services:\n  a: [');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/line 2/);
  });
});
