import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeTopology } from '../../shared/format';
import { HandlerError } from '../../shared/ipc';
import { emptyTopology } from '../../shared/model';
import { Examples } from './examples';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-examples-'));
  await fs.writeFile(join(dir, 'small.stackdraft.yaml'), serializeTopology(emptyTopology('Small')));
  await fs.writeFile(join(dir, 'broken.stackdraft.yaml'), 'schemaVersion: 2\nname: [\n');
  await fs.writeFile(
    join(dir, 'catalog.json'),
    JSON.stringify([
      { id: 'small', name: 'Small system', description: 'One host', file: 'small.stackdraft.yaml', seed: '000' },
      { id: 'broken', name: 'Broken', description: 'Does not load', file: 'broken.stackdraft.yaml', seed: '001' },
      { id: 'gone', name: 'Gone', description: 'File missing', file: 'gone.stackdraft.yaml', seed: '002' },
    ]),
  );
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HandlerError);
  return (error as HandlerError).code;
}

describe('Examples', () => {
  it('lists id, name and description', async () => {
    expect(await new Examples(dir).list()).toEqual([
      { id: 'small', name: 'Small system', description: 'One host' },
      { id: 'broken', name: 'Broken', description: 'Does not load' },
      { id: 'gone', name: 'Gone', description: 'File missing' },
    ]);
  });

  it('opens an example as an unsaved document', async () => {
    const opened = await new Examples(dir).open('small');
    expect(opened).toMatchObject({ path: null, name: 'Small system', readOnly: false, fromVersion: 2 });
    expect(opened.topology).toEqual(emptyTopology('Small'));
  });

  it('answers NOT_FOUND, LOAD_FAILED or UNAVAILABLE with a reason', async () => {
    const examples = new Examples(dir);
    expect(await codeOf(examples.open('nope'))).toBe('NOT_FOUND');
    expect(await codeOf(examples.open('broken'))).toBe('LOAD_FAILED');
    expect(await codeOf(examples.open('gone'))).toBe('UNAVAILABLE');
    expect(await codeOf(new Examples(join(dir, 'missing')).list())).toBe('UNAVAILABLE');
  });

  it('refuses a catalog entry that points outside its folder', async () => {
    await fs.writeFile(join(dir, 'catalog.json'), JSON.stringify([{ id: 'x', name: 'X', description: '', file: '../x.yaml', seed: '' }]));
    expect(await codeOf(new Examples(dir).list())).toBe('UNAVAILABLE');
  });
});

describe('the bundled examples', () => {
  const bundled = join(import.meta.dirname, '../../../resources/examples');
  it.runIf(existsSync(join(bundled, 'catalog.json')))('all open', async () => {
    const examples = new Examples(bundled);
    const list = await examples.list();
    expect(list.length).toBeGreaterThan(0);
    for (const { id } of list) expect((await examples.open(id)).topology.name).toBeTruthy();
  });
});
