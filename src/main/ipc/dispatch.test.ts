import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, channels, HandlerError, type ChannelName } from '../../shared/ipc';
import { topologySchema } from '../../shared/model';
import { dispatch } from './dispatch';
import type { Handlers } from './handlers';

function spyHandlers(): Handlers & Record<ChannelName, ReturnType<typeof vi.fn>> {
  const table = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, vi.fn(async () => `ran ${name}`)]));
  return table as unknown as Handlers & Record<ChannelName, ReturnType<typeof vi.fn>>;
}

const validTopology = topologySchema.parse({
  schemaVersion: 2,
  project: 'shop',
  name: 'Shop',
  services: [
    { id: 'web', name: 'web', kind: 'app', image: 'nginx' },
    { id: 'api', name: 'api', kind: 'app', image: 'api' },
    { id: 'db', name: 'db', kind: 'database', image: 'postgres' },
  ],
});

const silent = () => undefined;

describe('dispatch', () => {
  it('runs the handler with the parsed request and wraps its value', async () => {
    const handlers = spyHandlers();
    const result = await dispatch(handlers, 'file.open', { path: '/x/a.yaml' }, true);
    expect(result).toEqual({ ok: true, value: 'ran file.open' });
    expect(handlers['file.open']).toHaveBeenCalledWith({ path: '/x/a.yaml' });
  });

  it('refuses an unknown channel, including names inherited from Object', async () => {
    const handlers = spyHandlers();
    for (const channel of ['file.delete', '__proto__', 'constructor', 'toString', 42, null, undefined]) {
      const result = await dispatch(handlers, channel, {}, true);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('refuses a sender that is not allowed before looking at anything else', async () => {
    const handlers = spyHandlers();
    expect(await dispatch(handlers, 'app.info', {}, false)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await dispatch(handlers, 'nope', {}, false)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(handlers['app.info']).not.toHaveBeenCalled();
  });

  it('names the bad field in a BAD_REQUEST', async () => {
    const handlers = spyHandlers();
    const topology = structuredClone(validTopology);
    topology.services[2]!.name = 'bad name!';
    const result = await dispatch(handlers, 'file.save', { path: '/a.yaml', topology }, true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_REQUEST');
    expect(result.error.message).toMatch(/^file\.save: topology\.services\[2\]\.name: must start with a letter or digit/);
    expect(handlers['file.save']).not.toHaveBeenCalled();
  });

  it('reports an unknown key at the key, and a non-object request as "request"', async () => {
    const handlers = spyHandlers();
    const extra = await dispatch(handlers, 'file.open', { path: '/a.yaml', evil: 1 }, true);
    expect(extra).toMatchObject({ ok: false, error: { message: 'file.open: evil: unknown field "evil"' } });
    const notObject = await dispatch(handlers, 'app.info', null, true);
    expect(notObject).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^app\.info: request: /) } });
  });

  it('passes a HandlerError through with its code, message and details', async () => {
    const handlers = spyHandlers();
    handlers['example.open'].mockRejectedValue(new HandlerError('NOT_FOUND', 'There is no example "x".', { id: 'x' }));
    expect(await dispatch(handlers, 'example.open', { id: 'x' }, true)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no example "x".', details: { id: 'x' } },
    });
  });

  it('turns any other throw into INTERNAL, logs it and keeps going', async () => {
    const handlers = spyHandlers();
    const log = vi.fn();
    handlers['app.info'].mockRejectedValue(new TypeError('boom'));
    const result = await dispatch(handlers, 'app.info', {}, true, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('boom') } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('app.info'), expect.any(TypeError));
    handlers['app.info'].mockRejectedValue('a string, not an Error');
    expect(await dispatch(handlers, 'app.info', {}, true, log)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

/** Values a hostile or buggy renderer could send, including prototype-pollution keys. */
const hostile = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
  fc.constantFrom(
    null,
    undefined,
    [],
    'file.open',
    'x'.repeat(100_000),
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"path": "/a.yaml", "__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    { path: `/${'a'.repeat(5000)}.yaml` },
    { path: '/a.yaml\0.yaml' },
    { path: '/etc/passwd' },
    { id: '../../etc/passwd' },
    { path: '/a.yaml', topology: { ...validTopology, services: 'nope' } },
    { path: '/a.yaml', topology: { ...validTopology, __proto__: { polluted: true } } },
    { path: '/a.yaml', topology: JSON.parse(`{"schemaVersion":2,"project":"p","name":"n","services":${'['.repeat(2000)}${']'.repeat(2000)}}`) },
  ),
);

/** A valid request with one value somewhere inside replaced by something hostile. */
function corrupted(base: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(base, []);
  return fc.tuple(fc.constantFrom(...paths), hostile).map(([path, replacement]) => {
    if (path.length === 0) return replacement;
    const copy = structuredClone(base) as Record<string | number, unknown>;
    let target = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[path.at(-1)!] = replacement;
    return copy;
  });
}

const validRequests: Record<ChannelName, unknown> = {
  'app.info': {},
  'app.takeStartupOpen': {},
  'file.open': { path: '/home/me/shop.stackdraft.yaml' },
  'file.save': { path: '/home/me/shop.stackdraft.yaml', topology: validTopology, overwriteExternalChanges: false },
  'file.saveAs': { path: '/home/me/copy.yaml', topology: validTopology },
  'file.listRecent': {},
  'file.clearRecent': {},
  'example.list': {},
  'example.open': { id: 'seed-000' },
  'settings.get': {},
  'settings.update': { theme: 'dark', autosaveIntervalSeconds: 30, defaultHealthCheckTimeoutSeconds: 90, reopenLastFile: false },
  'window.setDocumentState': { name: 'shop.stackdraft.yaml', path: '/home/me/shop.stackdraft.yaml', dirty: true },
  'window.setMenuState': { enabled: ['file.open', 'file.save'], checked: ['view.themeDark'] },
  'app.openLink': { link: 'docs' },
  'secrets.status': {},
  'secrets.set': { key: 'ssh/h1.example/passphrase', value: 'correct horse' },
  'secrets.delete': { key: 'token/registry' },
  'secrets.list': {},
  'recovery.save': { topology: validTopology, path: null, name: 'shop (example)' },
  'recovery.take': {},
  'recovery.discard': {},
  'export.save': { path: '/home/me/map.mmd', suggestedName: 'map.mmd', content: { kind: 'text', text: 'flowchart TB' } },
  'import.sshConfig': {},
  'deploy.plan': { topology: validTopology, tier: 'small' },
  'deploy.apply': { topology: validTopology, tier: 'small', breakLock: false, healthTimeoutSeconds: 60 },
  'deploy.rollbackPlan': { topology: validTopology, tier: 'small' },
  'deploy.rollback': { topology: validTopology, tier: 'small', breakLock: false },
  'deploy.cancel': { jobId: 'job-1' },
  'deploy.status': { topology: validTopology, tier: 'small' },
  'hostKey.trust': { requestId: 'abc123', fingerprint: `SHA256:${'A'.repeat(43)}` },
  'hostKey.list': {},
  'hostKey.remove': { host: '10.77.0.11', port: 22, fingerprint: `SHA256:${'A'.repeat(43)}` },
  'ssh.passphrase': { keyFile: '/home/me/.ssh/id_ed25519', passphrase: 'correct horse', remember: true },
};

describe('dispatch under malformed payloads (property)', () => {
  it('covers every channel', () => {
    expect(Object.keys(validRequests).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each(CHANNEL_NAMES)('%s: never throws, and runs the handler only for a payload its schema accepts', async (channel) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostile, corrupted(validRequests[channel])), async (payload) => {
        const handlers = spyHandlers();
        const result = await dispatch(handlers, channel, payload, true, silent);
        const accepted = channels[channel].request.safeParse(payload).success;
        expect(handlers[channel].mock.calls.length).toBe(accepted ? 1 : 0);
        if (!accepted) {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe('BAD_REQUEST');
            expect(result.error.message.startsWith(`${channel}: `)).toBe(true);
          }
        }
        for (const other of CHANNEL_NAMES) if (other !== channel) expect(handlers[other]).not.toHaveBeenCalled();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('no payload at all reaches a handler from a forbidden sender', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), hostile, async (channel, payload) => {
        const handlers = spyHandlers();
        const result = await dispatch(handlers, channel, payload, false, silent);
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
        expect(handlers[channel]).not.toHaveBeenCalled();
      }),
      { numRuns: 100 },
    );
  });

  it('accepts each valid request (the property above would be vacuous otherwise)', async () => {
    for (const channel of CHANNEL_NAMES) {
      const handlers = spyHandlers();
      expect(await dispatch(handlers, channel, validRequests[channel], true)).toEqual({ ok: true, value: `ran ${channel}` });
    }
  });
});
