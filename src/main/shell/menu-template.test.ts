import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { commandItems } from '../../shared/menu';
import { nativeMenuTemplate, type NativeMenuOptions } from './menu-template';

function options(overrides: Partial<NativeMenuOptions> = {}): NativeMenuOptions {
  return { platform: 'linux', appName: 'Stackdraft', recent: [], send: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), ...overrides };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const find = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label?.replace('&', '') === label);

describe('nativeMenuTemplate', () => {
  it('has File, Edit, View, Tier, Deploy, Help on Linux and Windows, with the app menu first on macOS', () => {
    expect(nativeMenuTemplate(options()).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Tier', '&Deploy', '&Help']);
    const mac = nativeMenuTemplate(options({ platform: 'darwin' }));
    expect(mac.map((m) => m.label)).toEqual(['Stackdraft', '&File', '&Edit', '&View', '&Tier', '&Deploy', 'Help']);
    expect(submenu(mac[0]).some((i) => i.role === 'quit')).toBe(true);
    expect(submenu(find(mac, 'File')).some((i) => i.role === 'quit')).toBe(false);
  });

  it('puts Preferences… in File with Ctrl+, on Linux and Windows, and in the app menu with Cmd+, on macOS', () => {
    const send = vi.fn();
    const linux = submenu(find(nativeMenuTemplate(options()), 'File')).find((i) => i.id === 'file.preferences');
    expect(linux).toMatchObject({ label: 'Preferences…', accelerator: 'CmdOrCtrl+,' });
    const mac = nativeMenuTemplate(options({ platform: 'darwin', send }));
    expect(submenu(find(mac, 'File')).some((i) => i.id === 'file.preferences')).toBe(false);
    const appMenuItem = submenu(mac[0]).find((i) => i.label === 'Preferences…');
    expect(appMenuItem?.accelerator).toBe('Cmd+,');
    (appMenuItem?.click as () => void)();
    expect(send).toHaveBeenCalledWith('file.preferences');
  });

  it('sends menu.command with the item id, with the model accelerators', () => {
    const send = vi.fn();
    const template = nativeMenuTemplate(options({ send, platform: 'win32' }));
    const saveAs = submenu(find(template, 'File')).find((i) => i.id === 'file.saveAs');
    expect(saveAs?.accelerator).toBe('CmdOrCtrl+Shift+S');
    (saveAs?.click as () => void)();
    expect(send).toHaveBeenCalledWith('file.saveAs');
    expect(submenu(find(template, 'Edit')).find((i) => i.id === 'edit.redo')?.accelerator).toBe('Ctrl+Y');
  });

  it('keeps native roles for text editing, and every other command of the model as an item', () => {
    const template = nativeMenuTemplate(options());
    const all = template.flatMap((m) => submenu(m));
    expect(all.filter((i) => i.role === 'copy' || i.role === 'paste' || i.role === 'cut' || i.role === 'selectAll')).toHaveLength(4);
    const ids = new Set(all.map((i) => i.id));
    for (const item of commandItems()) if (!item.role) expect(ids.has(item.id), item.id).toBe(true);
  });

  it('lists recent files and opens one through the pending queue', () => {
    const openRecent = vi.fn();
    const template = nativeMenuTemplate(options({ openRecent, recent: [{ path: '/w/a.stackdraft.yaml', name: 'a.stackdraft.yaml', openedAt: '' }] }));
    const recent = submenu(submenu(find(template, 'File')).find((i) => i.label === 'Open Recent'));
    expect(recent[0]?.label).toBe('/w/a.stackdraft.yaml');
    (recent[0]?.click as () => void)();
    expect(openRecent).toHaveBeenCalledWith('/w/a.stackdraft.yaml');
    const empty = submenu(submenu(find(nativeMenuTemplate(options()), 'File')).find((i) => i.label === 'Open Recent'));
    expect(empty).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('greys out what the window cannot run (unbuilt commands, Save with nothing open)', () => {
    const template = nativeMenuTemplate(options({ enabled: new Set(['file.open']) }));
    const file = submenu(find(template, 'File'));
    expect(file.find((i) => i.id === 'file.open')?.enabled).toBe(true);
    expect(file.find((i) => i.id === 'file.save')?.enabled).toBe(false);
    expect(submenu(find(template, 'Deploy')).find((i) => i.id === 'deploy.plan')?.enabled).toBe(false);
    // Text editing stays native and always available.
    expect(submenu(find(template, 'Edit')).find((i) => i.role === 'copy')).not.toHaveProperty('enabled');
  });

  it('shows the checked theme and grouping as radio items', () => {
    const template = nativeMenuTemplate(options({ checked: new Set(['view.themeDark', 'view.byPlane']) }));
    const view = submenu(find(template, 'View'));
    expect(view.find((i) => i.id === 'view.themeDark')).toMatchObject({ type: 'radio', checked: true });
    expect(view.find((i) => i.id === 'view.themeLight')).toMatchObject({ type: 'radio', checked: false });
  });
});
