import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSshConfigHosts } from './ssh-config-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssh-config-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('readSshConfigHosts', () => {
  it('reads the hosts of a real file and lists what it skipped', async () => {
    const path = join(dir, 'config');
    await writeFile(path, 'Host edge\n  HostName 10.0.0.5\n  Port 2222\n  User ops\n  IdentityFile ~/.ssh/edge\nHost *\n  ServerAliveInterval 30\n');
    const read = await readSshConfigHosts(path);
    expect(read.path).toBe(path);
    expect(read.hosts).toEqual([{ alias: 'edge', address: '10.0.0.5', port: 2222, user: 'ops', identityFile: '~/.ssh/edge' }]);
    expect(read.notes.map((n) => n.where).join(' ')).toMatch(/line 6/);
  });

  it('says which file is missing', async () => {
    await expect(readSshConfigHosts(join(dir, 'nope'))).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(join(dir, 'nope')) });
  });
});
