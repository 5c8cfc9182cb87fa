import type { ChannelName, EventName, EventPayload, RequestOf, ResponseOf } from './contract';
import type { IpcResult } from './result';

/**
 * The API the preload exposes as `window.stackdraft`, derived from the contract:
 * `api.file.open({ path })` for channel `file.open`, and `api.on(event, listener)`.
 * Calls resolve with the IpcResult as is; they never reject.
 */
export type StackdraftApi = {
  [D in DomainOf<ChannelName>]: {
    [C in ChannelName as C extends `${D}.${infer Verb}` ? Verb : never]: (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
  };
} & {
  /** Subscribes to a contract event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

type DomainOf<C extends string> = C extends `${infer Domain}.${string}` ? Domain : never;

/** The name of the global the preload defines. */
export const STACKDRAFT_GLOBAL = 'stackdraft';

export type Invoke = (channel: ChannelName, request: unknown) => Promise<IpcResult<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the nested API object from the channel and event names: one function per
 * channel and nothing else (no generic invoke), so a page can reach only the contract.
 */
export function buildStackdraftApi(
  channelNames: readonly ChannelName[],
  eventNames: readonly EventName[],
  invoke: Invoke,
  subscribe: Subscribe,
): StackdraftApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channelNames) {
    const [domain, verb] = channel.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = async (request: unknown): Promise<IpcResult<unknown>> => {
      try {
        return await invoke(channel, request);
      } catch (error) {
        // Only when main has no handler or the transport broke; a result keeps callers simple.
        return { ok: false, error: { code: 'UNAVAILABLE', message: `${channel} could not reach Stackdraft's main process: ${(error as Error)?.message ?? String(error)}` } };
      }
    };
  }
  const known = new Set<string>(eventNames);
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!known.has(event)) throw new Error(`"${String(event)}" is not a Stackdraft event`);
    if (typeof listener !== 'function') throw new Error('the listener must be a function');
    return subscribe(event, listener);
  };
  return { ...api, on } as unknown as StackdraftApi;
}
