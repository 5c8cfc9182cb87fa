import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestbed, type Testbed } from '../../../testbed/harness';
import { SshConnection } from './connection';
import { SshPool } from './pool';
import { TrustStore } from './trust-store';

let testbed: Testbed;
beforeAll(async () => {
  testbed = await ensureTestbed();
}, 60_000);

const targetOf = (index: number) => {
  const h = testbed.hosts[index]!;
  return { address: h.address, port: h.port, user: h.user, identityFile: testbed.identityFile };
};

describe('SSH connections to the testbed', () => {
  const pools: SshPool[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.closeAll())));

  it('connects with a key file when the host key is in known_hosts and reaches Docker through one shared connection', async () => {
    const pool = new SshPool({ trust: await TrustStore.open(null, [testbed.knownHostsFile]), agentSocket: '' });
    pools.push(pool);
    const [a, b] = await Promise.all([pool.get(targetOf(0)), pool.get(targetOf(0))]);
    expect(a).toBe(b);
    const stream = await a.openSocketStream(testbed.hosts[0]!.dockerSocket);
    stream.write('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n');
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
      stream.on('end', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.0 200 OK[\s\S]*\r\n\r\nOK$/);
    expect(pool.opened).toBe(1);
  });

  it('refuses a changed host key before offering any credential, and says what it expected', async () => {
    const h = testbed.hosts[0]!;
    const other = testbed.hosts[1]!;
    // A store that believes h1 has h2's key: exactly what a man in the middle looks like.
    const trust = await TrustStore.open(null);
    await trust.trust(h.address, h.port, Buffer.from(other.hostPublicKey.split(' ')[1]!, 'base64'));
    const offered: string[] = [];
    const error = await SshConnection.connect(targetOf(0), { trust, agentSocket: '', onAuthAttempt: (m) => offered.push(m) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HOST_KEY_CHANGED' });
    expect((error as Error).message).toContain(other.hostKeyFingerprint);
    expect((error as Error).message).toContain(h.hostKeyFingerprint);
    expect(offered).toEqual([]);
  });

  it('reports an unknown host key with the fingerprint ssh-keygen shows, and connects once it is trusted', async () => {
    const trust = await TrustStore.open(null);
    const error = (await SshConnection.connect(targetOf(2), { trust, agentSocket: '' }).catch((e: unknown) => e)) as { code: string; details: { fingerprint: string; publicKey: string } };
    expect(error.code).toBe('HOST_KEY_UNKNOWN');
    expect(error.details.fingerprint).toBe(testbed.hosts[2]!.hostKeyFingerprint);
    await trust.trust(testbed.hosts[2]!.address, 22, Buffer.from(error.details.publicKey, 'base64'));
    const connection = await SshConnection.connect(targetOf(2), { trust, agentSocket: '' });
    expect(connection.isOpen).toBe(true);
    connection.close();
  });

  it('says clearly when nothing listens and when no credential is available', async () => {
    const trust = await TrustStore.open(null, [testbed.knownHostsFile]);
    const refused = await SshConnection.connect({ ...targetOf(0), port: 2 }, { trust }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNREACHABLE' });
    expect((refused as Error).message).toMatch(/10\.77\.0\.11:2: connection refused/);
    const noKey = await SshConnection.connect({ ...targetOf(0), identityFile: undefined }, { trust, agentSocket: '' }).catch((e: unknown) => e);
    expect(noKey).toMatchObject({ code: 'NO_CREDENTIALS' });
  });

  it('never opens more than 10 channels at once on one connection; the rest wait instead of failing', async () => {
    const pool = new SshPool({ trust: await TrustStore.open(null, [testbed.knownHostsFile]), agentSocket: '' });
    pools.push(pool);
    const connection = await pool.get(targetOf(1));
    const socket = testbed.hosts[1]!.dockerSocket;
    let peak = 0;
    const pings = Array.from({ length: 25 }, async () => {
      const stream = await connection.openSocketStream(socket);
      peak = Math.max(peak, connection.channelsInUse);
      stream.end('GET /_ping HTTP/1.0\r\n\r\n');
      return new Promise<string>((resolve) => {
        let text = '';
        stream.on('data', (c: Buffer) => (text += c.toString()));
        stream.on('close', () => resolve(text));
      });
    });
    const replies = await Promise.all(pings);
    expect(replies.every((r) => r.endsWith('OK'))).toBe(true);
    expect(peak).toBe(10);
  });
});
