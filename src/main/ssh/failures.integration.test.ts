import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killQuietly, sshdSessionFor } from '../../../testbed/faults';
import { ensureTestbed, type Testbed } from '../../../testbed/harness';
import { SshConnection } from './connection';
import type { SshError } from './errors';
import { SshPool } from './pool';
import { TrustStore } from './trust-store';

let testbed: Testbed;
let scratch: string;
beforeAll(async () => {
  testbed = await ensureTestbed();
  scratch = await mkdtemp(join(tmpdir(), 'sd-ssh-failures-'));
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

const targetOf = (index: number, identityFile = testbed.identityFile) => {
  const h = testbed.hosts[index]!;
  return { address: h.address, port: h.port, user: h.user, identityFile };
};
const trust = () => TrustStore.open(null, [testbed.knownHostsFile]);

describe('SSH failure modes say what happened and where', () => {
  it('refused authentication: a key that is not in authorized_keys', { timeout: 60_000 }, async () => {
    const stranger = join(scratch, 'stranger_ed25519');
    await promisify(execFile)('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    const refused = await SshConnection.connect(targetOf(0, stranger), { trust: await trust(), agentSocket: '' }).catch((e: SshError) => e);
    expect(refused).toMatchObject({ code: 'AUTH_FAILED' });
    expect((refused as Error).message).toContain(`sdtest@${testbed.hosts[0]!.address}`);
    expect((refused as Error).message).toMatch(/refused every key.*authorized_keys/);
  });

  it('handshake timeout: a port that accepts TCP but never speaks SSH', { timeout: 60_000 }, async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const target = { address: '127.0.0.1', port, user: 'sdtest', identityFile: testbed.identityFile };
      const error = await SshConnection.connect(target, { trust: await trust(), agentSocket: '', readyTimeoutMs: 1500 }).catch((e: SshError) => e);
      expect(error).toMatchObject({ code: 'TIMEOUT' });
      expect((error as Error).message).toContain(`sdtest@127.0.0.1:${port}: no answer in time`);
      expect(sockets.length).toBe(1);
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });

  it('keep-alive notices an sshd that froze (SIGSTOP), fails what was in flight with that reason, and the pool reconnects', { timeout: 90_000 }, async () => {
    const pool = new SshPool({ trust: await trust(), agentSocket: '', keepAliveIntervalMs: 1000 });
    const frozen: number[] = [];
    try {
      const connection = await pool.get(targetOf(0));
      // Only the sshd serving this connection: the hosts are shared with other tests.
      frozen.push(...(await sshdSessionFor(testbed.hosts[0]!.name, connection.localPort!)));
      expect(frozen.length).toBeGreaterThan(0);
      const stream = await connection.openSocketStream(testbed.hosts[0]!.dockerSocket);
      const failed = new Promise<Error>((resolve) => stream.once('error', resolve));
      const closed = new Promise<SshError | undefined>((resolve) => connection.onClose(resolve));
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      stream.write('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n');

      const why = await closed;
      expect(why?.message).toMatch(/stopped answering \(no reply to SSH keep-alives\)/);
      // The request written into the frozen session ends instead of waiting forever.
      expect((await failed).message).toMatch(/stopped answering/);
      expect(stream.destroyed).toBe(true);
      expect(connection.isOpen).toBe(false);
      const again = await pool.get(targetOf(0));
      expect(again).not.toBe(connection);
      expect(again.isOpen).toBe(true);
    } finally {
      frozen.forEach((pid) => killQuietly(pid, 'SIGKILL'));
      await pool.closeAll();
    }
  });

  it('a channel request the frozen sshd never answers fails after the channel timeout, naming the socket, and frees its slot', { timeout: 60_000 }, async () => {
    // Keep-alives far apart: the channel timeout, not the keep-alive, must end the wait.
    const connection = await SshConnection.connect(targetOf(1), { trust: await trust(), agentSocket: '', keepAliveIntervalMs: 60_000, channelOpenTimeoutMs: 1500 });
    const frozen = await sshdSessionFor(testbed.hosts[1]!.name, connection.localPort!);
    try {
      expect(frozen.length).toBeGreaterThan(0);
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      const error = await connection.openSocketStream(testbed.hosts[1]!.dockerSocket).catch((e: SshError) => e);
      expect(error).toMatchObject({ code: 'CHANNEL_FAILED' });
      expect((error as Error).message).toContain(`cannot open ${testbed.hosts[1]!.dockerSocket} through SSH (sshd did not answer the channel request for 1.5 s)`);
      expect(connection.channelsInUse).toBe(0);
    } finally {
      frozen.forEach((pid) => killQuietly(pid, 'SIGKILL'));
      connection.close();
    }
  });
});
