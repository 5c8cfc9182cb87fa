import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeTopology } from '../../shared/format';
import { HandlerError, type LoadFailedDetails } from '../../shared/ipc';
import { emptyTopology, topologySchema, type Topology } from '../../shared/model';
import type { AtomicWriteFs } from './atomic-write';
import { Documents } from './documents';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-docs-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function sample(name = 'Shop'): Topology {
  return topologySchema.parse({
    schemaVersion: 2,
    project: 'shop',
    name,
    services: [{ id: 'web', name: 'web', kind: 'app', image: 'nginx:1.27' }],
  });
}

async function writeSample(file: string, topology = sample()): Promise<string> {
  const path = join(dir, file);
  await fs.writeFile(path, serializeTopology(topology));
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<HandlerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HandlerError);
  return error as HandlerError;
}

describe('Documents.open', () => {
  it('loads a file and names it by its basename', async () => {
    const path = await writeSample('shop.stackdraft.yaml');
    const opened = await new Documents().open(path);
    expect(opened).toMatchObject({ path, name: 'shop.stackdraft.yaml', readOnly: false, fromVersion: 2 });
    expect(opened.topology).toEqual(sample());
  });

  it('reports the first problem with file, line, column and field', async () => {
    const path = join(dir, 'bad.yaml');
    await fs.writeFile(path, 'schemaVersion: 2\nproject: shop\nname: Shop\nservices:\n  - id: web\n    name: "bad name!"\n    kind: app\n    image: x\n');
    const error = await rejection(new Documents().open(path));
    expect(error.code).toBe('LOAD_FAILED');
    expect(error.message).toMatch(/^bad\.yaml:6:5 services\[0\].*name: must start with a letter or digit/);
    const details = error.details as LoadFailedDetails;
    expect(details.path).toBe(path);
    expect(details.problems[0]).toMatchObject({ code: 'SCHEMA', line: 6 });
  });

  it('reports a missing file as NOT_FOUND and a folder as BAD_REQUEST', async () => {
    expect((await rejection(new Documents().open(join(dir, 'none.yaml')))).code).toBe('NOT_FOUND');
    await fs.mkdir(join(dir, 'folder.yaml'));
    expect((await rejection(new Documents().open(join(dir, 'folder.yaml')))).code).toBe('BAD_REQUEST');
  });

  it('opens a file from a newer schema read-only and says why', async () => {
    const path = join(dir, 'newer.yaml');
    await fs.writeFile(path, 'schemaVersion: 99\nproject: shop\nname: Shop\n');
    const opened = await new Documents().open(path);
    expect(opened.readOnly).toBe(true);
    expect(opened.notice).toMatch(/newer Stackdraft/);
  });
});

