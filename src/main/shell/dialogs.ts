import { join } from 'node:path';
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { Dialogs } from '../ipc/handlers';

const FILTERS: FileFilter[] = [
  // Electron filters take bare extensions, so "stackdraft.yaml" is matched as "yaml".
  { name: 'Stackdraft topology (*.stackdraft.yaml)', extensions: ['yaml', 'yml'] },
];

/** Native open and save dialogs, attached to the main window when there is one. */
export function nativeDialogs(parent: () => BrowserWindow | null): Dialogs {
  return {
    async pickOpenPath() {
      const options: Electron.OpenDialogOptions = { title: 'Open topology', properties: ['openFile'], filters: FILTERS };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSavePath(suggestedName) {
      const options: Electron.SaveDialogOptions = {
        title: 'Save topology as',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: FILTERS,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
