import { useEffect } from 'react';
import { onEvent } from '../ipc/client';
import { useAppStore } from '../store';

/** Runs a command by name: from the native menu (`menu.command`) or a shortcut. */
export function runCommand(command: string): void {
  const s = useAppStore.getState();
  switch (command) {
    case 'file.open':
      return s.requestOpen();
    case 'file.save':
      return void s.save();
    case 'file.saveAs':
      return s.requestSaveAs();
    case 'file.close':
      return s.closeDocument();
    default:
      console.warn(`Unknown command "${command}".`);
  }
}

/** Ctrl/⌘+O, S, Shift+S. In Electron the menu's accelerators send `menu.command` instead. */
function shortcut(event: KeyboardEvent): string | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  if (key === 'o' && !event.shiftKey) return 'file.open';
  if (key === 's') return event.shiftKey ? 'file.saveAs' : 'file.save';
  return undefined;
}

/** Listens to menu commands from main and, in the browser, to keyboard shortcuts. */
export function useCommands(): void {
  const phase = useAppStore((s) => s.phase);
  const transport = useAppStore((s) => s.appInfo?.transport);
  useEffect(() => {
    if (phase !== 'ready') return;
    const offMenu = onEvent('menu.command', ({ command }) => runCommand(command));
    if (transport === 'electron') return offMenu;
    const onKey = (event: KeyboardEvent) => {
      const command = shortcut(event);
      if (!command) return;
      event.preventDefault();
      runCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offMenu();
      window.removeEventListener('keydown', onKey);
    };
  }, [phase, transport]);
}
