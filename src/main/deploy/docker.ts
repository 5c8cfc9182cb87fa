import { Agent } from 'node:http';
import type { Duplex } from 'node:stream';
import Docker from 'dockerode';
import type { SshConnection } from '../ssh/connection';

/** The newest Engine API the testbed's Docker 20.10 speaks; we use nothing newer. */
export const DOCKER_API_VERSION = 'v1.41';

/**
 * dockerode speaking HTTP over streams to the remote Docker socket, each one a channel of
 * the host's single SSH connection. Kept-alive channels are reused, so a call costs ~2 ms.
 */
export function dockerOverSsh(connection: SshConnection, socketPath: string): Docker {
  const agent = new Agent({ keepAlive: true, maxSockets: 8, maxTotalSockets: 8, maxFreeSockets: 8 });
  // Node's Agent accepts an asynchronous createConnection through its callback.
  (agent as unknown as { createConnection: unknown }).createConnection = (_options: unknown, done: (error: Error | null, socket?: Duplex) => void) => {
    connection.openSocketStream(socketPath).then((stream) => done(null, asSocket(stream)), (error: Error) => done(error));
    return undefined;
  };
  return new Docker({ protocol: 'http', host: 'docker', port: 80, agent, version: DOCKER_API_VERSION } as Docker.DockerOptions);
}

/** An SSH channel is a Duplex, not a net.Socket: give it the socket methods http calls. */
function asSocket(stream: Duplex): Duplex {
  const s = stream as Duplex & Record<string, unknown>;
  for (const method of ['setKeepAlive', 'setNoDelay', 'setTimeout', 'ref', 'unref']) {
    if (typeof s[method] !== 'function') s[method] = () => stream;
  }
  return stream;
}
