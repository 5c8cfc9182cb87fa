import { join } from 'node:path';
import type { BrowserWindow} from 'electron';
import { app, dialog, Menu, safeStorage, shell } from 'electron';
import type { RecentFile } from '../../shared/ipc';
import { OPEN_PENDING_COMMAND, type Platform } from '../../shared/menu';
import { APP_LINKS } from '../../shared/settings';
import { APP_NAME, mayClose, windowTitle, type CloseChoice, type WindowDocument } from '../services/document-state';
import { Secrets } from '../services/secrets';
import type { MenuState } from '../ipc/shell-handlers';
import { nativeMenuTemplate } from './menu-template';
import { isOwnLink } from './window';
import { sendEvent } from './ipc';

const OWN_LINKS: readonly string[] = Object.values(APP_LINKS);

/** Opens one of the app's own https links; anything else is refused (checked again here). */
export async function openOwnLink(url: string): Promise<void> {
  if (!isOwnLink(url, OWN_LINKS)) throw new Error(`Refused to open ${url}: not one of Stackdraft's own links.`);
  await shell.openExternal(url);
}

/** Secrets encrypted by the OS keychain, in `<userData>/secrets.json`. */
export function openSecrets(): Secrets {
  return new Secrets(
    {
      isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
      // Linux only; elsewhere the keychain is always a real one.
      getSelectedStorageBackend: process.platform === 'linux' ? () => safeStorage.getSelectedStorageBackend() : undefined,
      encryptString: (text) => safeStorage.encryptString(text),
      decryptString: (data) => safeStorage.decryptString(data),
    },
    join(app.getPath('userData'), 'secrets.json'),
  );
}

export interface AppMenuDeps {
  recent: () => RecentFile[];
  theme: () => string;
  /** What the window last reported it can run and has checked; null before it did. */
  menuState: () => MenuState | null;
  window: () => BrowserWindow | null;
  /** Queues a file for the window to take with app.takeStartupOpen. */
  queueOpen(path: string): void;
  clearRecent(): void;
}

/** Builds (and rebuilds, when the recent files change) the native application menu. */
export function installAppMenu(deps: AppMenuDeps): () => void {
  const send = (command: string) => {
    const window = deps.window();
    if (window) sendEvent(window.webContents, 'menu.command', { command });
  };
  const rebuild = () => {
    const template = nativeMenuTemplate({
      platform: process.platform as Platform,
      appName: APP_NAME,
      recent: deps.recent(),
      send,
      openRecent: (path) => {
        deps.queueOpen(path);
        send(OPEN_PENDING_COMMAND);
      },
      clearRecent: () => {
        deps.clearRecent();
        app.clearRecentDocuments();
        rebuild();
      },
      checked: deps.menuState()?.checked ?? new Set([`view.theme${deps.theme().replace(/^\w/, (c) => c.toUpperCase())}`]),
      enabled: deps.menuState()?.enabled,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  rebuild();
  return rebuild;
}

/**
 * The title follows the document; closing with unsaved work asks Save / Don't Save /
 * Cancel, and "Save" closes only once the window reports the document saved.
 */
export function followDocument(window: BrowserWindow, document: WindowDocument, onChange: () => void): void {
  const off = document.onChange((state) => {
    if (window.isDestroyed()) return;
    window.setTitle(windowTitle(state, process.platform));
    window.setRepresentedFilename(state?.path ?? '');
    window.setDocumentEdited(state?.dirty ?? false);
    if (state?.path) app.addRecentDocument(state.path);
    onChange();
  });
  window.on('closed', off);
  // The title is main's (the macOS dot lives in the close button), not the page's.
  window.on('page-title-updated', (event) => event.preventDefault());

  let closing = false;
  window.on('close', (event) => {
    if (closing || !document.dirty) return;
    event.preventDefault();
    void mayClose(document, (state) => askToSave(window, state.name), () => sendEvent(window.webContents, 'menu.command', { command: 'file.save' })).then((ok) => {
      if (!ok || window.isDestroyed()) return;
      closing = true;
      window.close();
    });
  });
}

async function askToSave(window: BrowserWindow, name: string): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    message: `Do you want to save the changes to ${name}?`,
    detail: 'Your changes will be lost if you close without saving.',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  });
  return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel';
}
