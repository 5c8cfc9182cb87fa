import { Agent } from 'node:http';
import type { Duplex } from 'node:stream';
import Docker from 'dockerode';
import type { SshConnection } from '../ssh/connection';
import { watchSlow } from '../ssh/slow';

/** The newest Engine API the testbed's Docker 20.10 speaks; we use nothing newer. */
export const DOCKER_API_VERSION = 'v1.41';

/**
 * How long a call may wait for Docker without a byte of answer before it fails. Long calls
 * stream (a pull reports progress every few seconds), so only a hung one reaches this.
 */
const DOCKER_SILENCE_MS = 120_000;

/**
 * dockerode speaking HTTP over streams to the remote Docker socket, each one a channel of
 * the host's single SSH connection. Kept-alive channels are reused, so a call costs ~2 ms.
 */
export function dockerOverSsh(connection: SshConnection, socketPath: string, options: { silenceMs?: number } = {}): Docker {
  const silenceMs = options.silenceMs ?? DOCKER_SILENCE_MS;
  const agent = new Agent({ keepAlive: true, maxSockets: 8, maxTotalSockets: 8, maxFreeSockets: 8 });
  // Node's Agent accepts an asynchronous createConnection through its callback.
  (agent as unknown as { createConnection: unknown }).createConnection = (_options: unknown, done: (error: Error | null, socket?: Duplex) => void) => {
    connection.openSocketStream(socketPath).then((stream) => done(null, asSocket(stream, silenceMs)), (error: Error) => done(error));
    return undefined;
  };
  return new Docker({ protocol: 'http', host: 'docker', port: 80, agent, version: DOCKER_API_VERSION } as Docker.DockerOptions);
}

/** An SSH channel is a Duplex, not a net.Socket: give it the socket methods http calls. */
function asSocket(stream: Duplex, silenceMs: number): Duplex {
  const s = stream as Duplex & Record<string, unknown>;
  for (const method of ['setKeepAlive', 'setNoDelay', 'setTimeout', 'ref', 'unref']) {
    if (typeof s[method] !== 'function') s[method] = () => stream;
  }
  failWhenSilent(stream, silenceMs);
  return stream;
}

/**
 * While a call is out (from its request until http hands the channel back to the agent as
 * 'free'), a silence longer than `silenceMs` destroys the channel with an error that says so:
 * the call fails instead of waiting forever, and its SSH channel slot is given back. A free,
 * kept-alive channel may be silent as long as it likes.
 */
function failWhenSilent(stream: Duplex, silenceMs: number): void {
  let timer: NodeJS.Timeout | undefined;
  let answered: (() => void) | undefined;
  const disarm = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    answered?.();
    answered = undefined;
  };
  const arm = () => {
    disarm();
    if (stream.destroyed) return;
    timer = setTimeout(() => {
      // Emitted before destroying: the channel's own destroy drops the reason, and http
      // would then report a bare "socket hang up".
      if (stream.listenerCount('error') > 0) stream.emit('error', new Error(`Docker did not answer for ${silenceMs / 1000} s`));
      stream.destroy();
    }, silenceMs);
    timer.unref();
  };
  // Wrapped, not listened to: a 'data' listener would change how the stream flows.
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  (stream as unknown as { write: (...args: unknown[]) => boolean }).write = (...args) => {
    const request = timer === undefined;
    arm();
    if (request) {
      const line = String(args[0]).split('\r\n', 1)[0];
      void watchSlow(() => `Docker to answer ${line}`, new Promise<void>((resolve) => (answered = resolve)));
    }
    return write(...args);
  };
  const push = stream.push.bind(stream);
  stream.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (timer) arm();
    return push(chunk, encoding);
  };
  stream.on('free', disarm);
  stream.once('close', disarm);
}