describe('Documents.save', () => {
  it('refuses a path that was never opened and points to Save As', async () => {
    const path = await writeSample('shop.yaml');
    const error = await rejection(new Documents().save(path, sample()));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/Save As/);
  });

  it('writes nothing when the document is unchanged', async () => {
    const path = await writeSample('shop.yaml');
    const before = await fs.stat(path);
    const docs = new Documents();
    const opened = await docs.open(path);
    const saved = await docs.save(path, opened.topology);
    expect(saved).toEqual({ path, name: 'shop.yaml', unchanged: true });
    expect((await fs.stat(path)).ino).toBe(before.ino);
    expect(await fs.readdir(dir)).toEqual(['shop.yaml']);
  });

  it('writes a changed document and keeps the old one as .bak', async () => {
    const path = await writeSample('shop.yaml');
    const old = await fs.readFile(path, 'utf8');
    const docs = new Documents();
    await docs.open(path);
    const saved = await docs.save(path, sample('Shop 2'));
    expect(saved.unchanged).toBe(false);
    expect(await fs.readFile(path, 'utf8')).toBe(serializeTopology(sample('Shop 2')));
    expect(await fs.readFile(`${path}.bak`, 'utf8')).toBe(old);
    // A second save after our own write is not an external change.
    expect((await docs.save(path, sample('Shop 3'))).unchanged).toBe(false);
  });

  it('refuses when the file changed on disk, unless told to overwrite', async () => {
    const path = await writeSample('shop.yaml');
    const docs = new Documents();
    await docs.open(path);
    await fs.writeFile(path, serializeTopology(sample('Edited elsewhere')));
    const error = await rejection(docs.save(path, sample('Mine')));
    expect(error.code).toBe('CHANGED_ON_DISK');
    expect(await fs.readFile(path, 'utf8')).toBe(serializeTopology(sample('Edited elsewhere')));
    await docs.save(path, sample('Mine'), true);
    expect(await fs.readFile(path, 'utf8')).toBe(serializeTopology(sample('Mine')));
  });

  it('refuses when the file was deleted since it was opened', async () => {
    const path = await writeSample('shop.yaml');
    const docs = new Documents();
    await docs.open(path);
    await fs.rm(path);
    expect((await rejection(docs.save(path, sample()))).code).toBe('CHANGED_ON_DISK');
  });

  it('never writes a read-only (newer schema) file', async () => {
    const path = join(dir, 'newer.yaml');
    const content = 'schemaVersion: 99\nproject: shop\nname: Shop\n';
    await fs.writeFile(path, content);
    const docs = new Documents();
    const opened = await docs.open(path);
    const error = await rejection(docs.save(path, opened.topology));
    expect(error.code).toBe('READ_ONLY');
    expect(error.message).toMatch(/newer Stackdraft \(schema 99\).*Save As/);
    expect((await rejection(docs.saveAs(path, opened.topology))).code).toBe('READ_ONLY');
    expect(await fs.readFile(path, 'utf8')).toBe(content);
  });

  it('never writes a file that failed to load, until it loads', async () => {
    const path = join(dir, 'broken.yaml');
    await fs.writeFile(path, 'schemaVersion: 2\nproject: [\n');
    const docs = new Documents();
    await rejection(docs.open(path));
    expect((await rejection(docs.save(path, sample()))).code).toBe('READ_ONLY');
    expect((await rejection(docs.saveAs(path, sample()))).code).toBe('READ_ONLY');
    expect(await fs.readFile(path, 'utf8')).toBe('schemaVersion: 2\nproject: [\n');
    // Fixed by hand: it loads, and then it may be saved.
    await fs.writeFile(path, serializeTopology(sample()));
    await docs.open(path);
    expect((await docs.save(path, sample('Fixed'))).unchanged).toBe(false);
  });

  it('turns a disk failure into IO_ERROR and leaves the file as it was', async () => {
    const path = await writeSample('shop.yaml');
    const full: AtomicWriteFs = {
      ...fs,
      rename: (async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      }) as typeof fs.rename,
    };
    const docs = new Documents({ fs: full });
    await docs.open(path);
    const error = await rejection(docs.save(path, sample('Changed')));
    expect(error.code).toBe('IO_ERROR');
    expect(error.message).toMatch(/disk is full/);
    expect(await fs.readFile(path, 'utf8')).toBe(serializeTopology(sample()));
  });

  it('serialises concurrent saves of one file', async () => {
    const path = await writeSample('shop.yaml');
    const docs = new Documents();
    await docs.open(path);
    const results = await Promise.allSettled(['A', 'B', 'C'].map((n) => docs.save(path, sample(n))));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await fs.readFile(path, 'utf8')).toBe(serializeTopology(sample('C')));
  });
});

describe('Documents.saveAs', () => {
  it('writes a new file and registers it for Save', async () => {
    const docs = new Documents();
    const path = join(dir, 'new.stackdraft.yaml');
    expect(await docs.saveAs(path, emptyTopology('New'))).toEqual({ path, name: 'new.stackdraft.yaml', unchanged: false });
    expect(await fs.readFile(path, 'utf8')).toBe(serializeTopology(emptyTopology('New')));
    expect((await docs.save(path, emptyTopology('Newer'))).unchanged).toBe(false);
  });

  it('refuses to replace an unopened file from a newer Stackdraft', async () => {
    const path = join(dir, 'newer.yaml');
    await fs.writeFile(path, 'schemaVersion: 99\nproject: shop\nname: Shop\n');
    expect((await rejection(new Documents().saveAs(path, sample()))).code).toBe('READ_ONLY');
  });
});
