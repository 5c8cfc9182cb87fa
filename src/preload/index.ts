/**
 * Exposes `window.stackdraft`: one function per contract channel and `on` for contract
 * events — never ipcRenderer itself, never a generic invoke.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, type IpcResult } from '../shared/ipc';
import { buildStackdraftApi, STACKDRAFT_GLOBAL } from '../shared/ipc/preload-api';

const api = buildStackdraftApi(
  CHANNEL_NAMES,
  EVENT_NAMES,
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<IpcResult<unknown>>,
  (event, listener) => {
    // The IPC event object (with its sender) stays here; the page gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
);

contextBridge.exposeInMainWorld(STACKDRAFT_GLOBAL, api);

// A dropped file's path (Electron no longer puts it on File): the page learns only the
// path of a file the user dropped, and opening it still goes through file.open.
contextBridge.exposeInMainWorld('stackdraftFiles', { pathForFile: (file: File) => webUtils.getPathForFile(file) });
