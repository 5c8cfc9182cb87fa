import { useEffect } from 'react';
import { call, onEvent } from '../ipc/client';
import { shellCommands } from '../commands/builtin';
import { deployCommands } from '../commands/deployCommands';
import { editorCommands } from '../commands/editorCommands';
import { exportCommands } from '../commands/exportCommands';
import { commands, currentPlatform } from '../commands/registry';
import { settingsCommands } from '../commands/settingsCommands';
import { useAppStore } from '../store';

/** Runs a command by id, from wherever it came; false when it is unknown or disabled. */
export function runCommand(command: string): boolean {
  return commands.run(command);
}

/** Where Ctrl+Z, Ctrl+A and friends belong to the text being edited, not the canvas. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Registers the shell's commands, runs native menu commands (`menu.command`) and, in the
 * browser (no native menu, so no accelerators), the menu's keyboard shortcuts.
 */
export function useCommands(): void {
  const phase = useAppStore((s) => s.phase);
  const transport = useAppStore((s) => s.appInfo?.transport);
  useEffect(() => commands.register(...shellCommands(useAppStore, call), ...editorCommands(useAppStore), ...deployCommands(useAppStore), ...exportCommands(useAppStore), ...settingsCommands()), []);
  useEffect(() => {
    if (phase !== 'ready') return;
    const offMenu = onEvent('menu.command', ({ command }) => {
      if (!runCommand(command)) console.warn(`Menu command "${command}" is not available here.`);
    });
    if (transport === 'electron') return offMenu;
    const platform = currentPlatform();
    const onKey = (event: KeyboardEvent) => {
      // The editor's own shortcut handler may have taken this key already (Ctrl+Z, Delete …).
      if (event.defaultPrevented) return;
      const command = commands.commandForKey(event, platform);
      if (!command || (command.startsWith('edit.') && isTextEntry(event.target))) return;
      // A modal dialog owns the keyboard.
      if (document.querySelector('[aria-modal="true"]') && command !== 'help.shortcuts') return;
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
