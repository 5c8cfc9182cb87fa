/**
 * The packaging configuration, checked without packaging (no Electron binary here):
 * electron-builder's own schema validator reads the `build` key of package.json, and the
 * afterPack hook flips the fuses of a binary that carries Electron's fuse wire.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Fuses from '@electron/fuses';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { build: Record<string, unknown> & { [k: string]: unknown } };
const build = pkg.build as Record<string, Record<string, unknown> & { target?: string[] }>;

describe('electron-builder configuration', () => {
  it('passes electron-builder\'s own schema validation', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, path: null, options: null): Promise<Record<string, unknown>>;
      validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(ROOT, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, linux: { targets: 'AppImage' } }, new DebugLogger(false))).rejects.toThrow(/configuration\.linux/);
  }, 90_000);

  it('builds AppImage and deb, dmg, and nsis', () => {
    expect(build.linux?.target).toEqual(['AppImage', 'deb']);
    expect(build.mac?.target).toEqual(['dmg']);
    expect(build.win?.target).toEqual(['nsis']);
  });

  it('has what a deb needs (homepage, author with email) and a package script', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author).toMatchObject({ name: expect.any(String), email: expect.stringContaining('@') });
    expect((pkg.scripts as Record<string, string>).package).toMatch(/electron-builder/);
  });

  it('associates .stackdraft.yaml files with the app', () => {
    expect(pkg.build.fileAssociations).toEqual([expect.objectContaining({ ext: 'stackdraft.yaml', role: 'Editor', mimeType: 'application/x-stackdraft+yaml' })]);
    expect(build.linux?.mimeTypes).toContain('application/x-stackdraft+yaml');
  });

  it('ships the icon at the sizes the platforms need', () => {
    for (const [file, size] of [['icon.png', 1024], ['512x512.png', 512], ['256x256.png', 256]] as const) {
      const png = readFileSync(join(ROOT, 'resources/icons', file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([size, size]);
    }
    expect(existsSync(join(ROOT, String(build.mac?.icon)))).toBe(true);
    expect(existsSync(join(ROOT, String(build.win?.icon)))).toBe(true);
  });

  it('packs the built app into an asar and the examples beside it, where main looks for them', () => {
    expect(pkg.build.asar).toBe(true);
    expect(pkg.build.files).toContain('out/**/*');
    expect(pkg.build.extraResources).toEqual([{ from: 'resources/examples', to: 'examples' }]);
    expect(readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8')).toContain("join(process.resourcesPath, 'examples')");
  });
});

describe('fuses flipped after packing', () => {
  const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses') as typeof Fuses;
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

  /** A file with Electron's fuse wire as shipped: version 1, eight fuses, all at their defaults. */
  async function fakeElectronBinary(dir: string, name: string): Promise<string> {
    const wire = Buffer.from([1, 8, ...'10111001'.split('').map((c) => c.charCodeAt(0))]);
    const file = join(dir, name);
    await fs.writeFile(file, Buffer.concat([Buffer.from('ELF…code…'), Buffer.from(SENTINEL), wire, Buffer.from('…more code')]));
    return file;
  }

  it.each([
    ['linux', 'stackdraft'],
    ['win32', 'Stackdraft.exe'],
  ])('the afterPack hook turns off runAsNode, NODE_OPTIONS and --inspect and turns on asar-only and integrity (%s)', async (platform, binary) => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'stackdraft-fuses-'));
    try {
      const file = await fakeElectronBinary(dir, binary);
      const afterPack = require(join(ROOT, build.afterPack as unknown as string)) as (context: unknown) => Promise<void>;
      await afterPack({ appOutDir: dir, electronPlatformName: platform, arch: 1, packager: { appInfo: { productFilename: 'Stackdraft' }, executableName: 'stackdraft' } });
      const wire = await getCurrentFuseWire(file);
      const on = (fuse: number) => wire[fuse as keyof typeof wire] === 49;
      expect(on(FuseV1Options.RunAsNode)).toBe(false);
      expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
      expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
      expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
      expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
      expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
