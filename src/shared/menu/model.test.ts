import { describe, expect, it } from 'vitest';
import { events } from '../ipc/contract';
import { acceleratorFor, displayAccelerator, matchesAccelerator, parseAccelerator, type Platform } from './accelerators';
import { commandItems, MENUS, OPEN_PENDING_COMMAND } from './model';

const PLATFORMS: Platform[] = ['darwin', 'win32', 'linux'];

describe('the menu model', () => {
  it('has the six menus a user looks for, in order', () => {
    expect(MENUS.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Tier', 'Deploy', 'Help']);
  });

  it('gives every command an id the menu.command event accepts, once', () => {
    const ids = commandItems().map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...ids, OPEN_PENDING_COMMAND]) expect(events['menu.command'].safeParse({ command: id }).success, id).toBe(true);
    for (const id of ids) expect(id.split('.')[0], id).toBe(MENUS.find((m) => m.items.includes(commandItems().find((c) => c.id === id)!))?.id);
  });

  it('never binds one shortcut to two items on the same platform', () => {
    for (const platform of PLATFORMS) {
      const seen = new Map<string, string>();
      for (const menu of MENUS) {
        for (const item of menu.items) {
          if (item.kind !== 'command' && item.kind !== 'native') continue;
          const accelerator = acceleratorFor(item.accelerator, platform);
          if (!accelerator) continue;
          const chord = JSON.stringify(parseAccelerator(accelerator, platform));
          const name = item.kind === 'command' ? item.id : item.role;
          expect(seen.get(chord), `${platform}: ${name} and ${seen.get(chord)} share ${accelerator}`).toBeUndefined();
          seen.set(chord, name);
        }
      }
    }
  });

  it('uses the standard shortcuts of each platform', () => {
    const accel = (id: string, platform: Platform) => acceleratorFor(commandItems().find((c) => c.id === id)?.accelerator, platform);
    expect(displayAccelerator(accel('file.save', 'darwin')!, 'darwin')).toBe('⌘S');
    expect(displayAccelerator(accel('file.saveAs', 'darwin')!, 'darwin')).toBe('⇧⌘S');
    expect(displayAccelerator(accel('file.saveAs', 'win32')!, 'win32')).toBe('Ctrl+Shift+S');
    expect(accel('edit.redo', 'win32')).toBe('Ctrl+Y');
    expect(accel('edit.redo', 'darwin')).toBe('Cmd+Shift+Z');
    expect(accel('edit.redo', 'linux')).toBe('Ctrl+Shift+Z');
    const quit = MENUS[0]!.items.find((i) => i.kind === 'native' && i.role === 'quit');
    expect(quit && quit.kind === 'native' ? acceleratorFor(quit.accelerator, 'linux') : undefined).toBe('Ctrl+Q');
  });
});

describe('matchesAccelerator', () => {
  const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it('resolves CmdOrCtrl per platform and requires exact modifiers', () => {
    expect(matchesAccelerator(press('s', { ctrlKey: true }), 'CmdOrCtrl+S', 'linux')).toBe(true);
    expect(matchesAccelerator(press('s', { metaKey: true }), 'CmdOrCtrl+S', 'linux')).toBe(false);
    expect(matchesAccelerator(press('s', { metaKey: true }), 'CmdOrCtrl+S', 'darwin')).toBe(true);
    expect(matchesAccelerator(press('S', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+S', 'linux')).toBe(false);
    expect(matchesAccelerator(press('S', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Shift+S', 'linux')).toBe(true);
  });

  it('accepts "=" and "+" for zoom in, with or without Shift', () => {
    expect(matchesAccelerator(press('=', { ctrlKey: true }), 'CmdOrCtrl+=', 'linux')).toBe(true);
    expect(matchesAccelerator(press('+', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+=', 'linux')).toBe(true);
    expect(matchesAccelerator(press('-', { ctrlKey: true }), 'CmdOrCtrl+=', 'linux')).toBe(false);
  });

  it('reads named keys', () => {
    expect(matchesAccelerator(press('PageDown', { ctrlKey: true }), 'CmdOrCtrl+PageDown', 'win32')).toBe(true);
    expect(displayAccelerator('CmdOrCtrl+PageDown', 'win32')).toBe('Ctrl+PgDn');
    expect(displayAccelerator('F11', 'linux')).toBe('F11');
    expect(displayAccelerator('CmdOrCtrl+Plus', 'linux')).toBe('Ctrl+Plus');
  });
});

describe('compactSeparators', () => {
  it('drops separators at the ends and doubled ones', async () => {
    const { compactSeparators } = await import('./model');
    const s = { kind: 'separator' };
    const a = { kind: 'command', id: 'a' };
    const b = { kind: 'command', id: 'b' };
    expect(compactSeparators([s, a, s, s, b, s])).toEqual([a, s, b]);
    expect(compactSeparators([s, s])).toEqual([]);
  });
});
