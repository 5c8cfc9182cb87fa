import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/ipc/contract';
import { toSvg } from '../../shared/export/svg';
import { sampleTopology } from '../../shared/view/testing';
import { saveExport } from './export-files';

describe('export.save', () => {
  it('writes text and PNG exports, replacing an old export whole', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'sd-export-save-'));
    const mmd = join(dir, 'map.mmd');
    await fs.writeFile(mmd, 'old');
    await saveExport(mmd, { kind: 'text', text: 'flowchart TB\n' });
    expect(await fs.readFile(mmd, 'utf8')).toBe('flowchart TB\n');
    expect((await fs.readdir(dir)).sort()).toEqual(['map.mmd']);
    const png = join(dir, 'map.png');
    await saveExport(png, { kind: 'png', svg: toSvg(sampleTopology(), 'small').svg, scale: 1 });
    expect((await fs.readFile(png)).subarray(1, 4).toString()).toBe('PNG');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses paths with other extensions and file names with folders, before any handler runs', () => {
    const request = channels['export.save'].request;
    const content = { kind: 'text', text: 'x' } as const;
    expect(request.safeParse({ path: '/home/me/.bashrc', suggestedName: 'a.mmd', content }).success).toBe(false);
    expect(request.safeParse({ path: '/home/me/run.sh', suggestedName: 'a.mmd', content }).success).toBe(false);
    expect(request.safeParse({ suggestedName: '../../x.mmd', content }).success).toBe(false);
    expect(request.safeParse({ path: '/home/me/map.svg', suggestedName: 'map.svg', content }).success).toBe(true);
  });
});
