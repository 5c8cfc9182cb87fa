/** Every editor shortcut, for the key handler and the cheat sheet alike (one list, never out of step). */
export interface Shortcut {
  /** As shown: "Ctrl+Z". ⌘ replaces Ctrl on macOS. */
  keys: string;
  action: string;
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+Z', action: 'undo', label: 'Undo' },
  { keys: 'Ctrl+Shift+Z', action: 'redo', label: 'Redo' },
  { keys: 'Ctrl+Y', action: 'redo', label: 'Redo' },
  { keys: 'Ctrl+C', action: 'copy', label: 'Copy' },
  { keys: 'Ctrl+X', action: 'cut', label: 'Cut' },
  { keys: 'Ctrl+V', action: 'paste', label: 'Paste' },
  { keys: 'Ctrl+D', action: 'duplicate', label: 'Duplicate' },
  { keys: 'Ctrl+A', action: 'selectAll', label: 'Select all' },
  { keys: 'Delete', action: 'deleteSelection', label: 'Delete the selection' },
  { keys: 'Backspace', action: 'deleteSelection', label: 'Delete the selection' },
  { keys: 'Ctrl+F', action: 'find', label: 'Find a node' },
  { keys: 'Ctrl+=', action: 'zoomIn', label: 'Zoom in' },
  { keys: 'Ctrl+-', action: 'zoomOut', label: 'Zoom out' },
  { keys: 'Shift+1', action: 'fitView', label: 'Fit the view' },
  { keys: 'Ctrl+Shift+L', action: 'autoLayout', label: 'Auto-layout' },
  { keys: 'Ctrl+G', action: 'toggleSnapToGrid', label: 'Snap to grid on/off' },
  { keys: 'Ctrl+1', action: 'view.host', label: 'View by host' },
  { keys: 'Ctrl+2', action: 'view.plane', label: 'View by plane' },
  { keys: 'Ctrl+Shift+D', action: 'toggleTheme', label: 'Light / dark theme' },
  { keys: '?', action: 'cheatSheet', label: 'This list of shortcuts' },
  { keys: 'Escape', action: 'escape', label: 'Close a dialog, clear the selection' },
];

/** The shortcut a key event means, or undefined. */
export function matchShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): Shortcut | undefined {
  if (event.altKey) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  return SHORTCUTS.find((s) => {
    const parts = s.keys.split('+');
    const want = parts.at(-1)!;
    // "?" and "!" come with Shift by nature; only named modifiers are compared for them.
    const shiftMatters = want.length !== 1 || /[A-Z0-9=-]/.test(want);
    if (parts.includes('Ctrl') !== mod) return false;
    if (shiftMatters && parts.includes('Shift') !== event.shiftKey) return false;
    if (want === key) return true;
    return want === '1' && event.shiftKey && key === '!';
  });
}
