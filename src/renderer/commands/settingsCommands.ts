import { usePreferences } from '../components/Preferences/store';
import type { Command } from './registry';

/** File ▸ Preferences… (the app menu on macOS): opens the Preferences dialog. */
export function settingsCommands(): Command[] {
  return [{ id: 'file.preferences', run: () => usePreferences.getState().show() }];
}
