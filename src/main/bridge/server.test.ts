import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serializeTopology } from '../../shared/format';
import type { BridgeServerMessage } from '../../shared/ipc';
import { emptyTopology } from '../../shared/model';
import { createHandlers } from '../ipc/handlers';
import { Documents } from '../services/documents';
import { Examples } from '../services/examples';
import { RecentFiles } from '../services/recent-files';
import { MemoryStore } from '../services/settings-store';
import { startBridge, type Bridge } from './server';

const ORIGIN = 'http://127.0.0.1:4173';
let dir: string;
let bridge: Bridge;
const open: WebSocket[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-bridge-'));
  await fs.writeFile(join(dir, 'one.stackdraft.yaml'), serializeTopology(emptyTopology('One')));
  await fs.writeFile(join(dir, 'catalog.json'), JSON.stringify([{ id: 'one', name: 'One', description: 'd', file: 'one.stackdraft.yaml', seed: '000' }]));
  bridge = await startBridge({ handlers: handlersFor(dir), allowedOrigins: [ORIGIN], log: () => undefined });
});
afterEach(async () => {
  for (const ws of open.splice(0)) if (ws.readyState !== WebSocket.CLOSED) ws.terminate();
  await bridge.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** The real handlers, serving the examples in `examplesDir`. */
function handlersFor(examplesDir: string) {
  return createHandlers({
    documents: new Documents(),
    recent: new RecentFiles(new MemoryStore()),
    examples: new Examples(examplesDir),
    dialogs: null,
    appInfo: { version: 'test', transport: 'bridge', nativeDialogs: false },
  });
}

function track(ws: WebSocket): WebSocket {
  open.push(ws);
  ws.on('error', () => undefined); // a refused upgrade also emits 'error'
  return ws;
}

/** Connects and resolves with the socket, or rejects with the HTTP status of the refusal. */
function connect(url: string, origin: string | null = ORIGIN): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin !== null ? { origin } : {});
    track(ws);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function next(ws: WebSocket): Promise<BridgeServerMessage> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as BridgeServerMessage)));
}

async function call(ws: WebSocket, message: unknown): Promise<BridgeServerMessage> {
  const reply = next(ws);
  ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  return reply;
}

describe('startBridge', () => {
  it('listens on 127.0.0.1 only, with a fresh 32-byte token', async () => {
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
    expect(bridge.url).toBe(`ws://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    const other = await startBridge({ handlers: {} as never, allowedOrigins: [], log: () => undefined });
    expect(other.token).not.toBe(bridge.token);
    await other.close();
    // Not reachable on another local address of this machine.
    await expect(connect(`ws://127.0.0.2:${bridge.port}/?token=${bridge.token}`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a missing or wrong token', async () => {
    await expect(connect(`ws://127.0.0.1:${bridge.port}/`)).rejects.toThrow('HTTP 401');
    await expect(connect(`ws://127.0.0.1:${bridge.port}/?token=${'0'.repeat(64)}`)).rejects.toThrow('HTTP 401');
    await expect(connect(`ws://127.0.0.1:${bridge.port}/?token=${bridge.token}x`)).rejects.toThrow('HTTP 401');
  });

  it('refuses a foreign or missing origin', async () => {
    await expect(connect(bridge.url, 'https://evil.example')).rejects.toThrow('HTTP 403');
    await expect(connect(bridge.url, 'http://127.0.0.1:4174')).rejects.toThrow('HTTP 403');
    await expect(connect(bridge.url, null)).rejects.toThrow('HTTP 403');
  });

  it('refuses a Host that is not the bridge (DNS rebinding)', async () => {
    const ws = track(new WebSocket(bridge.url, { origin: ORIGIN, headers: { Host: `rebound.example:${bridge.port}` } }));
    await expect(
      new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      }),
    ).rejects.toThrow('HTTP 403');
  });

  it('answers example.list and example.open', async () => {
    const ws = await connect(bridge.url);
    expect(await call(ws, { type: 'call', id: 1, channel: 'example.list', payload: {} })).toEqual({
      type: 'result',
      id: 1,
      result: { ok: true, value: [{ id: 'one', name: 'One', description: 'd' }] },
    });
    const opened = await call(ws, { type: 'call', id: 2, channel: 'example.open', payload: { id: 'one' } });
    expect(opened).toMatchObject({ id: 2, result: { ok: true, value: { path: null, name: 'One' } } });
  });

  it('answers a bad payload with BAD_REQUEST and stays usable', async () => {
    const ws = await connect(bridge.url);
    const bad = await call(ws, { type: 'call', id: 7, channel: 'file.open', payload: { path: 42 } });
    expect(bad).toMatchObject({ type: 'result', id: 7, result: { ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^file\.open: path: /) } } });
    const good = await call(ws, { type: 'call', id: 8, channel: 'example.list', payload: {} });
    expect(good).toMatchObject({ id: 8, result: { ok: true } });
  });

  it('answers a malformed message that has an id, ignores one without, and keeps going', async () => {
    const ws = await connect(bridge.url);
    const malformed = await call(ws, { type: 'call', id: 3, channel: 'x'.repeat(100), payload: {}, extra: true });
    expect(malformed).toMatchObject({ id: 3, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
    ws.send('not json');
    ws.send(JSON.stringify({ hello: 'world' }));
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    const unknown = await call(ws, { type: 'call', id: 4, channel: 'file.delete', payload: {} });
    expect(unknown).toMatchObject({ id: 4, result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
  });

  it('closes a connection that sends more than the size limit', async () => {
    const ws = await connect(bridge.url);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(9 * 1024 * 1024));
    expect(await closed).toBe(1009);
    // The bridge itself is still there.
    const again = await connect(bridge.url);
    expect(await call(again, { type: 'call', id: 1, channel: 'app.info', payload: {} })).toMatchObject({ result: { ok: true } });
  });

  it('broadcasts events to connected clients', async () => {
    const ws = await connect(bridge.url);
    const event = next(ws);
    bridge.broadcast('menu.command', { command: 'file.save' });
    expect(await event).toEqual({ type: 'event', name: 'menu.command', payload: { command: 'file.save' } });
  });

  it('close waits for a call still being answered, so the caller may remove its files afterwards', async () => {
    let finish: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    let answered = false;
    const base = handlersFor(dir);
    const slow = await startBridge({
      handlers: {
        ...base,
        'app.info': async (request) => {
          await gate;
          answered = true;
          return base['app.info'](request);
        },
      },
      allowedOrigins: [ORIGIN],
      log: () => undefined,
    });
    const ws = await connect(slow.url);
    ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'app.info', payload: {} }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    let closed = false;
    const closing = slow.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    finish();
    await closing;
    expect(answered).toBe(true);
  });

  it('answers a plain HTTP request with 426', async () => {
    const response = await fetch(`http://127.0.0.1:${bridge.port}/`);
    expect(response.status).toBe(426);
  });
});
