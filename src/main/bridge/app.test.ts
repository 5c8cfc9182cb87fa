import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serializeTopology } from '../../shared/format';
import type { BridgeServerMessage } from '../../shared/ipc';
import { emptyTopology } from '../../shared/model';
import { startBridgeApp } from './app';
import { bridgeOptionsFrom } from './options';

const ORIGIN = 'http://127.0.0.1:4173';
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-app-'));
  await fs.writeFile(join(dir, 'catalog.json'), '[]');
  await fs.writeFile(join(dir, 'shop.stackdraft.yaml'), serializeTopology(emptyTopology('Shop')));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A tiny client: connect, then `call(channel, payload)` resolves with the IpcResult. */
async function client(port: number, token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`, { origin: ORIGIN });
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail));
  let nextId = 0;
  return {
    ws,
    call(channel: string, payload: unknown): Promise<unknown> {
      const id = ++nextId;
      return new Promise((ok) => {
        const onMessage = (data: WebSocket.RawData) => {
          const message = JSON.parse(String(data)) as BridgeServerMessage;
          if (message.type === 'result' && message.id === id) {
            ws.off('message', onMessage);
            ok(message.result);
          }
        };
        ws.on('message', onMessage);
        ws.send(JSON.stringify({ type: 'call', id, channel, payload }));
      });
    },
  };
}

describe('startBridgeApp', () => {
  it('serves the handlers and keeps recent files in its user-data folder', async () => {
    const userDataDir = join(dir, 'user-data');
    const app = await startBridgeApp({ userDataDir, examplesDir: dir, allowedOrigins: [ORIGIN] });
    try {
      const c = await client(app.port, app.token);
      const file = join(dir, 'shop.stackdraft.yaml');
      expect(await c.call('app.info', {})).toMatchObject({ ok: true, value: { transport: 'bridge', nativeDialogs: false } });
      expect(await c.call('file.open', { path: file })).toMatchObject({ ok: true, value: { path: file, name: 'shop.stackdraft.yaml' } });
      expect(await c.call('file.open', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(await c.call('file.listRecent', {})).toMatchObject({ ok: true, value: [{ path: file }] });
      c.ws.close();
      expect(JSON.parse(await fs.readFile(join(userDataDir, 'settings.json'), 'utf8')).recentFiles[0].path).toBe(file);
    } finally {
      await app.close();
    }
    expect(existsSync(userDataDir)).toBe(true); // given by the caller: left alone
  });

  it('creates a fresh user-data folder when none is given and removes it on close', async () => {
    const app = await startBridgeApp({ examplesDir: dir, allowedOrigins: [ORIGIN] });
    expect(existsSync(app.userDataDir)).toBe(true);
    await app.close();
    expect(existsSync(app.userDataDir)).toBe(false);
  });
});

describe('bridgeOptionsFrom', () => {
  it('reads arguments, falls back to the environment, and rejects a bad port', () => {
    expect(bridgeOptionsFrom(['--port', '0', '--allowed-origins', 'http://a:1, http://b:2'], { STACKDRAFT_USER_DATA_DIR: '/u' })).toEqual({
      port: 0,
      userDataDir: '/u',
      allowedOrigins: ['http://a:1', 'http://b:2'],
    });
    expect(bridgeOptionsFrom([], { STACKDRAFT_BRIDGE_PORT: '7001', STACKDRAFT_EXAMPLES_DIR: '/e' })).toEqual({ port: 7001, examplesDir: '/e' });
    expect(() => bridgeOptionsFrom(['--port', 'x'], {})).toThrow(/--port/);
    expect(() => bridgeOptionsFrom(['--nope'], {})).toThrow();
  });
});

describe('start.ts (the process entry)', () => {
  it('prints one JSON line with port and token, serves, and exits cleanly on SIGTERM', async () => {
    const root = resolve(import.meta.dirname, '../../..');
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/main/bridge/start.ts'), '--examples-dir', dir, '--allowed-origins', ORIGIN], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stdout! });
      const first = await new Promise<string>((ok) => lines.once('line', ok));
      const { port, token } = JSON.parse(first) as { port: number; token: string };
      expect(port).toBeGreaterThan(0);
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      const c = await client(port, token);
      expect(await c.call('example.list', {})).toEqual({ ok: true, value: [] });
      c.ws.close();
      const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
