import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTestbed, type Testbed } from '../../../testbed/harness';
import { SshPool } from '../ssh/pool';
import { TrustStore } from '../ssh/trust-store';
import { dockerOverSsh } from './docker';

let testbed: Testbed;
let pool: SshPool;
beforeAll(async () => {
  testbed = await ensureTestbed();
  pool = new SshPool({ trust: await TrustStore.open(null, [testbed.knownHostsFile]), agentSocket: '' });
}, 60_000);
afterAll(() => pool.closeAll());

const connectionTo = (index: number) => {
  const h = testbed.hosts[index]!;
  return pool.get({ address: h.address, port: h.port, user: h.user, identityFile: testbed.identityFile });
};

describe('Docker over an SSH channel', () => {
  it('fails a call that gets no answer, saying so, and gives its channel back', async () => {
    // A socket that takes the request and never answers: a hung Docker, as sshd sees it.
    const dir = await mkdtemp(join(tmpdir(), 'stackdraft-silent-'));
    await chmod(dir, 0o755);
    const path = join(dir, 'silent.sock');
    const held: Socket[] = [];
    const server = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => server.listen(path, resolve));
    await chmod(path, 0o777);
    try {
      const connection = await connectionTo(0);
      const docker = dockerOverSsh(connection, path, { silenceMs: 1500 });
      await expect(docker.ping()).rejects.toThrow('Docker did not answer for 1.5 s');
      expect(held.length).toBe(1);
      await vi.waitFor(() => expect(connection.channelsInUse).toBe(0));
    } finally {
      held.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps a kept-alive channel open however long it sits idle, and answers through it', async () => {
    const connection = await connectionTo(1);
    const docker = dockerOverSsh(connection, testbed.hosts[1]!.dockerSocket, { silenceMs: 1000 });
    expect(String(await docker.ping())).toBe('OK');
    expect(connection.channelsInUse).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(connection.channelsInUse).toBe(1);
    expect(String(await docker.ping())).toBe('OK');
    expect(connection.channelsInUse).toBe(1);
  });
});
