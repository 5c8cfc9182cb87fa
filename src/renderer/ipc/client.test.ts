import { describe, expect, it, vi } from 'vitest';
import { IpcError, type IpcResult } from '../../shared/ipc';
import { createClient } from './client';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc';
import { buildStackdraftApi, type StackdraftApi } from '../../shared/ipc/preload-api';
import { bridgeUrl, connectBridge, connectTransport, electronTransport, NO_TRANSPORT_MESSAGE, type SocketLike } from './transport';

/** A preload API with only the parts a test needs. */
const preload = (parts: Record<string, unknown>) => ({ on: () => () => {}, ...parts }) as unknown as StackdraftApi;

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  private handlers = new Map<string, ((event: { data: unknown }) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.emit('close');
  }
  emit(type: string, data?: unknown): void {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const h of this.handlers.get(type) ?? []) h({ data });
  }
  reply(message: unknown): void {
    this.emit('message', JSON.stringify(message));
  }
}

async function openBridge() {
  let socket!: FakeSocket;
  const connecting = connectBridge('ws://127.0.0.1:1/?token=t', (url) => (socket = new FakeSocket(url)));
  socket.emit('open');
  return { socket, transport: await connecting };
}

describe('bridgeUrl', () => {
  it('reads port and token from the fragment', () => {
    expect(bridgeUrl('#bridge=4711&token=a%2Bb')).toBe('ws://127.0.0.1:4711/?token=a%2Bb');
    expect(bridgeUrl('#bridge=0&token=x')).toBeUndefined();
    expect(bridgeUrl('')).toBeUndefined();
  });
});

describe('bridge transport', () => {
  it('matches answers to calls by id, whatever their order', async () => {
    const { socket, transport } = await openBridge();
    const client = createClient(transport);
    const list = client.call('example.list', {});
    const info = client.call('app.info', {});
    expect(socket.sent).toEqual([
      { type: 'call', id: 1, channel: 'example.list', payload: {} },
      { type: 'call', id: 2, channel: 'app.info', payload: {} },
    ]);
    socket.reply({ type: 'result', id: 2, result: { ok: true, value: { version: '1', transport: 'bridge', nativeDialogs: false } } });
    socket.reply({ type: 'result', id: 1, result: { ok: true, value: [] } });
    await expect(info).resolves.toMatchObject({ transport: 'bridge' });
    await expect(list).resolves.toEqual([]);
  });

  it('throws IpcError with code, message and details', async () => {
    const { socket, transport } = await openBridge();
    const opening = createClient(transport).call('file.open', { path: '/x.yaml' });
    const details = { path: '/x.yaml', problems: [{ code: 'SCHEMA', message: 'Required', line: 3, column: 1, field: 'name' }] };
    socket.reply({ type: 'result', id: 1, result: { ok: false, error: { code: 'LOAD_FAILED', message: 'cannot open', details } } });
    const error = await opening.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'LOAD_FAILED', message: 'cannot open', details });
  });

  it('fails pending calls when the bridge goes away, and says so', async () => {
    const { socket, transport } = await openBridge();
    const onClose = vi.fn();
    transport.onClose(onClose);
    const pending = createClient(transport).call('app.info', {});
    socket.emit('close');
    await expect(pending).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(onClose).toHaveBeenCalledWith(expect.stringContaining('npm run dev:web'));
    await expect(createClient(transport).call('app.info', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('rejects with how to start it when the bridge cannot be reached', async () => {
    let socket!: FakeSocket;
    const connecting = connectBridge('ws://127.0.0.1:1/?token=t', (url) => (socket = new FakeSocket(url)));
    socket.emit('error');
    socket.emit('close');
    await expect(connecting).rejects.toThrow(/npm run dev:web/);
  });

  it('delivers events that match the contract and drops others', async () => {
    const { socket, transport } = await openBridge();
    const listener = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const off = createClient(transport).onEvent('menu.command', listener);
    socket.reply({ type: 'event', name: 'menu.command', payload: { command: 'file.save' } });
    socket.reply({ type: 'event', name: 'menu.command', payload: { command: 42 } });
    socket.emit('message', 'not json');
    off();
    socket.reply({ type: 'event', name: 'menu.command', payload: { command: 'file.open' } });
    expect(listener.mock.calls).toEqual([[{ command: 'file.save' }]]);
    warn.mockRestore();
  });
});

describe('electron transport', () => {
  it('calls api[domain][verb] with the request', async () => {
    const open = vi.fn(async (): Promise<IpcResult<unknown>> => ({ ok: true, value: null }));
    const client = createClient(electronTransport(preload({ file: { open } })));
    await expect(client.call('file.open', {})).resolves.toBeNull();
    expect(open).toHaveBeenCalledWith({});
    await expect(client.call('example.list', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('electron transport over the real preload API builder', () => {
  it('reaches main through ipc invoke and receives events', async () => {
    const invoke = vi.fn(async (channel: string, request: unknown): Promise<IpcResult<unknown>> => ({ ok: true, value: { channel, request } }));
    let emit: (payload: unknown) => void = () => {};
    const api = buildStackdraftApi(CHANNEL_NAMES, EVENT_NAMES, invoke, (_event, listener) => {
      emit = listener;
      return () => {};
    });
    const client = createClient(electronTransport(api));
    await expect(client.call('example.open', { id: 'shop' })).resolves.toEqual({ channel: 'example.open', request: { id: 'shop' } });
    const listener = vi.fn();
    client.onEvent('menu.command', listener);
    emit({ command: 'file.saveAs' });
    expect(listener).toHaveBeenCalledWith({ command: 'file.saveAs' });
  });
});

describe('connectTransport', () => {
  it('prefers the preload, then the bridge, else explains how to start', async () => {
    await expect(connectTransport({ stackdraft: preload({}), hash: '#bridge=1&token=t' })).resolves.toMatchObject({ kind: 'electron' });
    await expect(connectTransport({ hash: '' })).rejects.toThrow(NO_TRANSPORT_MESSAGE);
  });
});
