import {
  parseBridgeFragment,
  type BridgeClientMessage,
  type BridgeServerMessage,
  type ChannelName,
  type EventName,
  type IpcResult,
} from '../../shared/ipc';
import type { StackdraftApi } from '../../shared/ipc/preload-api';

/** One way of reaching main: Electron IPC or the local WebSocket bridge. */
export interface Transport {
  readonly kind: 'electron' | 'bridge';
  call(channel: ChannelName, payload: unknown): Promise<IpcResult<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Called once if the transport goes away (the bridge closed). */
  onClose(listener: (reason: string) => void): () => void;
}

const unavailable = (message: string): IpcResult<never> => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

/** Wraps the API the preload exposes as `window.stackdraft` (see shared/ipc/preload-api). */
export function electronTransport(api: StackdraftApi): Transport {
  // Looked up by name at run time, so that a preload older than this page answers UNAVAILABLE.
  const byName = api as unknown as Record<string, Record<string, unknown> | undefined>;
  return {
    kind: 'electron',
    async call(channel, payload) {
      const [domain, verb] = channel.split('.') as [string, string];
      const fn = byName[domain]?.[verb];
      if (typeof fn !== 'function') return unavailable(`This version of the app has no "${channel}" call.`);
      return (await (fn as (request: unknown) => Promise<IpcResult<unknown>>)(payload)) ?? unavailable(`"${channel}" gave no answer.`);
    },
    on: (event, listener) => api.on(event, listener),
    onClose: () => () => {},
  };
}

/** The part of the browser's WebSocket the bridge transport needs (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;

/** The bridge address for a page opened at `…#bridge=PORT&token=TOKEN`, or undefined. */
export function bridgeUrl(hash: string): string | undefined {
  const bridge = parseBridgeFragment(hash);
  return bridge ? `ws://127.0.0.1:${bridge.port}/?token=${encodeURIComponent(bridge.token)}` : undefined;
}

/**
 * Connects to the WebSocket bridge. Resolves once the socket is open; rejects with a
 * sentence a user can act on when it cannot be reached.
 */
export function connectBridge(url: string, createSocket: SocketFactory): Promise<Transport> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(url);
    let nextId = 1;
    let opened = false;
    let closedReason: string | undefined;
    const pending = new Map<number, (result: IpcResult<unknown>) => void>();
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const closeListeners = new Set<(reason: string) => void>();

    socket.addEventListener('open', () => {
      opened = true;
      resolve(transport);
    });
    socket.addEventListener('error', () => {
      // A `close` always follows; it settles everything.
    });
    socket.addEventListener('close', () => {
      closedReason = opened
        ? 'The connection to the Stackdraft bridge was lost. Restart `npm run dev:web` and reload the page.'
        : 'Cannot reach the Stackdraft bridge. Start it with `npm run dev:web` and open the address it prints.';
      for (const settle of pending.values()) settle(unavailable(closedReason));
      pending.clear();
      if (!opened) reject(new Error(closedReason));
      for (const listener of closeListeners) listener(closedReason);
      closeListeners.clear();
    });
    socket.addEventListener('message', (event) => {
      const message = parseServerMessage(event.data);
      if (!message) return;
      if (message.type === 'result') {
        const settle = pending.get(message.id);
        pending.delete(message.id);
        settle?.(message.result);
      } else {
        for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
      }
    });

    const transport: Transport = {
      kind: 'bridge',
      call(channel, payload) {
        if (closedReason !== undefined || socket.readyState !== OPEN) {
          return Promise.resolve(unavailable(closedReason ?? 'The Stackdraft bridge is not connected.'));
        }
        const id = nextId++;
        const message: BridgeClientMessage = { type: 'call', id, channel, payload };
        return new Promise((settle) => {
          pending.set(id, settle);
          socket.send(JSON.stringify(message));
        });
      },
      on(event, listener) {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(listener);
        return () => set.delete(listener);
      },
      onClose(listener) {
        closeListeners.add(listener);
        return () => closeListeners.delete(listener);
      },
    };
  });
}

function parseServerMessage(data: unknown): BridgeServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.type === 'result' && typeof m.id === 'number' && isResult(m.result)) return m as unknown as BridgeServerMessage;
  if (m.type === 'event' && typeof m.name === 'string') return m as unknown as BridgeServerMessage;
  return undefined;
}

function isResult(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}

/** How the page was started, so that the app can pick a transport or explain. */
export interface Environment {
  stackdraft?: StackdraftApi;
  hash: string;
  createSocket?: SocketFactory;
}

export const NO_TRANSPORT_MESSAGE =
  'This page was opened without a connection to Stackdraft. In a browser, start it with `npm run dev:web` and open the address it prints.';

/**
 * Electron's preload when present, else the bridge named in the page address. Rejects
 * with a message saying how to start the app when neither is available.
 */
export async function connectTransport(env: Environment): Promise<Transport> {
  if (env.stackdraft) return electronTransport(env.stackdraft);
  const url = bridgeUrl(env.hash);
  if (!url || !env.createSocket) throw new Error(NO_TRANSPORT_MESSAGE);
  return connectBridge(url, env.createSocket);
}
