import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNEL_NAMES, type EventName, type EventPayload } from '../../shared/ipc';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import { isAllowedSender, type SenderFrame } from '../ipc/sender';

/**
 * Registers every contract channel with ipcMain. Each call goes through `dispatch`, which
 * refuses it before any handler runs unless it comes from the main frame of the app's
 * own renderer. Returns a function that removes the registrations.
 */
export function registerIpc(handlers: Handlers, rendererUrl: string): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(handlers, channel, payload, isAllowedSender(senderFrameOf(event), rendererUrl)));
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel);
  };
}

function senderFrameOf(event: IpcMainInvokeEvent): SenderFrame | null {
  try {
    const frame = event.senderFrame;
    return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
  } catch {
    // The frame navigated away or was destroyed while the call was in flight.
    return null;
  }
}

/** Pushes a contract event to one window. */
export function sendEvent<E extends EventName>(contents: WebContents, event: E, payload: EventPayload<E>): void {
  if (!contents.isDestroyed()) contents.send(event, payload);
}
