import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTopology, serializeTopology } from '../../shared/format';
import { sampleTopology } from '../../shared/view/testing';
import { runCli } from '../main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'sd-cli-import-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('stackdraft import', () => {
  it('turns a compose file into a topology that opens, and lists what it left out', async () => {
    const compose = file('docker-compose.yml', 'services:\n  web:\n    image: nginx:1\n    depends_on: [db]\n    cap_add: [NET_ADMIN]\n  db:\n    image: postgres:17\n');
    const out = join(dir, 'imported.stackdraft.yaml');
    const run = capture();
    expect(await runCli(['import', 'compose', compose, '-o', out, '--project', 'shop', '--host', 'vps'], run.output)).toBe(0);
    expect(run.out.join('\n')).toContain('2 services, 1 dependencies; 2 note(s)');
    expect(run.err.join('\n')).toContain(`note: ${compose}: services.web.cap_add: "cap_add" is not represented`);
    const loaded = loadTopology(readFileSync(out, 'utf8'));
    expect(loaded.ok && loaded.topology.tiers[0]!.hosts[0]!.name).toBe('vps');
    // A second import does not overwrite the first without --force.
    const again = capture();
    expect(await runCli(['import', 'compose', compose, '-o', out], again.output)).toBe(2);
    expect(again.err.join('\n')).toContain('exists; pass --force');
  });

  it('adds ssh config hosts to a tier of an existing topology', async () => {
    const into = file('shop.stackdraft.yaml', serializeTopology(sampleTopology()));
    const config = file('ssh_config', 'Host edge\n  HostName 192.0.2.7\n  User deploy\n');
    const out = join(dir, 'with-hosts.stackdraft.yaml');
    const run = capture();
    expect(await runCli(['import', 'ssh-config', config, '--into', into, '--tier', 'small', '-o', out], run.output)).toBe(0);
    const loaded = loadTopology(readFileSync(out, 'utf8'));
    expect(loaded.ok && loaded.topology.tiers[0]!.hosts.map((h) => h.ssh?.address ?? h.id)).toEqual(['one', '192.0.2.7']);
  });

  it('says what is wrong with a file that is not compose', async () => {
    const run = capture();
    expect(await runCli(['import', 'compose', file('x.yml', 'a: 1\n'), '-o', join(dir, 'x.stackdraft.yaml')], run.output)).toBe(1);
    expect(run.err.join('\n')).toContain('not a compose file: it has no "services" map');
  });
});
