import { z } from 'zod';
import type { IpcResult } from './result';

/**
 * Wire format of the local WebSocket bridge (tests and `npm run dev:web`). The renderer
 * connects to `ws://127.0.0.1:PORT/?token=TOKEN`; it learns PORT and TOKEN from the page
 * address fragment `#bridge=PORT&token=TOKEN` (a fragment is never sent to a server).
 */
export const bridgeClientMessage = z.strictObject({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  payload: z.unknown(),
});
export type BridgeClientMessage = z.infer<typeof bridgeClientMessage>;

export type BridgeServerMessage =
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; name: string; payload: unknown };

/** Largest message the bridge accepts (a big topology is well under this). */
export const BRIDGE_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export function parseBridgeFragment(hash: string): { port: number; token: string } | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const port = Number(params.get('bridge'));
  const token = params.get('token');
  if (!Number.isInteger(port) || port <= 0 || port > 65535 || !token) return undefined;
  return { port, token };
}
