import { describe, expect, it } from 'vitest';
import { describeConnectError } from './errors';

const failure = (message: string, code?: string) => Object.assign(new Error(message), { code });

describe('describeConnectError', () => {
  it('says that the SSH connection was lost when the socket is reset or broken, naming the host', () => {
    for (const [message, code] of [['read ECONNRESET', 'ECONNRESET'], ['write EPIPE', 'EPIPE']] as const) {
      const error = describeConnectError('deploy@app1.example:22', failure(message, code));
      expect(error.code).toBe('CONNECTION_LOST');
      expect(error.message).toBe(`deploy@app1.example:22: the SSH connection was lost (${message}) — sshd, the host or the network dropped it.`);
    }
  });

  it('tells a refused connection from an unreachable host', () => {
    expect(describeConnectError('h', failure('connect ECONNREFUSED', 'ECONNREFUSED')).message).toMatch(/connection refused — is sshd running/);
    expect(describeConnectError('h', failure('getaddrinfo ENOTFOUND', 'ENOTFOUND')).message).toMatch(/host unreachable \(ENOTFOUND\)/);
  });
});
