import {
  events,
  IpcError,
  type ChannelName,
  type EventName,
  type EventPayload,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc';
import type { StackdraftApi } from '../../shared/ipc/preload-api';
import { connectTransport, type Environment, type Transport } from './transport';

/** The renderer's view of main: typed calls and events from the contract. */
export interface IpcClient {
  readonly transport: Transport['kind'];
  /** Resolves with the channel's response; throws IpcError(code, message, details). */
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Listens to an event from main; payloads that do not match the contract are dropped. */
  onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): IpcClient {
  return {
    transport: transport.kind,
    async call(channel, request) {
      let result;
      try {
        result = await transport.call(channel, request);
      } catch (error) {
        throw new IpcError({ code: 'UNAVAILABLE', message: `"${channel}" failed: ${(error as Error).message}` });
      }
      if (!result.ok) throw new IpcError(result.error);
      return result.value as ResponseOf<typeof channel>;
    },
    onEvent(name, listener) {
      return transport.on(name, (payload) => {
        const parsed = events[name].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof name>);
        else console.warn(`Ignored a malformed "${name}" event from main.`);
      });
    },
  };
}

let current: IpcClient | undefined;

/** Sets the client that `call` and `onEvent` use (tests pass a fake). */
export function setClient(client: IpcClient | undefined): void {
  current = client;
}

function client(): IpcClient {
  if (!current) throw new IpcError({ code: 'UNAVAILABLE', message: 'Stackdraft is not connected yet.' });
  return current;
}

/** Calls main over whichever transport is up. Throws IpcError on failure. */
export function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  try {
    return client().call(channel, request);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Listens to an event from main. */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return client().onEvent(name, listener);
}

declare global {
  interface Window {
    /** Present inside Electron: the API the preload exposes. */
    stackdraft?: StackdraftApi;
  }
}

/**
 * Connects over Electron IPC when the preload is there, else over the WebSocket bridge
 * named in the address fragment (`#bridge=PORT&token=TOKEN`), and makes it the client
 * of `call`/`onEvent`. Rejects with a message saying how to start the app.
 */
export async function connect(env?: Environment): Promise<{ client: IpcClient; transport: Transport }> {
  const transport = await connectTransport(
    env ?? { stackdraft: window.stackdraft, hash: window.location.hash, createSocket: (url) => new WebSocket(url) },
  );
  const connected = createClient(transport);
  setClient(connected);
  return { client: connected, transport };
}
