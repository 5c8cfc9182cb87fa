import { describe, expect, it } from 'vitest';
import { fromSshConfig } from './index';

describe('fromSshConfig', () => {
  it('reads each concrete Host with HostName, Port, User and IdentityFile, and notes what it skips', () => {
    const { hosts, notes } = fromSshConfig(`
# laptop config
Include ~/.ssh/work.conf
Host *
  ServerAliveInterval 30
Host edge edge-alias
  HostName 192.0.2.10
  Port 2222
  User deploy
  IdentityFile ~/.ssh/edge_ed25519
  IdentityFile ~/.ssh/other
Host db.example
  User=ops
Match host *.internal
  User nobody
`);
    expect(hosts).toEqual([
      { alias: 'edge', address: '192.0.2.10', port: 2222, user: 'deploy', identityFile: '~/.ssh/edge_ed25519' },
      { alias: 'edge-alias', address: '192.0.2.10', port: 2222, user: 'deploy', identityFile: '~/.ssh/edge_ed25519' },
      { alias: 'db.example', address: 'db.example', user: 'ops' },
    ]);
    expect(notes).toEqual([
      { where: 'line 3', message: 'Include "~/.ssh/work.conf" is not followed; import that file too' },
      { where: 'line 4', message: 'pattern "*" is not a single host; skipped' },
      { where: 'line 14', message: 'Match blocks are not read' },
    ]);
  });
});

describe('addSshHosts', () => {
  it('adds the hosts to a tier with their SSH target, skipping taken ids and invalid users', async () => {
    const { sampleTopology } = await import('../view/testing');
    const { addSshHosts } = await import('./index');
    const { topology, notes } = addSshHosts(sampleTopology(), 'small', [
      { alias: 'edge', address: '192.0.2.10', port: 2222, user: 'deploy' },
      { alias: 'one', address: 'one.example' },
      { alias: 'bad', address: 'bad.example', user: 'Root; rm' },
    ]);
    const hosts = topology.tiers[0]!.hosts;
    expect(hosts.map((h) => h.id)).toEqual(['one', 'edge']);
    expect(hosts[1]!.ssh).toEqual({ address: '192.0.2.10', port: 2222, user: 'deploy' });
    expect(notes.map((n) => n.where)).toEqual(['Host edge', 'Host one', 'Host bad']);
    expect(notes[2]!.message).toMatch(/^ssh\.user must be a valid user name; skipped$/);
  });
});
