// Only types from electron: the template is built and unit-tested in plain Node.
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentFile } from '../../shared/ipc';
import { acceleratorFor, compactSeparators, MENUS, type Menu, type MenuItem, type Platform } from '../../shared/menu';

export interface NativeMenuOptions {
  platform: Platform;
  appName: string;
  recent: RecentFile[];
  /** Sends `menu.command` to the focused window. */
  send(command: string): void;
  /** Queues a recent file and tells the window to take it (`file.openPending`). */
  openRecent(path: string): void;
  clearRecent(): void;
  /** Checked state of radio items (theme, grouping), as the window last reported it. */
  checked?: ReadonlySet<string>;
  /** Commands the window can run now; until it reports, every item is enabled. */
  enabled?: ReadonlySet<string>;
}

/** The native application menu, from the one menu model. */
export function nativeMenuTemplate(options: NativeMenuOptions, menus: readonly Menu[] = MENUS): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = menus.map((menu) => ({
    label: menu.id === 'help' && options.platform === 'darwin' ? 'Help' : `&${menu.label}`,
    ...(menu.id === 'help' ? { role: 'help' as const } : {}),
    submenu: compactSeparators(menu.items.flatMap((item) => nativeItems(item, options))),
  }));
  // macOS puts About, Hide and Quit in a menu named after the app.
  if (options.platform === 'darwin') {
    template.unshift({
      label: options.appName,
      submenu: [
        { label: `About ${options.appName}`, click: () => options.send('help.about') },
        { type: 'separator' },
        { label: 'Preferences…', accelerator: 'Cmd+,', click: () => options.send('file.preferences') },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  return template;
}

function nativeItems(item: MenuItem, options: NativeMenuOptions): MenuItemConstructorOptions[] {
  const { platform } = options;
  switch (item.kind) {
    case 'separator':
      return [{ type: 'separator' }];
    case 'recent':
      return [recentSubmenu(options)];
    case 'native': {
      // macOS quits from the app menu, not from File.
      if (item.role === 'quit' && platform === 'darwin') return [];
      const accelerator = acceleratorFor(item.accelerator, platform);
      return [{ role: item.role, ...(accelerator ? { accelerator } : {}) }];
    }
    case 'command': {
      if ((item.id === 'help.about' || item.id === 'file.preferences') && platform === 'darwin') return [];
      const accelerator = acceleratorFor(item.accelerator, platform);
      // Text-field editing must keep working natively: those items are roles.
      if (item.role) return [{ role: item.role, label: item.label, ...(accelerator ? { accelerator } : {}) }];
      return [
        {
          id: item.id,
          label: item.label,
          ...(accelerator ? { accelerator } : {}),
          // Not yet built, or not possible now (Save with nothing open): greyed out, never faked.
          ...(options.enabled ? { enabled: options.enabled.has(item.id) } : {}),
          ...(item.radio ? { type: 'radio' as const, checked: options.checked?.has(item.id) ?? false } : {}),
          click: () => options.send(item.id),
        },
      ];
    }
  }
}

function recentSubmenu(options: NativeMenuOptions): MenuItemConstructorOptions {
  const files: MenuItemConstructorOptions[] = options.recent.map((file) => ({ label: file.path, click: () => options.openRecent(file.path) }));
  return {
    label: 'Open Recent',
    ...(options.platform === 'darwin' ? { role: 'recentDocuments' as const } : {}),
    submenu:
      files.length === 0
        ? [{ label: 'No Recent Files', enabled: false }]
        : [...files, { type: 'separator' }, { label: 'Clear Recent', click: options.clearRecent }],
  };
}
