import type { AcceleratorSpec } from './accelerators';

/**
 * The one menu model. Main turns it into the native application menu (each item sends
 * `menu.command` with its id); the browser build renders it as an in-app menu bar. Both
 * dispatch to the renderer's command registry, so a command behaves the same from either.
 */

/** `domain.verb`, as the `menu.command` event carries it. */
export type CommandId = `${'file' | 'edit' | 'view' | 'tier' | 'deploy' | 'help'}.${string}`;

/** Items the OS provides natively (text editing, window management) in Electron's menu. */
export type NativeRole = 'cut' | 'copy' | 'paste' | 'selectAll' | 'togglefullscreen' | 'minimize' | 'quit' | 'about' | 'hide' | 'hideOthers' | 'unhide' | 'services';

export type MenuItem =
  | { kind: 'command'; id: CommandId; label: string; accelerator?: AcceleratorSpec; role?: NativeRole; radio?: boolean }
  | { kind: 'separator' }
  /** Filled with the recent files when the menu is built. */
  | { kind: 'recent' }
  /** Only in the native menu (the browser has its own). */
  | { kind: 'native'; role: NativeRole; accelerator?: AcceleratorSpec };

export interface Menu {
  id: 'file' | 'edit' | 'view' | 'tier' | 'deploy' | 'help';
  label: string;
  items: MenuItem[];
}

const cmd = (id: CommandId, label: string, accelerator?: AcceleratorSpec, extra: { role?: NativeRole; radio?: boolean } = {}): MenuItem => ({
  kind: 'command',
  id,
  label,
  ...(accelerator === undefined ? {} : { accelerator }),
  ...extra,
});
const separator: MenuItem = { kind: 'separator' };

export const MENUS: readonly Menu[] = [
  {
    id: 'file',
    label: 'File',
    items: [
      cmd('file.open', 'Open…', 'CmdOrCtrl+O'),
      { kind: 'recent' },
      separator,
      cmd('file.save', 'Save', 'CmdOrCtrl+S'),
      cmd('file.saveAs', 'Save As…', 'CmdOrCtrl+Shift+S'),
      separator,
      cmd('file.import', 'Import…', 'CmdOrCtrl+I'),
      cmd('file.export', 'Export…', 'CmdOrCtrl+E'),
      separator,
      cmd('file.close', 'Close File', 'CmdOrCtrl+W'),
      separator,
      // On macOS main moves this to the app menu, where Mac users look for it.
      cmd('file.preferences', 'Preferences…', 'CmdOrCtrl+,'),
      // macOS quits from the app menu; Windows users expect Exit without a shortcut (Alt+F4 is the window's).
      { kind: 'native', role: 'quit', accelerator: { linux: 'Ctrl+Q' } },
    ],
  },
  {
    id: 'edit',
    label: 'Edit',
    items: [
      cmd('edit.undo', 'Undo', 'CmdOrCtrl+Z'),
      cmd('edit.redo', 'Redo', { darwin: 'Cmd+Shift+Z', win32: 'Ctrl+Y', linux: 'Ctrl+Shift+Z' }),
      separator,
      // The role keeps cut/copy/paste working in text fields; the canvas registers its own later.
      cmd('edit.cut', 'Cut', 'CmdOrCtrl+X', { role: 'cut' }),
      cmd('edit.copy', 'Copy', 'CmdOrCtrl+C', { role: 'copy' }),
      cmd('edit.paste', 'Paste', 'CmdOrCtrl+V', { role: 'paste' }),
      cmd('edit.duplicate', 'Duplicate', 'CmdOrCtrl+D'),
      cmd('edit.delete', 'Delete', { darwin: 'Backspace', win32: 'Delete', linux: 'Delete' }),
      separator,
      cmd('edit.selectAll', 'Select All', 'CmdOrCtrl+A', { role: 'selectAll' }),
    ],
  },
  {
    id: 'view',
    label: 'View',
    items: [
      cmd('view.zoomIn', 'Zoom In', 'CmdOrCtrl+='),
      cmd('view.zoomOut', 'Zoom Out', 'CmdOrCtrl+-'),
      cmd('view.fitView', 'Fit to Window', 'CmdOrCtrl+Shift+H'),
      cmd('view.actualSize', 'Actual Size', 'CmdOrCtrl+0'),
      separator,
      cmd('view.byHost', 'Group by Host', 'CmdOrCtrl+1', { radio: true }),
      cmd('view.byPlane', 'Group by Plane', 'CmdOrCtrl+2', { radio: true }),
      separator,
      cmd('view.themeSystem', 'Theme: System', undefined, { radio: true }),
      cmd('view.themeLight', 'Theme: Light', undefined, { radio: true }),
      cmd('view.themeDark', 'Theme: Dark', undefined, { radio: true }),
      separator,
      { kind: 'native', role: 'togglefullscreen', accelerator: { darwin: 'Ctrl+Cmd+F', win32: 'F11', linux: 'F11' } },
    ],
  },
  {
    id: 'tier',
    label: 'Tier',
    items: [
      cmd('tier.previous', 'Previous Tier', 'CmdOrCtrl+PageUp'),
      cmd('tier.next', 'Next Tier', 'CmdOrCtrl+PageDown'),
      separator,
      cmd('tier.new', 'New Tier…'),
      cmd('tier.duplicate', 'Duplicate Tier', 'CmdOrCtrl+Shift+D'),
      cmd('tier.rename', 'Rename Tier…'),
      cmd('tier.delete', 'Delete Tier…'),
      separator,
      cmd('tier.compare', 'Compare Tiers'),
    ],
  },
  {
    id: 'deploy',
    label: 'Deploy',
    items: [cmd('deploy.plan', 'Plan…', 'CmdOrCtrl+Shift+P'), cmd('deploy.apply', 'Deploy…', 'CmdOrCtrl+Shift+Enter'), cmd('deploy.cancel', 'Cancel Deploy'), cmd('deploy.rollback', 'Roll Back to Previous…'), separator, cmd('deploy.knownHosts', 'Known Hosts…')],
  },
  {
    id: 'help',
    label: 'Help',
    items: [
      cmd('help.shortcuts', 'Keyboard Shortcuts', { darwin: 'Cmd+/', win32: 'Ctrl+/', linux: 'Ctrl+/' }),
      cmd('help.docs', 'Documentation'),
      cmd('help.reportIssue', 'Report an Issue'),
      separator,
      cmd('help.about', 'About Stackdraft'),
    ],
  },
];

/** Every command item of the model, in menu order. */
export function commandItems(menus: readonly Menu[] = MENUS): Extract<MenuItem, { kind: 'command' }>[] {
  return menus.flatMap((menu) => menu.items.filter((item): item is Extract<MenuItem, { kind: 'command' }> => item.kind === 'command'));
}

/** A command carries no path, so main queues the file (recent, double click) and sends this; the renderer takes it with app.takeStartupOpen. */
export const OPEN_PENDING_COMMAND: CommandId = 'file.openPending';

/** Drops separators at either end and doubled ones (left behind when items are left out). */
export function compactSeparators<T extends { kind?: string; type?: string }>(items: T[]): T[] {
  const isSeparator = (item: T) => item.kind === 'separator' || item.type === 'separator';
  return items.filter((item, index) => {
    if (!isSeparator(item)) return true;
    const next = items.slice(index + 1).find((i) => !isSeparator(i));
    return next !== undefined && index > 0 && !isSeparator(items[index - 1]!) && items.slice(0, index).some((i) => !isSeparator(i));
  });
}
