import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleTopology } from '../../shared/view/testing';
import { Recovery } from './recovery';

describe('Recovery', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stackdraft-recovery-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives back the last autosaved work, also to a new process, until it is discarded', async () => {
    const topology = { ...sampleTopology(), name: 'Edited' };
    await new Recovery(dir, () => new Date('2026-01-02T03:04:05Z')).save(topology, '/work/shop.stackdraft.yaml', 'shop.stackdraft.yaml');
    const later = new Recovery(dir);
    const recovered = await later.take();
    expect(recovered).toEqual({ topology, path: '/work/shop.stackdraft.yaml', name: 'shop.stackdraft.yaml', savedAt: '2026-01-02T03:04:05.000Z' });
    expect(await later.take()).toEqual(recovered);
    await later.discard();
    expect(await later.take()).toBeNull();
  });

  it('replaces the previous autosave and leaves no temp files', async () => {
    const recovery = new Recovery(dir);
    await recovery.save({ ...sampleTopology(), name: 'One' }, null, 'shop (example)');
    await recovery.save({ ...sampleTopology(), name: 'Two' }, null, 'shop (example)');
    expect((await recovery.take())?.topology.name).toBe('Two');
    expect(await readdir(dir)).toEqual(['recovery.json']);
  });

  it('moves an unreadable recovery file aside instead of deleting it', async () => {
    const warnings: string[] = [];
    const recovery = new Recovery(dir, undefined, (m) => warnings.push(m));
    await writeFile(recovery.file, '{"version":1,"name":"x","savedAt":"now","yaml":"schemaVersion: 2\\nproject: \\"bad name\\""}');
    expect(await recovery.take()).toBeNull();
    expect(warnings[0]).toMatch(/could not be read \(the document does not load/);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^recovery\.json\.unreadable-/);
  });
});
