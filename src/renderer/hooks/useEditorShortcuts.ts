import { useEffect } from 'react';
import { matchShortcut } from '../components/CheatSheet/shortcuts';
import { useAppStore } from '../store';

/** Whether the key belongs to a text field (typing "z" or Backspace there is not a command). */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** The editor's keyboard shortcuts (listed in `SHORTCUTS`), each calling a named store action. */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The menu's key handler (useCommands) may have run this as a command already.
      if (event.defaultPrevented) return;
      const shortcut = matchShortcut(event);
      if (!shortcut) return;
      const s = useAppStore.getState();
      if (!s.topology && shortcut.action !== 'cheatSheet' && shortcut.action !== 'toggleTheme') return;
      // In a text field only the undo/redo of the field itself and Escape apply.
      if (typing(event.target) && shortcut.action !== 'escape' && shortcut.action !== 'find') return;
      event.preventDefault();
      switch (shortcut.action) {
        case 'view.host':
          return s.switchView('host');
        case 'view.plane':
          return s.switchView('plane');
        case 'cheatSheet':
          return s.toggleCheatSheet();
        case 'escape':
          if (s.pendingDeletion) return s.cancelDeletion();
          if (s.cheatSheetOpen) return s.toggleCheatSheet(false);
          if (s.searchOpen) return s.closeFind();
          return s.clearSelection();
        case 'autoLayout':
          return void s.autoLayout();
        default: {
          const action = s[shortcut.action as keyof typeof s];
          if (typeof action === 'function') (action as () => void)();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
