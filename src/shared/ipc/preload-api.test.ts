import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES } from './contract';
import { buildStackdraftApi, type StackdraftApi } from './preload-api';

function build(invoke = vi.fn(async (channel: string) => ({ ok: true as const, value: channel }))) {
  const unsubscribe = vi.fn();
  const subscribe = vi.fn(() => unsubscribe);
  const api = buildStackdraftApi(CHANNEL_NAMES, EVENT_NAMES, invoke, subscribe);
  return { api, invoke, subscribe, unsubscribe };
}

describe('buildStackdraftApi', () => {
  it('has one function per channel at api[domain][verb] and nothing else', async () => {
    const { api, invoke } = build();
    const exposed = Object.entries(api as unknown as Record<string, unknown>)
      .filter(([key]) => key !== 'on')
      .flatMap(([domain, verbs]) => Object.keys(verbs as object).map((verb) => `${domain}.${verb}`));
    expect(exposed.sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(await api.file.open({ path: '/a.yaml' })).toEqual({ ok: true, value: 'file.open' });
    expect(invoke).toHaveBeenCalledWith('file.open', { path: '/a.yaml' });
    expect(Object.keys(api)).not.toContain('invoke');
  });

  it('turns a broken transport into an UNAVAILABLE result instead of a rejection', async () => {
    const { api } = build(vi.fn(async () => Promise.reject(new Error("No handler registered for 'app.info'"))));
    expect(await api.app.info({})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('subscribes only to contract events and returns the unsubscribe', () => {
    const { api, subscribe, unsubscribe } = build();
    const off = api.on('menu.command', () => undefined);
    expect(subscribe).toHaveBeenCalledWith('menu.command', expect.any(Function));
    off();
    expect(unsubscribe).toHaveBeenCalled();
    expect(() => (api.on as (e: string, l: () => void) => void)('ipc-internal', () => undefined)).toThrow(/not a Stackdraft event/);
    expect(() => (api.on as (e: string, l: unknown) => void)('menu.command', 'nope')).toThrow(/function/);
  });
});

// Type-level: the API is derived from the contract.
export type _OpenRequest = Parameters<StackdraftApi['file']['open']>[0];
// @ts-expect-error a channel that is not in the contract is not on the API
export type _Missing = StackdraftApi['file']['delete'];
