import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  BRIDGE_MAX_MESSAGE_BYTES,
  bridgeClientMessage,
  type BridgeServerMessage,
  type EventName,
  type EventPayload,
  type IpcResult,
} from '../../shared/ipc';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';

export interface BridgeOptions {
  handlers: Handlers;
  /** Exact `Origin` values allowed to connect, e.g. `http://127.0.0.1:4173`. */
  allowedOrigins: string[];
  /** 0 (the default) picks a free port. */
  port?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface Bridge {
  port: number;
  /** 64 hex characters, new for every start. */
  token: string;
  /** `ws://127.0.0.1:PORT/?token=TOKEN` */
  url: string;
  close(): Promise<void>;
  /** Sends an event to every connected renderer. */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/**
 * Serves the IPC handlers over a WebSocket for `npm run dev:web` and the end-to-end tests.
 * The handlers can write files (and later deploy), so any web page the person has open
 * must not reach them: loopback only, a fresh secret token per start, and only the
 * origins we serve the renderer from. Never started by the packaged app.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const log = options.log ?? console.error;
  const token = randomBytes(32).toString('hex');
  const allowedOrigins = new Set(options.allowedOrigins);

  const server = createServer((_request, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
    response.end('This is the Stackdraft test bridge; it speaks WebSocket only.\n');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: BRIDGE_MAX_MESSAGE_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuseUpgrade(request, token, allowedOrigins, port);
    if (refusal) {
      log(`[bridge] refused a connection: ${refusal.reason}`);
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.statusText}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveClient(ws, options.handlers, log, track));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  // Calls still being answered: close waits for them, so that whoever removes the
  // user data afterwards does not pull it from under a handler that is writing there.
  const inFlight = new Set<Promise<void>>();
  const track = (answer: Promise<void>) => {
    inFlight.add(answer);
    void answer.finally(() => inFlight.delete(answer));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `ws://127.0.0.1:${port}/?token=${token}`,
    broadcast(event, payload) {
      const text = JSON.stringify({ type: 'event', name: event, payload } satisfies BridgeServerMessage);
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Bounded: a call may be waiting on an unreachable host's connect timeout.
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
    },
  };
}

interface Refusal {
  status: number;
  statusText: string;
  reason: string;
}

function refuseUpgrade(request: IncomingMessage, token: string, allowedOrigins: Set<string>, port: number): Refusal | undefined {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (!sameSecret(url.searchParams.get('token') ?? '', token)) {
    return { status: 401, statusText: 'Unauthorized', reason: 'missing or wrong token' };
  }
  const origin = request.headers.origin;
  if (origin === undefined || !allowedOrigins.has(origin)) {
    return { status: 403, statusText: 'Forbidden', reason: `origin ${JSON.stringify(origin ?? null)} is not allowed` };
  }
  // A page that rebinds its DNS name to 127.0.0.1 still sends its own Host.
  const host = request.headers.host;
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { status: 403, statusText: 'Forbidden', reason: `host ${JSON.stringify(host ?? null)} is not this bridge` };
  }
  return undefined;
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from timing. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How long close waits for calls still being answered. */
const CLOSE_WAIT_MS = 5_000;

function serveClient(ws: WebSocket, handlers: Handlers, log: (message: string, error?: unknown) => void, track: (answer: Promise<void>) => void): void {
  ws.on('error', (error) => log('[bridge] connection error', error));
  ws.on('message', (data: RawData, isBinary: boolean) => {
    track(answer(data, isBinary).catch((error: unknown) => log('[bridge] could not answer a message', error)));
  });

  const reply = (id: number, result: IpcResult<unknown>): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result } satisfies BridgeServerMessage));
  };

  async function answer(data: RawData, isBinary: boolean): Promise<void> {
    let message: unknown;
    try {
      message = isBinary ? undefined : JSON.parse(rawToString(data));
    } catch {
      message = undefined;
    }
    const parsed = bridgeClientMessage.safeParse(message);
    if (!parsed.success) {
      // Answer if we can tell which call this was; either way the connection stays usable.
      const id = idOf(message);
      const issue = parsed.error.issues[0];
      const why = issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'not a JSON call';
      if (id !== undefined) reply(id, { ok: false, error: { code: 'BAD_REQUEST', message: `Malformed bridge message (${why}).` } });
      else log(`[bridge] ignored a malformed message without an id (${why})`);
      return;
    }
    const { id, channel, payload } = parsed.data;
    reply(id, await dispatch(handlers, channel, payload, true, log));
  }
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function idOf(message: unknown): number | undefined {
  if (typeof message !== 'object' || message === null || !Object.hasOwn(message, 'id')) return undefined;
  const id = (message as { id: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
}
